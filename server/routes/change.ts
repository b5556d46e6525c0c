import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { combineKeys } from '../analysis/cell-key.js';
import { classifyChanges, type ChangeClass } from '../analysis/change.js';
import { hotspots } from '../analysis/hotspots.js';
import { mannKendall } from '../analysis/mann-kendall.js';
import { periodDays, periodSeries, yearEarlier, type Period } from '../analysis/periods.js';
import { emergingPattern, sfhotspotClass, type GiSeries } from '../analysis/space-time.js';
import { releaseCount } from '../analysis/suppress.js';
import { releaseGiStar } from '../analysis/z-release.js';
import { allow } from '../auth/policy.js';
import { studyRegion } from '../db/areas.js';
import { areaParam } from './area-param.js';
import type { AppEnv } from './env.js';
import { countOverPeriods, periodSelectionFields, periodSelectionSchema, type PeriodCounts } from './period-selection.js';
import { auditRestrictedAnalysis, describeSelection } from './prepare-selection.js';
import { validate } from './validate.js';
import { publicField, publicRefusal } from './public-check.js';

const ring = z.enum(['1', '2', '3']).default('1').transform(Number);

export const changeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  compare: z.enum(['previous', 'year', 'baseline']).default('previous'),
  baseline: z.coerce.number().int().min(2).max(12).default(4),
  k: ring,
});

const spaceTimeQuery = periodSelectionSchema({ ...periodSelectionFields, area: areaParam, periods: z.coerce.number().int().min(4).max(24).default(10), k: ring });

const trendQuery = periodSelectionSchema({ ...periodSelectionFields, periods: z.coerce.number().int().min(3).max(60).default(12), public: publicField });

/** A cell's count summed over some periods, released as one count with the union's cell key. */
function releaseSum(data: PeriodCounts, h3: string, periods: readonly number[], threshold: number | null): number | null {
  const count = periods.reduce((a, i) => a + (data.counts[i]!.get(h3) ?? 0), 0);
  return releaseCount(count, combineKeys(periods.map((i) => data.keys[i]!.get(h3) ?? 0)), threshold);
}

/** Gi* classes of one period's counts over the region: exact for public data, from the rounded z for restricted. */
function periodGi(region: string[], counts: ReadonlyMap<string, number>, k: number, threshold: number | null) {
  const exact = hotspots(region, counts, k);
  if (threshold === null) return exact.cells.map((c) => ({ z: c.z, class: c.class as number | null }));
  return releaseGiStar(exact.cells, exact.scales, threshold).cells.map((c) => ({ z: c.z, class: c.class as number | null }));
}

const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, n) => a + n, 0);
const totalKey = (m: ReadonlyMap<string, number>) => combineKeys(m.values());

export type ChangeQuery = z.infer<typeof changeQuery>;

/**
 * Change per cell for a selection as of a date: the /api/change answer, also what a panel review
 * freezes. Audits itself when restricted data is used.
 */
export async function computeChange(c: Context<AppEnv>, q: ChangeQuery) {
  const series = periodSeries(q.period, q.asOf, q.compare === 'baseline' ? q.baseline + 1 : 2);
  const current = series.at(-1)!;
  const comparison: Period[] = q.compare === 'previous' ? [series[0]!] : q.compare === 'year' ? [yearEarlier(current)] : series.slice(0, -1);
  const periods = [...comparison, current];
  const counted = await countOverPeriods(c, q, periods);
  if (!counted.ok) return counted;
  const { prepared, data } = counted;
  const threshold = prepared.threshold;
  const cur = periods.length - 1;
  const before = comparison.map((_, i) => i);
  const comparisonCount = (h3: string) => before.reduce((a, i) => a + (data.counts[i]!.get(h3) ?? 0), 0) / before.length;

  // "Persistent" needs Gi* hot spots (95%) in both periods: over the area's study region.
  const region = await studyRegion(c.get('db'), q.area, q.res);
  const hotNow = periodGi(region, data.counts[cur]!, q.k, threshold);
  const hotBefore = periodGi(region, new Map(region.map((h) => [h, comparisonCount(h)])), q.k, threshold);
  const hotInBoth = new Set(region.filter((_, i) => (hotNow[i]!.class ?? 0) >= 2 && (hotBefore[i]!.class ?? 0) >= 2));

  const inRegion = new Set(region);
  const tested = [...new Set(periods.flatMap((_, i) => [...data.counts[i]!.keys()]))].filter((h) => inRegion.has(h)).sort();
  const test = q.compare === 'baseline' ? 'baseline' : 'two-periods';
  const days = { currentDays: periodDays(current), comparisonDays: periodDays(comparison[0]!) };
  const changes = classifyChanges(tested.map((h3) => ({ h3, current: data.counts[cur]!.get(h3) ?? 0, comparison: comparisonCount(h3) })), { test, ...days, hotInBoth });

  // Restricted data: counts as released (a baseline is the released sum over its periods, over
  // their number), p and q withheld, the class released (computed on the true counts).
  const restricted = threshold !== null;
  const releasedCurrent = (h3: string) => (data.released[cur]!.has(h3) ? data.released[cur]!.get(h3)! : 0);
  const releasedComparison = (h3: string) => {
    if (before.length === 1) return data.released[0]!.has(h3) ? data.released[0]!.get(h3)! : 0;
    const sum = releaseSum(data, h3, before, threshold);
    return sum === null ? null : sum / before.length;
  };
  const cells = changes.map((ch) =>
    restricted ? { h3: ch.h3, current: releasedCurrent(ch.h3), comparison: releasedComparison(ch.h3), p: null, q: null, class: ch.class } : ch,
  );
  const classes = Object.fromEntries((['new', 'increasing', 'persistent', 'decreasing', 'ceased', 'no-significant-change'] as ChangeClass[]).map((k) => [k, changes.filter((ch) => ch.class === k).length]));

  // The area as a whole: one test, no correction.
  const areaNow = tested.reduce((a, h) => a + (data.counts[cur]!.get(h) ?? 0), 0);
  const areaBefore = tested.reduce((a, h) => a + comparisonCount(h), 0);
  const [areaChange] = classifyChanges([{ h3: 'area', current: areaNow, comparison: areaBefore }], { test, ...days });
  const areaKey = (i: number) => combineKeys(tested.map((h) => data.keys[i]!.get(h) ?? 0));
  const areaReleased = (i: number) => releaseCount(tested.reduce((a, h) => a + (data.counts[i]!.get(h) ?? 0), 0), areaKey(i), threshold);
  const comparisonTotal = restricted
    ? (() => {
        const sum = releaseCount(before.reduce((a, i) => a + tested.reduce((b, h) => b + (data.counts[i]!.get(h) ?? 0), 0), 0), combineKeys(before.map(areaKey)), threshold);
        return sum === null ? null : sum / before.length;
      })()
    : areaBefore;

  await auditRestrictedAnalysis(c, prepared, 'change', { cells: cells.length, classes });
  return { ok: true as const, prepared, body: {
    period: q.period,
    asOf: q.asOf,
    compare: q.compare,
    current,
    comparison,
    res: q.res,
    ...describeSelection(prepared, ['change classes computed on the true counts; p and q withheld; a baseline is the released sum of its periods over their number']),
    area: prepared.echo.area as string,
    method: {
      test: q.compare === 'baseline' ? `exact Poisson test of the count against the mean of the ${q.baseline} periods before` : 'exact conditional binomial test of the two counts (allowing for unequal period lengths)',
      correction: 'Benjamini-Hochberg false discovery rate over the cells with any incidents in either period; significant at q < 0.05',
      persistent: `a Gi* hot spot at 95% or more (${q.k}-ring) in both periods, with no significant change`,
    },
    total: { current: restricted ? areaReleased(cur) : areaNow, comparison: comparisonTotal, p: restricted ? null : areaChange!.p, class: areaChange!.class },
    classes,
    cells,
  } };
}

export const changeRoutes = new Hono<AppEnv>()
  .get('/change', allow.signedIn({ datasets: true }), validate('query', changeQuery), async (c) => {
    const result = await computeChange(c, c.req.valid('query'));
    return result.ok ? c.json(result.body) : c.json(result.body, result.status);
  })
  .get('/space-time', allow.signedIn({ datasets: true }), validate('query', spaceTimeQuery), async (c) => {
    const q = c.req.valid('query');
    const periods = periodSeries(q.period, q.asOf, q.periods);
    const counted = await countOverPeriods(c, q, periods);
    if (!counted.ok) return c.json(counted.body, counted.status);
    const { prepared, data } = counted;
    const threshold = prepared.threshold;
    const region = await studyRegion(c.get('db'), q.area, q.res);
    const perPeriod = periods.map((_, i) => periodGi(region, data.counts[i]!, q.k, threshold));
    const cells = region.flatMap((h3, r) => {
      const series: GiSeries = { z: perPeriod.map((g) => g[r]!.z), significant: perPeriod.map((g) => Math.abs(g[r]!.class ?? 0) >= 2) };
      const emerging = emergingPattern(series);
      const sfhotspot = sfhotspotClass(series);
      const any = periods.some((_, i) => data.counts[i]!.has(h3));
      if (!emerging && sfhotspot === 'no pattern' && !any) return [];
      return [{ h3, emerging, sfhotspot, counts: periods.map((_, i) => (data.released[i]!.has(h3) ? data.released[i]!.get(h3)! : 0)) }];
    });
    await auditRestrictedAnalysis(c, prepared, 'space-time', { cells: cells.length, periods: periods.length });
    return c.json({
      period: q.period,
      asOf: q.asOf,
      periods,
      res: q.res,
      ...describeSelection(prepared, ['space-time patterns from each period\'s released Gi* classes (from the rounded z)']),
      area: prepared.echo.area as string,
      method: {
        significance: `Gi* (${q.k}-ring, FDR-adjusted) hot or cold spot at 95% or more in a period`,
        emerging: 'ArcGIS Emerging Hot Spot Analysis patterns, with the Mann-Kendall trend of each cell\'s z over the periods',
        sfhotspot: 'sfhotspot hotspot_classify() classes with its defaults: hotspot_prop 0.1, persistent_prop 0.8, recent_prop 0.2',
        cells: 'cells with a pattern or any incidents; the rest of the region has neither',
      },
      regionCells: region.length,
      cells,
    });
  })
  .get('/areas/:area/trend', allow.signedIn({ datasets: true }), validate('param', z.object({ area: areaParam })), validate('query', trendQuery), async (c) => {
    const area = c.req.valid('param').area;
    const q = c.req.valid('query');
    const series = periodSeries(q.period, q.asOf, q.periods);
    const last = series.at(-1)!;
    const earlier = yearEarlier(last);
    const hasEarlier = series.some((p) => p.from === earlier.from && p.to === earlier.to);
    const periods = hasEarlier ? series : [...series, earlier];
    const counted = await countOverPeriods(c, { ...q, area, res: 9 }, periods);
    if (!counted.ok) return c.json(counted.body, counted.status);
    const { prepared, data } = counted;
    const threshold = prepared.threshold;
    const restricted = threshold !== null;
    const trueTotals = periods.map((_, i) => total(data.counts[i]!));
    const released = periods.map((_, i) => releaseCount(trueTotals[i]!, totalKey(data.keys[i]!), threshold));
    const shown = series.map((p, i) => ({ ...p, count: released[i]! }));
    // The trend is tested on what is released (rank-based: withheld totals rank below every released one).
    const trend = mannKendall(series.map((_, i) => released[i] ?? (threshold ?? 0) / 2));
    const compare = (a: number, b: number) => {
      const [change] = classifyChanges([{ h3: 'area', current: trueTotals[a]!, comparison: trueTotals[b]! }], { test: 'two-periods', currentDays: periodDays(periods[a]!), comparisonDays: periodDays(periods[b]!) });
      const now = released[a]!;
      const then = released[b]!;
      return { from: periods[b]!, count: then, percent: now !== null && then ? ((now - then) / then) * 100 : null, p: restricted ? null : change!.p, class: change!.class };
    };
    const lastIndex = series.length - 1;
    const earlierIndex = periods.findIndex((p) => p.from === earlier.from && p.to === earlier.to);
    if (q.public) {
      // Area totals only: no cells, no settings.
      const refusal = publicRefusal({ res: null, restricted, counts: released, settings: [] });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    await auditRestrictedAnalysis(c, prepared, 'trend', { periods: series.length });
    return c.json({
      area: prepared.echo.area as string,
      period: q.period,
      asOf: q.asOf,
      ...describeSelection(prepared),
      series: shown,
      trend: { s: trend.s, tau: trend.tau, p: trend.p, direction: trend.p < 0.05 ? (trend.s > 0 ? 'rising' : 'falling') : 'no significant trend' },
      lastVsPrevious: compare(lastIndex, lastIndex - 1),
      lastVsYearEarlier: compare(lastIndex, earlierIndex),
      method: { trend: 'Mann-Kendall test on the period totals (two-sided, p < 0.05)', change: 'exact conditional binomial test of the two totals' },
    });
  });
