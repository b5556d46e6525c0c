import { Hono } from 'hono';
import { z } from 'zod';
import { concentration } from '../analysis/concentration.js';
import { hotspots } from '../analysis/hotspots.js';
import { ratePerThousand } from '../analysis/rate.js';
import { releaseCells, releaseCount } from '../analysis/suppress.js';
import { releaseGiStar, zRule } from '../analysis/z-release.js';
import { combineKeys } from '../analysis/cell-key.js';
import { areaKey } from '../auth/dataset-access.js';
import { allow } from '../auth/policy.js';
import { areaCoverPopulation, forceOfArea } from '../db/areas.js';
import { countByCell } from '../db/cells.js';
import { nearbySettings } from './nearby-settings.js';
import { areaParam } from './area-param.js';
import type { AppEnv } from './env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection } from './prepare-selection.js';
import { selectionSchema, selectionFields } from './selection.js';
import { validate } from './validate.js';
import { publicField, publicRefusal } from './public-check.js';

const { area: _area, res: _res, ...rest } = selectionFields;
const summaryQuery = selectionSchema({
    ...rest,
    res: z.enum(['7', '8', '9']).default('9').transform((r) => Number(r) as 7 | 8 | 9),
    k: z.enum(['1', '2', '3']).default('1').transform(Number),
    top: z.coerce.number().int().min(1).max(50).default(10),
    within: z.coerce.number().min(50).max(5000).default(500),
    public: publicField,
  });

export const summaryRoutes = new Hono<AppEnv>().get(
  '/areas/:area/summary',
  allow.signedIn({ datasets: true }),
  validate('param', z.object({ area: areaParam })),
  validate('query', summaryQuery),
  async (c) => {
    const area = c.req.valid('param').area;
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, { ...q, area });
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, query } = prepared.value;
    const db = c.get('db');
    const cover = await areaCoverPopulation(db, area, q.res);
    const counted = await countByCell(db, query);
    const counts = new Map(counted.map((cell) => [cell.h3, cell.count]));
    const region = cover.map((cell) => cell.h3);
    const population = cover.reduce((a, cell) => a + cell.population, 0);
    const populationOf = new Map(cover.map((cell) => [cell.h3, cell.population]));
    const force = await forceOfArea(db, areaKey(area)!);
    // A force area is its own force: the same counts, not read twice.
    const forceCells = !force ? null : area.kind === 'pfa' && area.code === force ? counted : await countByCell(db, { ...query, area: { kind: 'pfa', code: force } });
    const exact = hotspots(region, counts, q.k);
    // Restricted data: z rounded and the class from it, as /api/hotspots releases them.
    const released = threshold === null ? null : releaseGiStar(exact.cells, exact.scales, threshold);
    const zStep = released?.step;
    const gi = released ? exact.cells.map((cell, i) => ({ ...cell, z: released.cells[i]!.z, class: released.cells[i]!.class })) : exact.cells;
    const releasedCells = new Map(releaseCells(counted, threshold).map((cell) => [cell.h3, cell.count]));
    const release = (h3: string) => (releasedCells.has(h3) ? releasedCells.get(h3)! : 0);
    // Hot spots first, then by released count (a withheld one sorts just below k): the order tells no more than the counts.
    const rankOf = (h3: string) => release(h3) ?? threshold! - 0.5;
    const priorities = gi.filter((cell) => cell.count > 0).sort((a, b) => (b.class ?? 0) - (a.class ?? 0) || rankOf(b.h3) - rankOf(a.h3) || (a.h3 < b.h3 ? -1 : 1)).slice(0, q.top);

    // Settings near each priority cell.
    const nearest = await nearbySettings(c, priorities.map((cell) => cell.h3), q.within, { public: q.public });

    // Restricted data: totals and cells released as every other route releases them (perturbed,
    // 1..k-1 withheld, the area's cells with secondary suppression); z rounded.
    const releaseTotal = (cells: readonly { count: number; key: number }[]) =>
      releaseCount(cells.reduce((a, cell) => a + cell.count, 0), combineKeys(cells.map((cell) => cell.key)), threshold);
    const areaCount = releaseTotal(counted);
    const forceCount = forceCells ? releaseTotal(forceCells) : null;
    const result = {
      area: areaKey(area)!,
      force: force ? `pfa:${force}` : null,
      from: q.from,
      to: q.to,
      res: q.res,
      ...describeSelection(prepared.value, ['concentration computed on the true counts and rounded to two decimals', `priority cells ranked by Gi* class, then released count; ${zRule(zStep)}`]),
      count: areaCount,
      population: Math.round(population),
      rate: ratePerThousand(areaCount, population),
      forceCount,
      shareOfForce: areaCount !== null && forceCount ? areaCount / forceCount : null,
      concentration: threshold === null ? concentration(region.map((h) => counts.get(h) ?? 0)) : roundConcentration(concentration(region.map((h) => counts.get(h) ?? 0))),
      priorities: priorities.map((cell, i) => ({
        h3: cell.h3,
        count: release(cell.h3),
        rate: ratePerThousand(release(cell.h3), populationOf.get(cell.h3) ?? null),
        class: cell.class,
        z: cell.z,
        nearest: nearest[i]!,
      })),
    };
    if (q.public) {
      const refusal = publicRefusal({ res: q.res, restricted: threshold !== null, counts: [result.count, result.forceCount, ...result.priorities.map((p) => p.count)], settings: result.priorities.flatMap((p) => p.nearest) });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    await auditRestrictedAnalysis(c, prepared.value, 'summary', { priorities: result.priorities.length, countReleased: areaCount !== null });
    return c.json(result);
  },
);

/** Restricted data: concentration to two decimals, so it cannot be solved back to a small cell. */
function roundConcentration(c: ReturnType<typeof concentration>) {
  const r = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return { cells: c.cells, total: null, top1: r(c.top1), top5: r(c.top5), top10: r(c.top10), gini: r(c.gini) };
}
