import { classifyChanges } from '../analysis/change.js';
import { hotspots } from '../analysis/hotspots.js';
import { mannKendall } from '../analysis/mann-kendall.js';
import { type Period, type PERIOD_KINDS, periodDays, periodSeries, yearEarlier } from '../analysis/periods.js';
import { emergingPattern, type GiSeries, sfhotspotClass } from '../analysis/space-time.js';
import { studyRegion } from '../db/areas.js';
import type { Db } from '../db/index.js';
import type { AreaSelector } from '../domain/area.js';
import type { ChangeClass } from '../domain/classes.js';
import { releasedArea, releasedAreaTotals, type ReleasedCells } from '../release/gate.js';
import { fromReleasedRule, releasedCount, statValue, statValues, sumReleased } from '../release/rules.js';
import { releasedChange } from '../release/statistics.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

interface PeriodParams {
  period: (typeof PERIOD_KINDS)[number];
  asOf: string;
}

export interface ChangeParams extends PeriodParams {
  area: AreaSelector;
  res: 7 | 8 | 9 | 10;
  compare: 'previous' | 'year' | 'baseline';
  baseline: number;
  k: number;
}

/** Gi* of one period over the region, from its released counts. */
function periodGi(region: string[], counts: ReadonlyMap<string, number>, k: number) {
  return hotspots(region, counts, k).cells.map((c) => ({ z: c.z, class: c.class as number | null }));
}

/** The mean over periods of released counts: the released sum over their number (null where the sum is withheld). */
function releasedMean(values: readonly (number | null)[], threshold: number | null): number | null {
  const sum = sumReleased(values, threshold);
  return sum === null ? null : sum / values.length;
}

/** The periods a change compares: the comparison period(s), then the current one. */
export function changePeriods(q: ChangeParams) {
  const series = periodSeries(q.period, q.asOf, q.compare === 'baseline' ? q.baseline + 1 : 2);
  const current = series.at(-1)!;
  const comparison: Period[] =
    q.compare === 'previous' ? [series[0]!] : q.compare === 'year' ? [yearEarlier(current)] : series.slice(0, -1);
  return { current, comparison, periods: [...comparison, current] };
}

/** Change per cell for a selection as of a date: the /api/change answer, also what a panel review freezes. */
export async function cellChange(db: Db, prepared: PreparedSelection, q: ChangeParams) {
  const { current, comparison, periods } = changePeriods(q);
  // Each cell in each period and the area's totals, released together.
  const { cells: released, totals } = await releasedArea(db, releaseOf(prepared), q.area, periods);
  const threshold = prepared.threshold;
  const cur = periods.length - 1;
  const before = comparison.map((_, i) => i);
  // Every test and class below is computed from the released counts (a withheld one as its stand-in).
  const values = released.map((cells) => statValues(cells, threshold));
  const comparisonCount = (h3: string) => before.reduce((a, i) => a + (values[i]!.get(h3) ?? 0), 0) / before.length;

  // "Persistent" needs Gi* hot spots (95%) in both periods: over the area's study region.
  const region = await studyRegion(db, q.area, q.res);
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
    current: releasedCount(released[cur]!, ch.h3),
    comparison:
      before.length === 1
        ? releasedCount(released[0]!, ch.h3)
        : releasedMean(
            before.map((i) => releasedCount(released[i]!, ch.h3)),
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

  return {
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
  };
}

/** Each cell's Gi* class over a series of periods, and its space-time pattern (ArcGIS EHSA, sfhotspot). */
export async function spaceTime(
  db: Db,
  s: PreparedSelection,
  released: readonly ReleasedCells[],
  q: PeriodParams & { area: AreaSelector; res: 7 | 8 | 9 | 10; k: number; periods: readonly Period[] },
) {
  const region = await studyRegion(db, q.area, q.res);
  const perPeriod = released.map((cells) => periodGi(region, statValues(cells, s.threshold), q.k));
  const cells = region.flatMap((h3, r) => {
    const series: GiSeries = {
      z: perPeriod.map((g) => g[r]!.z),
      significant: perPeriod.map((g) => Math.abs(g[r]!.class ?? 0) >= 2),
    };
    const emerging = emergingPattern(series);
    const sfhotspot = sfhotspotClass(series);
    const any = released.some((cells) => cells.has(h3));
    if (!emerging && sfhotspot === 'no pattern' && !any) return [];
    return [{ h3, emerging, sfhotspot, counts: released.map((cells) => releasedCount(cells, h3)) }];
  });
  const rules = fromReleasedRule(s.threshold, "each period's Gi* and the space-time patterns");
  return {
    area: s.echo.area as string,
    regionCells: region.length,
    ...{ period: q.period, asOf: q.asOf, periods: q.periods, res: q.res },
    ...describeSelection(s, rules),
    method: {
      significance: `Gi* (${q.k}-ring, FDR-adjusted) hot or cold spot at 95% or more in a period`,
      emerging:
        "ArcGIS Emerging Hot Spot Analysis patterns, with the Mann-Kendall trend of each cell's z over the periods",
      sfhotspot:
        'sfhotspot hotspot_classify() classes with its defaults: hotspot_prop 0.1, persistent_prop 0.8, recent_prop 0.2',
      cells: 'cells with a pattern or any incidents; the rest of the region has neither',
    },
    cells,
  };
}

/** The periods of an area's trend: the series, and the period a year before its last where the series lacks it. */
export function trendPeriods(q: PeriodParams & { periods: number }) {
  const series = periodSeries(q.period, q.asOf, q.periods);
  const earlier = yearEarlier(series.at(-1)!);
  const hasEarlier = series.some((p) => p.from === earlier.from && p.to === earlier.to);
  return { series, earlier, periods: hasEarlier ? series : [...series, earlier] };
}

/** An area's released totals over a series of periods, their Mann-Kendall trend, and the last period's changes. */
export async function areaTrend(
  db: Db,
  s: PreparedSelection,
  area: AreaSelector,
  q: PeriodParams & { periods: number },
) {
  const { threshold } = s;
  const { series, earlier, periods } = trendPeriods(q);
  const released = await releasedAreaTotals(db, releaseOf(s), area, periods);
  // The trend and the changes are tested on what is released (a withheld total as its stand-in).
  const trend = mannKendall(series.map((_, i) => statValue(released[i]!, threshold)));
  const compare = (a: number, b: number) => ({
    from: periods[b]!,
    ...releasedChange(released[a]!, released[b]!, threshold, {
      currentDays: periodDays(periods[a]!),
      comparisonDays: periodDays(periods[b]!),
    }),
  });
  const lastIndex = series.length - 1;
  const earlierIndex = periods.findIndex((p) => p.from === earlier.from && p.to === earlier.to);
  return {
    area: s.echo.area as string,
    period: q.period,
    asOf: q.asOf,
    ...describeSelection(s, fromReleasedRule(threshold, 'the trend and change tests')),
    series: series.map((p, i) => ({ ...p, count: released[i]! })),
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
  };
}
