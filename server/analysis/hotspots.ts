import { benjaminiHochberg } from './fdr.js';
import { getisOrdGiStar } from './getis-ord.js';
import { giBin, type GiBin } from './hotspot-class.js';
import { cachedKRingNeighbours } from './neighbours.js';
import { twoSidedP } from './normal.js';

export interface HotspotCell {
  h3: string;
  count: number;
  /** Gi* z-score; null where undefined (a flat region). */
  z: number | null;
  p: number | null;
  /** Benjamini-Hochberg adjusted p over the region's cells. */
  q: number | null;
  /** ArcGIS Gi_Bin from z and q. */
  class: GiBin;
}

export interface HotspotResult {
  cells: HotspotCell[];
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/**
 * Gi* hot and cold spots over a study region: every cell of the region (zero counts included),
 * binary k-ring weights, two-sided p, FDR-adjusted q, and the class at 90/95/99% from q.
 */
export function hotspots(region: readonly string[], counts: ReadonlyMap<string, number>, k: number): HotspotResult {
  const values = Float64Array.from(region, (h) => counts.get(h) ?? 0);
  const neighbours = cachedKRingNeighbours(region, k);
  const z = getisOrdGiStar(values, neighbours);
  const p = z.map(twoSidedP);
  const q = benjaminiHochberg(p);
  return {
    cells: region.map((h3, i) => ({
      h3,
      count: values[i]!,
      z: orNull(z[i]!),
      p: orNull(p[i]!),
      q: orNull(q[i]!),
      class: giBin(z[i]!, q[i]!),
    })),
  };
}
