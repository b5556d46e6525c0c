import { classifyChanges } from '../analysis/change.js';
import { coverageNote } from '../analysis/coverage.js';
import { hotspots } from '../analysis/hotspots.js';
import { type Period, type PERIOD_KINDS, periodSeries, yearEarlier } from '../analysis/periods.js';
import { benjaminiHochberg } from '../analysis/fdr.js';
import { giBin } from '../analysis/hotspot-class.js';
import { neighbourhood, type Ring } from '../analysis/neighbourhood.js';
import { twoSidedP } from '../analysis/normal.js';
import {
  emergingPattern,
  fdrOverCellsClass,
  type GiSeries,
  type SfhotspotRule,
  sfhotspotClass,
} from '../analysis/space-time.js';
import { spaceTimeGiStar } from '../analysis/space-time-cube.js';
import type { Db } from '../db/index.js';
import type { AreaSelector } from '../domain/area.js';
import type { ChangeClass } from '../domain/classes.js';
import { releasedArea, type ReleasedCells } from '../release/gate.js';
import { fromReleasedRule, releasedCount, statValue, statValues, sumReleased } from '../release/rules.js';
import { coverageMethod, coveredRegion } from './coverage.js';
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
  k: Ring;
}

/** Gi* of one period over the region, from its released counts: each cell's z, p and class, and the ring used. */
function periodGi(region: string[], counts: ReadonlyMap<string, number>, k: Ring) {
  const result = hotspots(region, counts, k);
  return Object.assign(
    result.cells.map((c) => ({ z: c.z, p: c.p, class: c.class as number | null })),
    { result },
  );
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
  // The study region and the days compared: what the selected datasets cover. A comparison
  // period with no covered day is left out of a baseline; a current or single comparison period
  // with none leaves nothing to test (missing is not zero: not "new", not "ceased").
  const covered = await coveredRegion(db, prepared, q.area, q.res, periods);
  const region = covered.cells;
  const cov = covered.periods;
  const before = comparison.map((_, i) => i).filter((i) => cov[i]!.coveredDays > 0);
  const testable = cov[cur]!.coveredDays > 0 && before.length > 0;
  // Every test and class below is computed from the released counts (a withheld one as its stand-in).
  const values = released.map((cells) => statValues(cells, threshold));
  const comparisonCount = (h3: string) =>
    before.reduce((a, i) => a + (values[i]!.get(h3) ?? 0), 0) / Math.max(1, before.length);

  // "Persistent" needs Gi* hot spots (95%) in both periods: over the area's study region.
  const hotNow = periodGi(region, values[cur]!, q.k);
  const hotBefore = periodGi(region, new Map(region.map((h) => [h, comparisonCount(h)])), q.k);
  const hotInBoth = new Set(region.filter((_, i) => (hotNow[i]!.class ?? 0) >= 2 && (hotBefore[i]!.class ?? 0) >= 2));

  const inRegion = new Set(region);
  const tested = testable
    ? [...new Set([cur, ...before].flatMap((i) => [...released[i]!.keys()]))].filter((h) => inRegion.has(h)).sort()
    : [];
  const test = q.compare === 'baseline' ? 'baseline' : 'two-periods';
  // Each period on its covered days (its length where fully covered); a baseline over all its periods' days.
  const days = {
    currentDays: cov[cur]!.coveredDays,
    comparisonDays: before.reduce((a, i) => a + cov[i]!.coveredDays, 0),
    baselinePeriods: before.length,
  };
  const partial = [cur, ...before].filter((i) => cov[i]!.coverage !== 'full');
  const coverageNotes = [
    covered.note ?? '',
    !testable
      ? `not covered: no selected dataset covers ${cov[cur]!.coveredDays === 0 ? `the current period (${current.label})` : 'any comparison period'} on any day, so nothing is tested (missing, not zero)`
      : '',
    testable && before.length < comparison.length
      ? `${comparison.length - before.length} of ${comparison.length} baseline periods are not covered and left out of the baseline`
      : '',
    testable && partial.length
      ? `compared on covered days only: ${partial.map((i) => `${periods[i]!.label} ${cov[i]!.coveredDays} of ${cov[i]!.days} days`).join('; ')}`
      : '',
  ].filter(Boolean);
  const changes = classifyChanges(
    tested.map((h3) => ({ h3, current: values[cur]!.get(h3) ?? 0, comparison: comparisonCount(h3) })),
    { test, ...days, hotInBoth },
  );
  const cells = changes.map((ch) => ({
    ...ch,
    current: releasedCount(released[cur]!, ch.h3),
    comparison:
      before.length === 1
        ? releasedCount(released[before[0]!]!, ch.h3)
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
  const totalBefore = before.length
    ? releasedMean(
        before.map((i) => totals[i]!),
        threshold,
      )
    : null;
  const [areaChange] = testable
    ? classifyChanges(
        [
          {
            h3: 'area',
            current: statValue(totals[cur]!, threshold),
            comparison: before.reduce((a, i) => a + statValue(totals[i]!, threshold), 0) / before.length,
          },
        ],
        { test, ...days },
      )
    : [null];

  return {
    period: q.period,
    asOf: q.asOf,
    compare: q.compare,
    current,
    comparison,
    res: q.res,
    k: hotNow.result.k,
    ...describeSelection(prepared, [
      ...fromReleasedRule(threshold, 'tests, classes and Gi*'),
      ...(threshold === null ? [] : ['a baseline is the released sum of its periods over their number']),
    ]),
    area: prepared.echo.area as string,
    method: {
      test:
        q.compare === 'baseline'
          ? `exact conditional binomial test of the count against the sum of the ${q.baseline} periods before (both counts estimated): the current count ~ Binomial(current + baseline sum, current days / (current days + baseline days)) under no change, as R's binom.test; the comparison shown is the baseline mean`
          : 'exact conditional binomial test of the two counts (allowing for unequal period lengths)',
      coverage: coverageMethod('tests, classes and Gi*') + '; each period compared on its covered days',
      correction:
        'Benjamini-Hochberg false discovery rate over the cells with any incidents in either period; significant at q < 0.05',
      persistent: `a Gi* hot spot at 95% or more (${hotNow.result.k}-ring${hotNow.result.auto ? ', the smallest giving every cell 8 neighbours' : ''}) in both periods, with no significant change`,
    },
    coverage: {
      covered: testable,
      periods: periods.map((p, i) => ({ from: p.from, to: p.to, ...cov[i]! })),
      leftOut: covered.leftOut,
      regionCells: region.length,
      notes: coverageNotes,
    },
    total: {
      current: totals[cur]!,
      comparison: totalBefore,
      p: areaChange?.p ?? null,
      class: (areaChange?.class ?? null) as ChangeClass | null,
    },
    classes,
    cells,
  };
}

/** Each cell's Gi* class over a series of periods, and its space-time pattern (ArcGIS EHSA, sfhotspot). */
export async function spaceTime(
  db: Db,
  s: PreparedSelection,
  released: readonly ReleasedCells[],
  q: PeriodParams & {
    area: AreaSelector;
    res: 7 | 8 | 9 | 10;
    k: Ring;
    periods: readonly Period[];
    rule?: SfhotspotRule;
    timeStep?: number;
  },
) {
  // The part of the area the datasets cover in any of the periods (an uncovered authority is not zero cells).
  const covered = await coveredRegion(db, s, q.area, q.res, q.periods);
  const region = covered.cells;
  const rule = q.rule ?? 'sfhotspot';
  const timeStep = q.timeStep ?? 0;
  const values = released.map((cells) => statValues(cells, s.threshold));
  const perPeriod = values.map((v) => periodGi(region, v, q.k));
  const used = perPeriod[0]!.result;
  // EHSA: each period's Gi* alone, or (time step 1) over the space-time cube with the period before.
  const ehsaPeriods = timeStep === 1 ? cubeGi(region, values, used.k) : perPeriod;
  const cells = region.flatMap((h3, r) => {
    const series: GiSeries = {
      z: perPeriod.map((g) => g[r]!.z),
      p: perPeriod.map((g) => g[r]!.p),
      significant: perPeriod.map((g) => Math.abs(g[r]!.class ?? 0) >= 2),
    };
    const emerging = emergingPattern({
      z: ehsaPeriods.map((g) => g[r]!.z),
      significant: ehsaPeriods.map((g) => Math.abs(g[r]!.class ?? 0) >= 2),
    });
    const sfhotspot = rule === 'sfhotspot' ? sfhotspotClass(series) : fdrOverCellsClass(series);
    const any = released.some((cells) => cells.has(h3));
    if (!emerging && sfhotspot === 'no pattern' && !any) return [];
    // Each period's Gi* class (±1/±2/±3 for 90/95/99%, 0 none; null where Gi* is undefined), as the hot spot map encodes it.
    const classes = perPeriod.map((g) => g[r]!.class);
    return [{ h3, emerging, sfhotspot, counts: released.map((cells) => releasedCount(cells, h3)), classes }];
  });
  const rules = fromReleasedRule(s.threshold, "each period's Gi* and the space-time patterns");
  const ring = `${used.k}-ring${used.auto ? ', the smallest giving every cell 8 neighbours' : ''}`;
  return {
    area: s.echo.area as string,
    regionCells: region.length,
    coverage: {
      leftOut: covered.leftOut,
      periods: covered.periods,
      note:
        [covered.note, coverageNote(q.periods.map((p, i) => ({ ...covered.periods[i]!, label: p.label })))]
          .filter(Boolean)
          .join('; ') || null,
    },
    ...{ period: q.period, asOf: q.asOf, periods: q.periods, res: q.res },
    k: used.k,
    rule,
    timeStep,
    ...describeSelection(s, rules),
    method: {
      significance: `Gi* (${ring}, FDR-adjusted over the region's cells) hot or cold spot at 95% or more in a period`,
      emerging:
        timeStep === 1
          ? `ArcGIS Emerging Hot Spot Analysis patterns with a neighbourhood time step of 1: Gi* over the space-time cube, each bin's neighbours its ${ring} in its period and in the period before, with the cube's mean and spread; FDR over the region's cells in each period; the Mann-Kendall trend of each cell's z`
          : "ArcGIS Emerging Hot Spot Analysis patterns (neighbourhood time step 0: each period's Gi* alone), with the Mann-Kendall trend of each cell's z over the periods",
      sfhotspot:
        rule === 'sfhotspot'
          ? "sfhotspot hotspot_classify() with its defaults (hotspot_prop 0.1, persistent_prop 0.8, recent_prop 0.2, critical_p 0.05) as its code computes them: each period's unadjusted two-sided Gi* p, Holm-adjusted over each cell's periods; recent = the last ⌊0.2n⌋ periods (at least 1), its share counted over one period more as sfhotspot's code does; sfhotspot's own square grid and neighbour distance replaced by this region's H3 cells and ring"
          : "sfhotspot's class rules (hotspot_prop 0.1, persistent_prop 0.8, recent_prop 0.2) on this service's significance: Gi* FDR-adjusted over the region's cells in each period, 95%; recent = the last ⌊0.2n⌋ periods (at least 1)",
      cells: 'cells with a pattern or any incidents; the rest of the region has neither',
      coverage: coverageMethod("each period's Gi*"),
    },
    cells,
  };
}

/** Each period's Gi* over the space-time cube (time step 1): z, p and class per cell, FDR over the region in each period. */
function cubeGi(region: readonly string[], values: readonly ReadonlyMap<string, number>[], k: number) {
  const { neighbours } = neighbourhood(region, k);
  const z = spaceTimeGiStar(
    values.map((v) => Float64Array.from(region, (h) => v.get(h) ?? 0)),
    neighbours,
  );
  return z.map((zs) => {
    const p = zs.map(twoSidedP);
    const q = benjaminiHochberg(p);
    return region.map((_, i) => ({
      z: Number.isNaN(zs[i]!) ? null : zs[i]!,
      class: giBin(zs[i]!, q[i]!) as number | null,
    }));
  });
}

/** An area's trend (services/trend.ts), where the routes have always found it. */
export { areaTrend, trendPeriods } from './trend.js';
