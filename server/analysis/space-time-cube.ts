import { getisOrdGiStar } from './getis-ord.js';
import type { NeighbourList } from './neighbours.js';

/**
 * Gi* over a space-time cube (ArcGIS Emerging Hot Spot Analysis with a neighbourhood time step
 * of 1): the bins are every cell in every period, a bin's neighbours are its spatial neighbours
 * (itself included) in the same period and in the period before, and the mean and spread are
 * the whole cube's. z per period, oldest first; the first period has no period before it.
 */
export function spaceTimeGiStar(periods: readonly ArrayLike<number>[], neighbours: NeighbourList): Float64Array[] {
  const n = neighbours.offsets.length - 1;
  const t = periods.length;
  const values = new Float64Array(n * t);
  periods.forEach((v, s) => {
    for (let i = 0; i < n; i++) values[s * n + i] = v[i]!;
  });
  const offsets = new Int32Array(n * t + 1);
  const indices: number[] = [];
  for (let s = 0; s < t; s++) {
    for (let i = 0; i < n; i++) {
      for (const step of s > 0 ? [s, s - 1] : [s]) {
        for (let k = neighbours.offsets[i]!; k < neighbours.offsets[i + 1]!; k++)
          indices.push(step * n + neighbours.indices[k]!);
      }
      offsets[s * n + i + 1] = indices.length;
    }
  }
  const z = getisOrdGiStar(values, { offsets, indices: Int32Array.from(indices) });
  return periods.map((_, s) => z.slice(s * n, (s + 1) * n));
}
