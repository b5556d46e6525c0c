import type { Rgba } from '../map/colourScale';

/** ArcGIS's hot spot palette: red hot, blue cold, three confidence levels; not significant unfilled. */
export const CLASS_FILL: Record<number, Rgba> = {
  3: [215, 48, 39, 200],
  2: [252, 141, 89, 190],
  1: [254, 224, 144, 180],
  0: [0, 0, 0, 0],
  [-1]: [224, 243, 248, 180],
  [-2]: [145, 191, 219, 190],
  [-3]: [69, 117, 180, 200],
};

export const CLASS_LABELS: [number, string][] = [
  [3, 'Hot spot, 99% confidence'],
  [2, 'Hot spot, 95% confidence'],
  [1, 'Hot spot, 90% confidence'],
  [0, 'Not significant'],
  [-1, 'Cold spot, 90% confidence'],
  [-2, 'Cold spot, 95% confidence'],
  [-3, 'Cold spot, 99% confidence'],
];
