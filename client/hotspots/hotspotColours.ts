import type { Rgba } from '../map/colourScale';

/**
 * ArcGIS's hot spot palette by Gi* class: red hot, blue cold, three confidence levels; not
 * significant unfilled. (The classes' labels come from the server's vocabulary.)
 */
export const CLASS_FILL: Record<number, Rgba> = {
  3: [215, 48, 39, 200],
  2: [252, 141, 89, 190],
  1: [254, 224, 144, 180],
  0: [0, 0, 0, 0],
  [-1]: [224, 243, 248, 180],
  [-2]: [145, 191, 219, 190],
  [-3]: [69, 117, 180, 200],
};
