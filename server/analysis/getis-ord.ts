import type { NeighbourList } from './neighbours.js';

/**
 * Getis-Ord Gi* z-scores with binary weights (Getis & Ord 1992; Ord & Getis 1995), the form
 * ArcGIS's Hot Spot Analysis uses:
 *
 *   Gi* = (Σj wij xj − X̄ Σj wij) / ( S √[ (n Σj wij² − (Σj wij)²) / (n − 1) ] )
 *   X̄ = Σ xj / n,  S = √( Σ xj² / n − X̄² )
 *
 * With binary weights Σ wij = Σ wij² = Wi, the number of neighbours of i in the region (itself
 * included). NaN where the statistic is undefined: every value equal (S = 0), or a cell whose
 * neighbourhood is the whole region (the denominator is 0).
 */
export function getisOrdGiStar(values: ArrayLike<number>, neighbours: NeighbourList): Float64Array {
  const n = values.length;
  const z = new Float64Array(n).fill(Number.NaN);
  if (n < 2) return z;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
    sumSquares += values[i]! * values[i]!;
  }
  const mean = sum / n;
  const s = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
  if (s === 0) return z;
  const { offsets, indices } = neighbours;
  for (let i = 0; i < n; i++) {
    let local = 0;
    const w = offsets[i + 1]! - offsets[i]!;
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) local += values[indices[k]!]!;
    const variance = (n * w - w * w) / (n - 1);
    if (variance <= 0) continue;
    z[i] = (local - mean * w) / (s * Math.sqrt(variance));
  }
  return z;
}
