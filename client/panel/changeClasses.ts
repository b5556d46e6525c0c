import type { Rgba } from '../map/colourScale';

/** The change classes' colours, darkest for new (their names and order come from the server's vocabulary). */
const CHANGE_FILL: Record<string, Rgba> = {
  new: [128, 0, 38, 220],
  increasing: [227, 26, 28, 210],
  persistent: [253, 141, 60, 210],
  decreasing: [107, 174, 214, 210],
  ceased: [33, 113, 181, 210],
  'no-significant-change': [210, 214, 222, 160],
};

export const NO_CHANGE = 'no-significant-change';

export const changeFill = (id: string): Rgba => CHANGE_FILL[id] ?? [0, 0, 0, 0];
