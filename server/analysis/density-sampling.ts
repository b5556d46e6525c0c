/**
 * Where to evaluate a density surface drawn as hexagons. A quartic kernel whose radius spans only
 * one or two cell spacings draws the cells as blocks; the centres of the cells one resolution
 * finer (7 children, spacing 1/√7 as wide) give a smooth surface, at 7 times the cells. So: one
 * resolution finer when the bandwidth is under SMOOTH_SPACINGS spacings of the map's cells and the
 * finer cells stay within MAX_DENSITY_SAMPLES (the response stays a few megabytes at most);
 * otherwise the map's own cells.
 */

export const SMOOTH_SPACINGS = 4;
export const MAX_DENSITY_SAMPLES = 60_000;

export function densitySampleRes(
  res: number,
  bandwidth: number,
  cells: number,
  spacing: (res: number) => number,
): number {
  if (res >= 10 || bandwidth >= SMOOTH_SPACINGS * spacing(res)) return res;
  return cells * 7 <= MAX_DENSITY_SAMPLES ? res + 1 : res;
}
