import { mannKendall } from './mann-kendall.js';

/** One cell's Gi* over consecutive periods, oldest first: z (null where undefined) and whether significant. */
export interface GiSeries {
  z: readonly (number | null)[];
  significant: readonly boolean[];
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
export const SFHOTSPOT_PARAMS = { hotspotProp: 0.1, persistentProp: 0.8, recentProp: 0.2 } as const;

/**
 * sfhotspot's hotspot_classify(): with the last max(1, ⌊recentProp·n⌋) periods as recent,
 * - persistent: significant in at least persistentProp of all periods;
 * - emerging: under hotspotProp of older periods, at least recentProp of recent ones;
 * - former: at least hotspotProp of older periods, under hotspotProp of recent ones;
 * - intermittent: at least hotspotProp of all periods;
 * in that order, for hot and cold spots; a cell with both is mixed.
 * (sfhotspot's own code divides a window one period longer than `recent` by `recent`; this takes
 * the recent window as documented.)
 */
export function sfhotspotClass(series: GiSeries, params = SFHOTSPOT_PARAMS): SfhotspotClass {
  const n = series.z.length;
  const recent = Math.max(1, Math.floor(params.recentProp * n));
  if (n - recent < 1) throw new RangeError('sfhotspot classes need at least one recent and one older period');
  const classify = (sign: 1 | -1, name: 'hotspot' | 'coldspot'): SfhotspotClass | null => {
    const is = series.z.map((z, i) => series.significant[i]! && z !== null && Math.sign(z) === sign);
    const share = (from: number, to: number) => is.slice(from, to).filter(Boolean).length / (to - from);
    const all = share(0, n);
    const older = share(0, n - recent);
    const recentShare = share(n - recent, n);
    if (all >= params.persistentProp) return `persistent ${name}`;
    if (older < params.hotspotProp && recentShare >= params.recentProp) return `emerging ${name}`;
    if (older >= params.hotspotProp && recentShare < params.hotspotProp) return `former ${name}`;
    if (all >= params.hotspotProp) return `intermittent ${name}`;
    return null;
  };
  const hot = classify(1, 'hotspot');
  const cold = classify(-1, 'coldspot');
  if (hot && cold) return 'mixed hot/coldspot';
  return hot ?? cold ?? 'no pattern';
}
