import { coldSpotsPossible } from './cold-spots.js';
import { benjaminiHochberg } from './fdr.js';
import { getisOrdGiStar } from './getis-ord.js';
import { giBin, type GiBin } from './hotspot-class.js';
import { neighbourhood, type Ring } from './neighbourhood.js';
import { twoSidedP } from './normal.js';
import { PERMUTATION_SEED, PERMUTATIONS, permutationGiStar } from './permutation.js';

export type Inference = 'normal' | 'permutation';

export interface HotspotCell {
  h3: string;
  count: number;
  /** Gi* z-score; null where undefined (a flat region). */
  z: number | null;
  /** Two-sided normal p, or the permutation pseudo p (one-sided in the direction observed). */
  p: number | null;
  /** Benjamini-Hochberg adjusted p over the region's cells. */
  q: number | null;
  /** ArcGIS Gi_Bin from the direction and q. */
  class: GiBin;
}

export interface HotspotResult {
  cells: HotspotCell[];
  /** The ring used (chosen when 'auto' was asked for). */
  k: number;
  auto: boolean;
  /** The fewest neighbours any cell has in the region, itself not counted. */
  fewestNeighbours: number;
  /** Cells with fewer than 8 neighbours in the region. */
  shortOfNeighbours: string[];
  inference: Inference;
  /** Whether these counts could make any cell a cold spot, whatever their arrangement. */
  coldSpotsPossible: boolean;
}

export interface HotspotOptions {
  inference?: Inference;
  permutations?: number;
  seed?: number;
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * Gi* hot and cold spots over a study region: every cell of the region (zero counts included),
 * binary k-ring weights (k given, or the smallest giving every cell 8 neighbours), p from the
 * normal approximation (two-sided) or conditional permutations, FDR-adjusted q, and the class at
 * 90/95/99% from q, hot or cold by the sign of z (normal) or the tail observed (permutation).
 */
export function hotspots(
  region: readonly string[],
  counts: ReadonlyMap<string, number>,
  k: Ring,
  options: HotspotOptions = {},
): HotspotResult {
  const inference = options.inference ?? 'normal';
  const values = Float64Array.from(region, (h) => counts.get(h) ?? 0);
  const hood = neighbourhood(region, k);
  const z = getisOrdGiStar(values, hood.neighbours);
  let p: Float64Array;
  let direction: ArrayLike<number>;
  if (inference === 'permutation') {
    const perm = permutationGiStar(
      values,
      hood.neighbours,
      options.permutations ?? PERMUTATIONS,
      options.seed ?? PERMUTATION_SEED,
    );
    // Where z is undefined (a flat region) there is nothing to test.
    p = perm.p.map((v, i) => (Number.isNaN(z[i]!) ? Number.NaN : v));
    direction = perm.direction;
  } else {
    p = z.map(twoSidedP);
    direction = z;
  }
  const q = benjaminiHochberg(p);
  return {
    cells: region.map((h3, i) => ({
      h3,
      count: values[i]!,
      z: orNull(z[i]!),
      p: orNull(p[i]!),
      q: orNull(q[i]!),
      class: giBin(Number.isNaN(z[i]!) ? Number.NaN : direction[i]!, q[i]!),
    })),
    k: hood.k,
    auto: hood.auto,
    fewestNeighbours: hood.fewest,
    shortOfNeighbours: hood.short,
    inference,
    coldSpotsPossible: coldSpotsPossible(values, hood.neighbours, inference, options.permutations ?? PERMUTATIONS),
  };
}
