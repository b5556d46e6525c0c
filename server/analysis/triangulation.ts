import { conditionalBinomialP } from './count-tests.js';
import { benjaminiHochberg } from './fdr.js';

/** A place (cell or area) with its police-recorded and hospital (ED) counts. */
export interface SourcePair {
  id: string;
  police: number;
  ed: number;
}

/**
 * - `ed-excess`: a larger share of the ED records than of the police records falls here, beyond
 *   chance: violence that reaches hospital but (relatively) not the police, likely unreported;
 * - `police-excess`: the other way round;
 * - `both-hot`: no significant difference in share, and a Gi* hot spot (95%+) in both sources;
 * - `none`: none of these.
 */
export type TriangulationClass = 'ed-excess' | 'police-excess' | 'both-hot' | 'none';

export interface Triangulated {
  id: string;
  /** Exact two-sided binomial p of the ED count given the place's total, and its FDR-adjusted q; null where nothing was tested. */
  p: number | null;
  q: number | null;
  class: TriangulationClass;
}

/** Significance for the share test after the false-discovery-rate correction. */
export const ALPHA = 0.05;

/**
 * Police against ED, place by place, allowing for the sources' different volumes: given a place's
 * combined count n, its ED count is Binomial(n, π) if both sources had the same spatial spread,
 * π = the ED share of all records (E / (E + P)). Exact two-sided binomial test per place with any
 * record, Benjamini-Hochberg over those tested. `bothHot(i)` says whether place i is a Gi* hot
 * spot in both sources (for the places whose shares do not differ).
 */
export function triangulate(
  places: readonly SourcePair[],
  bothHot: (index: number) => boolean = () => false,
): { edShare: number | null; places: Triangulated[] } {
  const P = places.reduce((a, x) => a + x.police, 0);
  const E = places.reduce((a, x) => a + x.ed, 0);
  const testable = P > 0 && E > 0;
  const tested = places.map((x, i) => (testable && x.police + x.ed > 0 ? i : -1)).filter((i) => i >= 0);
  const p = tested.map((i) => conditionalBinomialP(places[i]!.ed, places[i]!.police, E, P));
  const q = benjaminiHochberg(Float64Array.from(p));
  const byIndex = new Map(tested.map((i, j) => [i, j]));
  const share = E + P > 0 ? E / (E + P) : null;
  return {
    edShare: share,
    places: places.map((x, i) => {
      const j = byIndex.get(i);
      if (j === undefined) return { id: x.id, p: null, q: null, class: bothHot(i) ? 'both-hot' : 'none' };
      const significant = q[j]! < ALPHA;
      const edShare = x.ed / (x.ed + x.police);
      const cls: TriangulationClass = significant
        ? edShare > share!
          ? 'ed-excess'
          : 'police-excess'
        : bothHot(i)
          ? 'both-hot'
          : 'none';
      return { id: x.id, p: p[j]!, q: q[j]!, class: cls };
    }),
  };
}

/**
 * Levels for a bivariate map: 0 none, 1 low, 2 high (at or above the 75th percentile of the
 * places with any record). Withheld counts (null) rank as just below `threshold`, as the priority
 * lists rank them, so a level tells no more than the released counts.
 */
export function bivariateLevels(counts: readonly (number | null)[], threshold: number | null): (0 | 1 | 2)[] {
  const value = (c: number | null) => (c === null ? (threshold ?? 1) - 0.5 : c);
  const positive = counts
    .map(value)
    .filter((v) => v > 0)
    .sort((a, b) => a - b);
  if (positive.length === 0) return counts.map(() => 0);
  const cut = positive[Math.floor(0.75 * (positive.length - 1))]!;
  return counts.map((c) => (value(c) <= 0 ? 0 : value(c) >= cut && value(c) > positive[0]! ? 2 : 1));
}
