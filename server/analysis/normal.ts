import cdf from '@stdlib/stats-base-dists-normal-cdf';

/** Two-sided p-value of a standard normal z: 2 Φ(-|z|), computed in the tail so large |z| keep precision. */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * cdf(-Math.abs(z), 0, 1));
}
