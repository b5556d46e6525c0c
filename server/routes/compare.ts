import { Hono } from 'hono';
import { z } from 'zod';
import { classifyChanges } from '../analysis/change.js';
import { completeness } from '../analysis/completeness.js';
import { concentration } from '../analysis/concentration.js';
import { hotspots } from '../analysis/hotspots.js';
import { monthsBetween, shiftSelectionPeriod } from '../analysis/periods.js';
import { funnelCurve, funnelLimits, rateWithInterval } from '../analysis/poisson-interval.js';
import { definitionGroups, PRESETS } from '../analysis/definitions.js';
import { datasetsSupplying, type RecordedContent } from '../analysis/group-alignment.js';
import { expandGroups } from '../domain/offence-groups.js';
import { recordedContent, type Dataset } from '../db/datasets.js';
import { effectiveThreshold } from '../analysis/suppress.js';
import { releasedArea, releasedAreaTotal, releasedAreaTotals, type Release } from '../release/gate.js';
import { statValue, statValues } from '../release/rules.js';
import { fromReleasedRule } from './cells.js';
import { areaKey } from '../domain/area.js';
import { allow } from '../auth/policy.js';
import { areaCoverPopulation } from '../db/areas.js';
import { alignmentProblem } from '../services/alignment.js';
import { areaList } from '../http/area-list.js';
import type { AppEnv } from '../http/env.js';
import {
  auditRestrictedAnalysis,
  describeSelection,
  prepareSelection,
  releaseOf,
  type PreparedSelection,
} from '../http/prepare-selection.js';
import type { Db } from '../db/index.js';
import { selectionFields, selectionSchema } from '../http/selection-params.js';
import { validate } from '../http/validate.js';

const { area: _area, res: _res, ...rest } = selectionFields;

const compareQuery = selectionSchema({
  ...rest,
  areas: areaList(2, 12),
  res: z
    .enum(['7', '8', '9'])
    .default('9')
    .transform((r) => Number(r) as 7 | 8 | 9),
  k: z.enum(['1', '2', '3']).default('1').transform(Number),
});

/** A change on a period only some datasets reach is shown if those datasets hold at least this share of the area's incidents now. */
const MIN_SHARE_FOR_CHANGE = 0.5;

/** How the datasets' date precision decides the comparison's periods, in words. */
function precisionNote(datasets: readonly Dataset[], byDay: boolean): string {
  const kinds = [...new Set(datasets.map((d) => (d.datePrecision === 'month' ? 'month' : 'day')))];
  if (byDay) return 'compared by day: every dataset has dates';
  if (kinds.length > 1)
    return `compared by whole months, the coarser precision: ${datasets.map((d) => `"${d.name}" has ${d.datePrecision === 'month' ? 'months only' : 'dates'}`).join(', ')}`;
  return kinds[0] === 'month' ? 'compared by whole months (the datasets have months only)' : 'compared by whole months';
}

export const compareRoutes = new Hono<AppEnv>().get(
  '/compare',
  allow.signedIn({ datasets: true }),
  validate('query', compareQuery),
  async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    // Every area's access first, in order (the first refusal is the answer); then the areas are
    // computed side by side, and within each its totals, months and metrics (on PostgreSQL the
    // queries run at once; five authorities one after another took twice as long).
    const prepared: PreparedSelection[] = [];
    for (const area of q.areas) {
      const p = await prepareSelection(c, { ...q, area });
      if (!p.ok) return c.json({ ...p.body, error: `${areaKey(area)}: ${p.body.error}` }, p.status);
      prepared.push(p.value);
    }
    // The same datasets for every area: what they record is read once.
    const datasets = prepared[0]!.datasets;
    const recorded = await recordedContent(db, datasets);
    const problem = await alignmentProblem(db, prepared[0]!, recorded);
    if (problem) return c.json(problem, 400);
    const precision = precisionNote(datasets, q.from.length === 10);
    const rows = await Promise.all(q.areas.map((area, i) => compareArea(db, q, area, prepared[i]!, recorded)));
    for (const [i, row] of rows.entries())
      await auditRestrictedAnalysis(c, prepared[i]!, 'compare', { area: row.area });
    // Funnel plot: the areas' rates against their populations, around the pooled rate.
    const pooled =
      (rows.reduce((a, r) => a + (r.count ?? 0), 0) /
        Math.max(
          1,
          rows.reduce((a, r) => a + r.population, 0),
        )) *
      1000;
    const rates: (number | null)[] = rows.map((r) => r.rate?.rate ?? null);
    const areas = rows.map((r) => {
      const l95 = funnelLimits(pooled, r.population, 0.95);
      const l998 = funnelLimits(pooled, r.population, 0.998);
      const rate = r.rate?.rate ?? null;
      const position =
        rate === null
          ? null
          : rate > l998.upper
            ? 'above 99.8%'
            : rate > l95.upper
              ? 'above 95%'
              : rate < l998.lower
                ? 'below 99.8%'
                : rate < l95.lower
                  ? 'below 95%'
                  : 'within';
      // Rank by rate, highest first (1 = highest); equal rates share a rank.
      const rank = rate === null ? null : 1 + rates.filter((o) => o !== null && o > rate).length;
      return { ...r, rank, funnel: { limits95: l95, limits998: l998, position } };
    });
    const populations = rows.map((r) => r.population).filter((p) => p > 0);
    return c.json({
      from: q.from,
      to: q.to,
      res: q.res,
      pooledRate: pooled,
      funnel: populations.length ? funnelCurve(pooled, Math.min(...populations) / 2, Math.max(...populations) * 2) : [],
      method: {
        rate: "incidents per 1,000 residents (mid-2020 population apportioned to the area's H3 cover), exact Poisson (Garwood) 95% interval",
        change: 'exact conditional binomial test of the two totals; the period just before, and a year earlier',
        funnel:
          "exact Poisson control limits (95% and 99.8%) around the pooled rate of the areas compared, at each area's population",
        completeness: "a month is flagged when its count is below the 0.1% Poisson tail of the area's median month",
        comparable: 'every area uses the same selection, definition version, period and population base',
        precision,
        metrics: 'the national Serious Violence Duty metrics, each from the selected datasets that record it in full',
        rank: 'by rate per 1,000, highest first; read it with the intervals and the funnel plot, since close ranks may not differ beyond chance',
      },
      areas,
    });
  },
);

type CompareQuery = z.infer<typeof compareQuery>;

/** One area's row of the comparison, every figure from released counts (the release gate). */
async function compareArea(
  db: Db,
  q: CompareQuery,
  area: CompareQuery['areas'][number],
  prepared: PreparedSelection,
  recorded: readonly RecordedContent[],
) {
  const { threshold, query, datasets } = prepared;
  const release = releaseOf(prepared);
  const [
    {
      cells: [released],
      totals: [count],
    },
    cover,
  ] = await Promise.all([releasedArea(db, release, area), areaCoverPopulation(db, area, q.res)]);
  const population = cover.reduce((a, cell) => a + cell.population, 0);
  const counts = statValues(released, threshold);
  const region = cover.map((cell) => cell.h3);

  // Share of the area's incidents in its Gi* hot spots (95%+).
  const gi = hotspots(region, counts, q.k);
  const inHot = gi.cells.reduce((a, cell) => a + (cell.class >= 2 ? cell.count : 0), 0);
  const inCells = gi.cells.reduce((a, cell) => a + cell.count, 0);

  // Change against the period before and a year earlier (released totals; exact conditional binomial test).
  const change = async (to: 'previous' | 'year') => {
    const period = shiftSelectionPeriod(q.from, q.to, to);
    // A period the data do not reach is not a fall to zero. Where only some datasets reach it,
    // both periods are counted from those alone, and only if they hold most of the area's
    // incidents now: otherwise a neighbour's few records would pass for the area's trend.
    const reaching = datasets.filter(
      (d) => d.monthFrom && d.monthTo && d.monthFrom <= period.from.slice(0, 7) && d.monthTo >= period.to.slice(0, 7),
    );
    const missing = datasets.filter((d) => !reaching.includes(d));
    const coverage = missing.length === 0 ? 'full' : reaching.length === 0 ? 'none' : 'partial';
    let note = missing.length
      ? `${missing.map((d) => `"${d.name}"`).join(', ')} ${missing.length === 1 ? 'does' : 'do'} not cover ${period.from} to ${period.to}`
      : null;
    const none = { ...period, count: null, percent: null, p: null, class: null, coverage: 'none' as string, note };
    if (coverage === 'none') return none;
    const reach: Release =
      coverage === 'full'
        ? release
        : { query: { ...query, datasetIds: reaching.map((d) => d.id) }, threshold: effectiveThreshold(reaching) };
    const now = coverage === 'full' ? count : await releasedAreaTotal(db, reach, area);
    const share = statValue(now, reach.threshold) / Math.max(1, statValue(count, threshold));
    if (share < MIN_SHARE_FOR_CHANGE)
      return {
        ...none,
        note: `${note}; the datasets that do hold only ${Math.round(share * 100)}% of this area's incidents`,
      };
    if (coverage === 'partial')
      note = `${note}: both periods counted from ${reaching.map((d) => `"${d.name}"`).join(', ')} alone`;
    const then = await releasedAreaTotal(db, { ...reach, query: { ...reach.query, ...period } }, area);
    const [result] = classifyChanges(
      [{ h3: 'area', current: statValue(now, reach.threshold), comparison: statValue(then, reach.threshold) }],
      { test: 'two-periods', currentDays: 1, comparisonDays: 1 },
    );
    return {
      ...period,
      count: then,
      percent: now !== null && then ? ((now - then) / then) * 100 : null,
      p: result!.p,
      class: result!.class as string | null,
      coverage: coverage as string,
      note,
    };
  };

  const metricsOf = () =>
    Promise.all(
      PRESETS.map(async (preset) => {
        // A national metric counts only the datasets that record it in full (its groups and flags).
        const supplying = datasetsSupplying(expandGroups(preset.groups), preset.flags, recorded);
        const base = { preset: `preset:${preset.id}`, name: preset.name };
        if (supplying.length === 0)
          return {
            ...base,
            count: null,
            rate: null,
            datasets: [],
            note: `none of the selected datasets records it (${preset.note})`,
          };
        const used = datasets.filter((d) => supplying.some((s) => s.id === d.id));
        const metric = await releasedAreaTotal(
          db,
          {
            query: {
              ...query,
              datasetIds: used.map((d) => d.id),
              groups: definitionGroups(preset, expandGroups),
              flags: [...preset.flags],
            },
            threshold: effectiveThreshold(used),
          },
          area,
        );
        return {
          ...base,
          count: metric,
          rate: metric === null ? null : rateWithInterval(metric, population),
          datasets: used.map((d) => d.name),
          note: null,
        };
      }),
    );

  // Data completeness per month (on the month grid, whatever the selection's precision).
  const months = monthsBetween(q.from.slice(0, 7), q.to.slice(0, 7));
  const [previous, yearEarlier, metrics, monthTotals] = await Promise.all([
    change('previous'),
    change('year'),
    metricsOf(),
    releasedAreaTotals(db, release, area, months),
  ]);
  const flagged = completeness(
    months.map((m, i) => ({ month: m.from.slice(0, 7), count: statValue(monthTotals[i]!, threshold) })),
  );

  return {
    area: areaKey(area)!,
    ...describeSelection(
      prepared,
      fromReleasedRule(threshold, 'rates, intervals, changes, concentration, hot-spot shares and completeness'),
    ),
    count,
    population: Math.round(population),
    rate: count === null ? null : rateWithInterval(count, population),
    previous,
    yearEarlier,
    concentration: (({ top1, top5, top10, gini }) => ({ top1, top5, top10, gini }))(
      concentration(region.map((h) => counts.get(h) ?? 0)),
    ),
    shareInHotspots: inCells > 0 ? inHot / inCells : null,
    months: flagged.map((m, i) => ({ month: m.month, count: monthTotals[i]!, low: m.low })),
    metrics,
  };
}
