import type { Rgba } from '../map/colourScale';

/** Quintile bands of density, light to dark (ColorBrewer YlOrBr); band 0 (no density) unfilled. */
export const BAND_FILL: readonly Rgba[] = [
  [0, 0, 0, 0],
  [255, 255, 212, 150],
  [254, 217, 142, 170],
  [254, 153, 41, 185],
  [217, 95, 14, 200],
  [153, 52, 4, 215],
];

export const BAND_LABELS = [
  'No incidents within the bandwidth',
  'Lowest fifth',
  'Second fifth',
  'Middle fifth',
  'Fourth fifth',
  'Highest fifth',
];
