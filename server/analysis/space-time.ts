import { holm } from './fdr.js';
import { mannKendall } from './mann-kendall.js';

/**
 * One cell's Gi* over consecutive periods, oldest first: z (null where undefined), whether
 * significant (FDR over the region's cells, 95%), and the period's unadjusted two-sided p.
 */
export interface GiSeries {
  z: readonly (number | null)[];
  significant: readonly boolean[];
  p?: readonly (number | null)[];
}

export type EmergingClass =
  | 'new'
  | 'consecutive'
  | 'intensifying'
  | 'persistent'
  | 'diminishing'
  | 'sporadic'
  | 'oscillating'
  | 'historical';

/** ArcGIS Emerging Hot Spot Analysis patterns, hot or cold; null = no pattern detected. */
export type EhsaPattern = { kind: 'hot' | 'cold'; pattern: EmergingClass } | null;

/**
 * Emerging Hot Spot Analysis (ArcGIS Pro): each cell's series of significant hot and cold spots
 * over n periods and the Mann-Kendall trend of its z-scores give one of eight patterns:
 * - new: significant only in the final period;
 * - consecutive: one unbroken run in the final periods, never before, under 90% of periods;
 * - intensifying / persistent / diminishing: at least 90% of periods including the final one, with a
 *   significant rising / no significant / a significant falling trend in z (towards the extreme);
 * - sporadic: final period significant, under 90%, never the opposite kind;
 * - oscillating: final period significant, under 90%, the opposite kind at some time;
 * - historical: at least 90% of periods but not the final one.
 */
export function emergingPattern(series: GiSeries, alpha = 0.05): EhsaPattern {
  const n = series.z.length;
  for (const kind of ['hot', 'cold'] as const) {
    const sign = kind === 'hot' ? 1 : -1;
    const is = series.z.map((z, i) => series.significant[i]! && z !== null && Math.sign(z) === sign);
    const opposite = series.z.map((z, i) => series.significant[i]! && z !== null && Math.sign(z) === -sign);
    const count = is.filter(Boolean).length;
    if (count === 0) continue;
    const share = count / n;
    const final = is[n - 1]!;
    if (final && count === 1) return { kind, pattern: 'new' };
    if (final && share < 0.9) {
      let run = 0;
      while (run < n && is[n - 1 - run]) run++;
      if (run >= 2 && run === count) return { kind, pattern: 'consecutive' };
    }
    if (share >= 0.9 && final) {
      const trend = mannKendall(series.z.map((z) => z ?? 0));
      const towardsExtreme = sign * trend.s > 0;
      if (trend.p < alpha) return { kind, pattern: towardsExtreme ? 'intensifying' : 'diminishing' };
      return { kind, pattern: 'persistent' };
    }
    if (share >= 0.9 && !final) return { kind, pattern: 'historical' };
    if (final && share < 0.9) return { kind, pattern: opposite.some(Boolean) ? 'oscillating' : 'sporadic' };
  }
  return null;
}

export type SfhotspotClass =
  | 'persistent hotspot'
  | 'emerging hotspot'
  | 'former hotspot'
  | 'intermittent hotspot'
  | 'persistent coldspot'
  | 'emerging coldspot'
  | 'former coldspot'
  | 'intermittent coldspot'
  | 'mixed hot/coldspot'
  | 'no pattern';

/** sfhotspot's hotspot_classify_params() defaults. */
export const SFHOTSPOT_PARAMS = { hotspotProp: 0.1, persistentProp: 0.8, recentProp: 0.2, criticalP: 0.05 } as const;

/** How a cell counts as a hot or cold spot in a period for the sfhotspot classes. */
export type SfhotspotRule = 'sfhotspot' | 'fdr-over-cells';

/** The shares of periods: all, older, recent. */
interface Shares {
  all: number;
  older: number;
  recent: number;
}

/** The class from the shares, in hotspot_classify()'s order, hot and cold; both is mixed. */
function classFromShares(hot: Shares, cold: Shares, params: typeof SFHOTSPOT_PARAMS): SfhotspotClass {
  const classify = (s: Shares, name: 'hotspot' | 'coldspot'): SfhotspotClass | null => {
    if (s.all >= params.persistentProp) return `persistent ${name}`;
    if (s.older < params.hotspotProp && s.recent >= params.recentProp) return `emerging ${name}`;
    if (s.older >= params.hotspotProp && s.recent < params.hotspotProp) return `former ${name}`;
    if (s.all >= params.hotspotProp) return `intermittent ${name}`;
    return null;
  };
  const h = classify(hot, 'hotspot');
  const c = classify(cold, 'coldspot');
  if (h && c) return 'mixed hot/coldspot';
  return h ?? c ?? 'no pattern';
}

/** max(1, ⌊recentProp·n⌋) recent periods, and at least one older one. */
function recentPeriods(n: number, params: typeof SFHOTSPOT_PARAMS): number {
  const recent = Math.max(1, Math.floor(params.recentProp * n));
  if (n - recent < 1) throw new RangeError('sfhotspot classes need at least one recent and one older period');
  return recent;
}

/**
 * sfhotspot's hotspot_classify() exactly, from each period's Gi* z and unadjusted two-sided p
 * (its gistar() adjusts nothing over cells): each cell's p over its periods Holm-adjusted
 * (p.adjust's default), significant below critical_p 0.05, hot where z > 0, cold otherwise. Its
 * shares as its code computes them: all periods; the older n − r (r = max(1, ⌊0.2n⌋)); and
 * "recent" as the significant periods among the last r + 1 divided by r (its column range
 * (n − r):n is one longer than r).
 */
export function sfhotspotClass(series: GiSeries, params = SFHOTSPOT_PARAMS): SfhotspotClass {
  const n = series.z.length;
  const r = recentPeriods(n, params);
  if (!series.p) throw new TypeError("sfhotspot classes need each period's p");
  const adjusted = holm(series.p.map((p) => p ?? Number.NaN));
  const sig = (sign: 1 | -1) =>
    series.z.map((z, i) => {
      if (z === null || !(adjusted[i]! < params.criticalP)) return false;
      return sign === 1 ? z > 0 : !(z > 0);
    });
  const shares = (is: boolean[]): Shares => {
    const count = (from: number, to: number) => is.slice(from, to).filter(Boolean).length;
    return { all: count(0, n) / n, older: count(0, n - r) / (n - r), recent: count(n - r - 1, n) / r };
  };
  return classFromShares(shares(sig(1)), shares(sig(-1)), params);
}

/**
 * The same classes from significance as this service tests it in each period (Benjamini-Hochberg
 * over the region's cells, 95%), with the recent window as documented: the last r periods.
 */
export function fdrOverCellsClass(series: GiSeries, params = SFHOTSPOT_PARAMS): SfhotspotClass {
  const n = series.z.length;
  const r = recentPeriods(n, params);
  const shares = (sign: 1 | -1): Shares => {
    const is = series.z.map((z, i) => series.significant[i]! && z !== null && Math.sign(z) === sign);
    const share = (from: number, to: number) => is.slice(from, to).filter(Boolean).length / (to - from);
    return { all: share(0, n), older: share(0, n - r), recent: share(n - r, n) };
  };
  return classFromShares(shares(1), shares(-1), params);
}
