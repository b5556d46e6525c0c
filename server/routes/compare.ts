import { Hono } from 'hono';
import { z } from 'zod';
import { combineKeys } from '../analysis/cell-key.js';
import { classifyChanges } from '../analysis/change.js';
import { completeness } from '../analysis/completeness.js';
import { concentration } from '../analysis/concentration.js';
import { hotspots } from '../analysis/hotspots.js';
import { monthsBetween, shiftSelectionPeriod } from '../analysis/periods.js';
import { funnelLimits, rateWithInterval } from '../analysis/poisson-interval.js';
import { releaseCells, releaseCount } from '../analysis/suppress.js';
import { releaseGiStar } from '../analysis/z-release.js';
import { areaKey } from '../auth/dataset-access.js';
import { allow } from '../auth/policy.js';
import { areaCoverPopulation } from '../db/areas.js';
import { countByCell, countByCellAndPeriod, countTotal } from '../db/cells.js';
import { areaParam, type AreaSelector } from './area-param.js';
import type { AppEnv } from './env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection } from './prepare-selection.js';
import { selectionFields, selectionSchema } from './selection.js';
import { validate } from './validate.js';

const { area: _area, res: _res, ...rest } = selectionFields;

/** Two to twelve named areas (local authorities, partnerships, force areas), comma-separated. */
const areaList = z
  .string()
  .transform((s, ctx) => {
    const areas: AreaSelector[] = [];
    for (const part of s.split(',')) {
      const parsed = areaParam.safeParse(part);
      if (!parsed.success || parsed.data.kind === 'cells') {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not a named area (lad:CODE, pfa:CODE or partnership:ID)` });
        return z.NEVER;
      }
      areas.push(parsed.data);
    }
    return areas;
  })
  .refine((a) => a.length >= 2 && a.length <= 12, 'compare two to twelve areas');

const compareQuery = selectionSchema({ ...rest, areas: areaList, res: z.enum(['7', '8', '9']).default('9').transform((r) => Number(r) as 7 | 8 | 9), k: z.enum(['1', '2', '3']).default('1').transform(Number) });

export const compareRoutes = new Hono<AppEnv>().get('/compare', allow.signedIn({ datasets: true }), validate('query', compareQuery), async (c) => {
  const q = c.req.valid('query');
  const db = c.get('db');
  const rows = [];
  for (const area of q.areas) {
    const prepared = await prepareSelection(c, { ...q, area });
    if (!prepared.ok) return c.json({ ...prepared.body, error: `${areaKey(area)}: ${prepared.body.error}` }, prepared.status);
    const { threshold, query } = prepared.value;
    const restricted = threshold !== null;
    const cells = await countByCell(db, query);
    const cover = await areaCoverPopulation(db, area, q.res);
    const population = cover.reduce((a, cell) => a + cell.population, 0);
    const trueTotal = cells.reduce((a, cell) => a + cell.count, 0);
    const count = releaseCount(trueTotal, combineKeys(cells.map((cell) => cell.key)), threshold);

    // Share of the area's incidents in its Gi* hot spots (95%+), from released values for restricted data.
    const counts = new Map(cells.map((cell) => [cell.h3, cell.count]));
    const region = cover.map((cell) => cell.h3);
    const gi = hotspots(region, counts, q.k);
    const classes = restricted ? releaseGiStar(gi.cells, gi.scales, threshold).cells.map((cell) => cell.class ?? 0) : gi.cells.map((cell) => cell.class);
    const released = new Map(releaseCells(cells, threshold).map((cell) => [cell.h3, cell.count ?? 0]));
    const inHot = region.reduce((a, h, i) => a + (classes[i]! >= 2 ? (released.get(h) ?? 0) : 0), 0);
    const releasedSum = [...released.values()].reduce((a, n) => a + n, 0);

    // Change against the period before and a year earlier (totals; exact conditional binomial test).
    const change = async (to: 'previous' | 'year') => {
      const period = shiftSelectionPeriod(q.from, q.to, to);
      const then = await countTotal(db, { ...query, ...period });
      const [result] = classifyChanges([{ h3: 'area', current: trueTotal, comparison: then.count }], { test: 'two-periods', currentDays: 1, comparisonDays: 1 });
      const thenReleased = releaseCount(then.count, then.key, threshold);
      return { ...period, count: thenReleased, percent: count !== null && thenReleased ? ((count - thenReleased) / thenReleased) * 100 : null, p: restricted ? null : result!.p, class: result!.class };
    };

    // Data completeness per month (on the month grid, whatever the selection's precision).
    const months = monthsBetween(q.from.slice(0, 7), q.to.slice(0, 7));
    const perMonth = await countByCellAndPeriod(db, { ...query, from: q.from.slice(0, 7), to: q.to.slice(0, 7) }, months);
    const monthTotals = months.map((m, i) => {
      const rowsOf = perMonth.filter((r) => r.period === i);
      const total = rowsOf.reduce((a, r) => a + r.count, 0);
      return { month: m.from.slice(0, 7), count: releaseCount(total, combineKeys(rowsOf.map((r) => r.key)), threshold) };
    });
    const flagged = completeness(monthTotals.map((m) => ({ month: m.month, count: m.count ?? 0 })));

    const conc = concentration(region.map((h) => counts.get(h) ?? 0));
    const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    rows.push({
      area: areaKey(area)!,
      ...describeSelection(prepared.value),
      count,
      population: Math.round(population),
      rate: count === null ? null : rateWithInterval(count, population),
      previous: await change('previous'),
      yearEarlier: await change('year'),
      concentration: restricted ? { top1: round2(conc.top1), top5: round2(conc.top5), top10: round2(conc.top10), gini: round2(conc.gini) } : { top1: conc.top1, top5: conc.top5, top10: conc.top10, gini: conc.gini },
      shareInHotspots: releasedSum > 0 ? inHot / releasedSum : null,
      months: flagged.map((m, i) => ({ month: m.month, count: monthTotals[i]!.count, low: m.low })),
    });
    await auditRestrictedAnalysis(c, prepared.value, 'compare', { area: rows.at(-1)!.area });
  }
  // Funnel plot: the areas' rates against their populations, around the pooled rate.
  const pooled = rows.reduce((a, r) => a + (r.count ?? 0), 0) / Math.max(1, rows.reduce((a, r) => a + r.population, 0)) * 1000;
  const areas = rows.map((r) => {
    const l95 = funnelLimits(pooled, r.population, 0.95);
    const l998 = funnelLimits(pooled, r.population, 0.998);
    const rate = r.rate?.rate ?? null;
    const position = rate === null ? null : rate > l998.upper ? 'above 99.8%' : rate > l95.upper ? 'above 95%' : rate < l998.lower ? 'below 99.8%' : rate < l95.lower ? 'below 95%' : 'within';
    return { ...r, funnel: { limits95: l95, limits998: l998, position } };
  });
  return c.json({
    from: q.from,
    to: q.to,
    res: q.res,
    pooledRate: pooled,
    method: {
      rate: 'incidents per 1,000 residents (mid-2020 population apportioned to the area\'s H3 cover), exact Poisson (Garwood) 95% interval',
      change: 'exact conditional binomial test of the two totals; the period just before, and a year earlier',
      funnel: 'exact Poisson control limits (95% and 99.8%) around the pooled rate of the areas compared, at each area\'s population',
      completeness: 'a month is flagged when its count is below the 0.1% Poisson tail of the area\'s median month',
      comparable: 'every area uses the same selection, definition version, period and population base',
    },
    areas,
  });
});
