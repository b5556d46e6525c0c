export type Rgba = [number, number, number, number];

/** ColorBrewer YlOrRd (7 classes), light to dark. */
const YL_OR_RD: readonly [number, number, number][] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [252, 78, 42],
  [227, 26, 28],
  [177, 0, 38],
];

// Translucent enough for the boundary lines drawn below the hexagons to read through them.
const FILL_ALPHA = 175;

/** Suppressed ("fewer than k") cells: a cool blue-grey that is not on the yellow-red ramp. */
export const SUPPRESSED_FILL: Rgba = [120, 132, 160, 170];
export const SUPPRESSED_OUTLINE: Rgba = [35, 45, 80, 255];
export const COUNT_OUTLINE: Rgba = [120, 40, 20, 120];

/** Position of a count on a log scale from 1 (0) to `max` (1). */
export function logPosition(count: number, max: number): number {
  if (max <= 1) return 1;
  const t = Math.log(Math.max(count, 1)) / Math.log(max);
  return Math.min(1, Math.max(0, t));
}

/** Colour for a position in [0, 1] on the yellow-to-red ramp. */
export function rampColour(t: number): Rgba {
  const scaled = Math.min(1, Math.max(0, t)) * (YL_OR_RD.length - 1);
  const lower = Math.floor(scaled);
  const upper = Math.min(lower + 1, YL_OR_RD.length - 1);
  const mix = scaled - lower;
  const a = YL_OR_RD[lower]!;
  const b = YL_OR_RD[upper]!;
  return [lerp(a[0], b[0], mix), lerp(a[1], b[1], mix), lerp(a[2], b[2], mix), FILL_ALPHA];
}

export function countColour(count: number, max: number): Rgba {
  return rampColour(logPosition(count, max));
}

/**
 * Up to `steps` distinct whole counts spread on a log scale from the smallest to the largest
 * count shown (restricted maps show no count below their threshold), for the legend.
 */
export function legendStops(min: number, max: number, steps = 5): number[] {
  const low = Math.max(1, Math.min(min, max));
  if (max <= low) return [max];
  const stops = new Set<number>();
  for (let i = 0; i < steps; i++) {
    stops.add(Math.round(Math.exp(Math.log(low) + ((Math.log(max) - Math.log(low)) * i) / (steps - 1))));
  }
  return [...stops].sort((x, y) => x - y);
}

export function cssColour([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}

function lerp(a: number, b: number, t: number): number {
  return Math.round(a + (b - a) * t);
}
