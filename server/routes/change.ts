import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { classifyChanges, type ChangeClass } from '../analysis/change.js';
import { hotspots } from '../analysis/hotspots.js';
import { mannKendall } from '../analysis/mann-kendall.js';
import { periodDays, periodSeries, yearEarlier, type Period } from '../analysis/periods.js';
import { emergingPattern, sfhotspotClass, type GiSeries } from '../analysis/space-time.js';
import { releasedArea, releasedAreaTotals, type ReleasedCells } from '../release/gate.js';
import { statValue, statValues, sumReleased } from '../release/rules.js';
import { fromReleasedRule } from './cells.js';
import { allow } from '../auth/policy.js';
import { studyRegion } from '../db/areas.js';
import { areaParam } from '../domain/area.js';
import type { AppEnv } from '../http/env.js';
import {
  countOverPeriods,
  periodSelectionFields,
  periodSelectionSchema,
  preparePeriods,
} from '../http/period-selection.js';
import { auditRestrictedAnalysis, describeSelection, releaseOf } from '../http/prepare-selection.js';
import { validate } from '../http/validate.js';
import { publicField, publicRefusal } from '../http/public-check.js';

const ring = z.enum(['1', '2', '3']).default('1').transform(Number);

export const changeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  compare: z.enum(['previous', 'year', 'baseline']).default('previous'),
  baseline: z.coerce.number().int().min(2).max(12).default(4),
  k: ring,
});

const spaceTimeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  periods: z.coerce.number().int().min(4).max(24).default(10),
  k: ring,
});

const trendQuery = periodSelectionSchema({
  ...periodSelectionFields,
  periods: z.coerce.number().int().min(3).max(60).default(12),
  public: publicField,
});

/** Gi* of one period over the region, from its released counts. */
function periodGi(region: string[], counts: ReadonlyMap<string, number>, k: number) {
  return hotspots(region, counts, k).cells.map((c) => ({ z: c.z, class: c.class as number | null }));
}

/** A released count of a cell (absent: zero). */
const releasedOf = (cells: ReleasedCells, h3: string) => (cells.has(h3) ? cells.get(h3)! : 0);

/** The mean over periods of released counts: the released sum over their number (null where the sum is withheld). */
function releasedMean(values: readonly (number | null)[], threshold: number | null): number | null {
  const sum = sumReleased(values, threshold);
  return sum === null ? null : sum / values.length;
}

export type ChangeQuery = z.infer<typeof changeQuery>;

/**
 * Change per cell for a selection as of a date: the /api/change answer, also what a panel review
 * freezes. Audits itself when restricted data is used.
 */
export async function computeChange(c: Context<AppEnv>, q: ChangeQuery) {
  const series = periodSeries(q.period, q.asOf, q.compare === 'baseline' ? q.baseline + 1 : 2);
  const current = series.at(-1)!;
  const comparison: Period[] =
    q.compare === 'previous' ? [series[0]!] : q.compare === 'year' ? [yearEarlier(current)] : series.slice(0, -1);
  const periods = [...comparison, current];
  const ready = await preparePeriods(c, q, periods);
  if (!ready.ok) return ready;
  const prepared = ready.value;
  // Each cell in each period and the area's totals, released together.
  const { cells: released, totals } = await releasedArea(c.get('db'), releaseOf(prepared), q.area, periods);
  const threshold = prepared.threshold;
  const cur = periods.length - 1;
  const before = comparison.map((_, i) => i);
  // Every test and class below is computed from the released counts (a withheld one as its stand-in).
  const values = released.map((cells) => statValues(cells, threshold));
  const comparisonCount = (h3: string) => before.reduce((a, i) => a + (values[i]!.get(h3) ?? 0), 0) / before.length;

  // "Persistent" needs Gi* hot spots (95%) in both periods: over the area's study region.
  const region = await studyRegion(c.get('db'), q.area, q.res);
  const hotNow = periodGi(region, values[cur]!, q.k);
  const hotBefore = periodGi(region, new Map(region.map((h) => [h, comparisonCount(h)])), q.k);
  const hotInBoth = new Set(region.filter((_, i) => (hotNow[i]!.class ?? 0) >= 2 && (hotBefore[i]!.class ?? 0) >= 2));

  const inRegion = new Set(region);
  const tested = [...new Set(periods.flatMap((_, i) => [...released[i]!.keys()]))]
    .filter((h) => inRegion.has(h))
    .sort();
  const test = q.compare === 'baseline' ? 'baseline' : 'two-periods';
  const days = { currentDays: periodDays(current), comparisonDays: periodDays(comparison[0]!) };
  const changes = classifyChanges(
    tested.map((h3) => ({ h3, current: values[cur]!.get(h3) ?? 0, comparison: comparisonCount(h3) })),
    { test, ...days, hotInBoth },
  );
  const cells = changes.map((ch) => ({
    ...ch,
    current: releasedOf(released[cur]!, ch.h3),
    comparison:
      before.length === 1
        ? releasedOf(released[0]!, ch.h3)
        : releasedMean(
            before.map((i) => releasedOf(released[i]!, ch.h3)),
            threshold,
          ),
  }));
  const classes = Object.fromEntries(
    (['new', 'increasing', 'persistent', 'decreasing', 'ceased', 'no-significant-change'] as ChangeClass[]).map((k) => [
      k,
      changes.filter((ch) => ch.class === k).length,
    ]),
  );

  // The area as a whole: its released totals (the sums of its released parts), one test, no correction.
  const totalBefore = releasedMean(
    before.map((i) => totals[i]!),
    threshold,
  );
  const [areaChange] = classifyChanges(
    [
      {
        h3: 'area',
        current: statValue(totals[cur]!, threshold),
        comparison: before.reduce((a, i) => a + statValue(totals[i]!, threshold), 0) / before.length,
      },
    ],
    { test, ...days },
  );

  await auditRestrictedAnalysis(c, prepared, 'change', { cells: cells.length, classes });
  return {
    ok: true as const,
    prepared,
    body: {
      period: q.period,
      asOf: q.asOf,
      compare: q.compare,
      current,
      comparison,
      res: q.res,
      ...describeSelection(prepared, [
        ...fromReleasedRule(threshold, 'tests, classes and Gi*'),
        ...(threshold === null ? [] : ['a baseline is the released sum of its periods over their number']),
      ]),
      area: prepared.echo.area as string,
      method: {
        test:
          q.compare === 'baseline'
            ? `exact Poisson test of the count against the mean of the ${q.baseline} periods before`
            : 'exact conditional binomial test of the two counts (allowing for unequal period lengths)',
        correction:
          'Benjamini-Hochberg false discovery rate over the cells with any incidents in either period; significant at q < 0.05',
        persistent: `a Gi* hot spot at 95% or more (${q.k}-ring) in both periods, with no significant change`,
      },
      total: { current: totals[cur]!, comparison: totalBefore, p: areaChange!.p, class: areaChange!.class },
      classes,
      cells,
    },
  };
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
    const { prepared, released } = counted;
    const threshold = prepared.threshold;
    const region = await studyRegion(c.get('db'), q.area, q.res);
    const perPeriod = released.map((cells) => periodGi(region, statValues(cells, threshold), q.k));
    const cells = region.flatMap((h3, r) => {
      const series: GiSeries = {
        z: perPeriod.map((g) => g[r]!.z),
        significant: perPeriod.map((g) => Math.abs(g[r]!.class ?? 0) >= 2),
      };
      const emerging = emergingPattern(series);
      const sfhotspot = sfhotspotClass(series);
      const any = released.some((cells) => cells.has(h3));
      if (!emerging && sfhotspot === 'no pattern' && !any) return [];
      return [{ h3, emerging, sfhotspot, counts: released.map((cells) => releasedOf(cells, h3)) }];
    });
    await auditRestrictedAnalysis(c, prepared, 'space-time', { cells: cells.length, periods: periods.length });
    return c.json({
      period: q.period,
      asOf: q.asOf,
      periods,
      res: q.res,
      ...describeSelection(prepared, fromReleasedRule(threshold, "each period's Gi* and the space-time patterns")),
      area: prepared.echo.area as string,
      method: {
        significance: `Gi* (${q.k}-ring, FDR-adjusted) hot or cold spot at 95% or more in a period`,
        emerging:
          "ArcGIS Emerging Hot Spot Analysis patterns, with the Mann-Kendall trend of each cell's z over the periods",
        sfhotspot:
          'sfhotspot hotspot_classify() classes with its defaults: hotspot_prop 0.1, persistent_prop 0.8, recent_prop 0.2',
        cells: 'cells with a pattern or any incidents; the rest of the region has neither',
      },
      regionCells: region.length,
      cells,
    });
  })
  .get(
    '/areas/:area/trend',
    allow.signedIn({ datasets: true }),
    validate('param', z.object({ area: areaParam })),
    validate('query', trendQuery),
    async (c) => {
      const area = c.req.valid('param').area;
      const q = c.req.valid('query');
      const series = periodSeries(q.period, q.asOf, q.periods);
      const last = series.at(-1)!;
      const earlier = yearEarlier(last);
      const hasEarlier = series.some((p) => p.from === earlier.from && p.to === earlier.to);
      const periods = hasEarlier ? series : [...series, earlier];
      const ready = await preparePeriods(c, { ...q, area, res: 9 }, periods);
      if (!ready.ok) return c.json(ready.body, ready.status);
      const prepared = ready.value;
      const threshold = prepared.threshold;
      const released = await releasedAreaTotals(c.get('db'), releaseOf(prepared), area, periods);
      const shown = series.map((p, i) => ({ ...p, count: released[i]! }));
      // The trend and the changes are tested on what is released (a withheld total as its stand-in).
      const trend = mannKendall(series.map((_, i) => statValue(released[i]!, threshold)));
      const compare = (a: number, b: number) => {
        const [change] = classifyChanges(
          [{ h3: 'area', current: statValue(released[a]!, threshold), comparison: statValue(released[b]!, threshold) }],
          { test: 'two-periods', currentDays: periodDays(periods[a]!), comparisonDays: periodDays(periods[b]!) },
        );
        const now = released[a]!;
        const then = released[b]!;
        return {
          from: periods[b]!,
          count: then,
          percent: now !== null && then ? ((now - then) / then) * 100 : null,
          p: change!.p,
          class: change!.class,
        };
      };
      const lastIndex = series.length - 1;
      const earlierIndex = periods.findIndex((p) => p.from === earlier.from && p.to === earlier.to);
      if (q.public) {
        // Area totals only: no cells, no settings.
        const refusal = publicRefusal({ res: null, restricted: threshold !== null, counts: released, settings: [] });
        if (refusal) return c.json(refusal.body, refusal.status);
      }
      await auditRestrictedAnalysis(c, prepared, 'trend', { periods: series.length });
      return c.json({
        area: prepared.echo.area as string,
        period: q.period,
        asOf: q.asOf,
        ...describeSelection(prepared, fromReleasedRule(threshold, 'the trend and change tests')),
        series: shown,
        trend: {
          s: trend.s,
          tau: trend.tau,
          p: trend.p,
          direction: trend.p < 0.05 ? (trend.s > 0 ? 'rising' : 'falling') : 'no significant trend',
        },
        lastVsPrevious: compare(lastIndex, lastIndex - 1),
        lastVsYearEarlier: compare(lastIndex, earlierIndex),
        method: {
          trend: 'Mann-Kendall test on the period totals (two-sided, p < 0.05)',
          change: 'exact conditional binomial test of the two totals',
        },
      });
    },
  );
