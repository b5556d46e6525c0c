import { Hono } from 'hono';
import { z } from 'zod';
import { concentration } from '../analysis/concentration.js';
import { hotspots } from '../analysis/hotspots.js';
import { ratePerThousand } from '../analysis/rate.js';
import { areaKey } from '../domain/area.js';
import { allow } from '../auth/policy.js';
import { areaCoverPopulation, forceOfArea } from '../db/areas.js';
import { releasedArea, releasedAreaTotal } from '../release/gate.js';
import { statValues } from '../release/rules.js';
import { fromReleasedRule } from './cells.js';
import { nearbySettings } from '../services/nearby-settings.js';
import { areaParam } from '../domain/area.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection, releaseOf } from '../http/prepare-selection.js';
import { selectionSchema, selectionFields } from '../http/selection-params.js';
import { validate } from '../http/validate.js';
import { publicField, publicRefusal } from '../http/public-check.js';

const { area: _area, res: _res, ...rest } = selectionFields;
const summaryQuery = selectionSchema({
  ...rest,
  res: z
    .enum(['7', '8', '9'])
    .default('9')
    .transform((r) => Number(r) as 7 | 8 | 9),
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
    const { threshold } = prepared.value;
    const db = c.get('db');
    const release = releaseOf(prepared.value);
    const [
      cover,
      {
        cells: [released],
        totals: [areaCount],
      },
    ] = await Promise.all([areaCoverPopulation(db, area, q.res), releasedArea(db, release, area)]);
    const counts = statValues(released, threshold);
    const region = cover.map((cell) => cell.h3);
    const population = cover.reduce((a, cell) => a + cell.population, 0);
    const populationOf = new Map(cover.map((cell) => [cell.h3, cell.population]));
    const force = await forceOfArea(db, areaKey(area)!);
    // A force area is its own force: the same total, not released twice.
    const forceCount = !force
      ? null
      : area.kind === 'pfa' && area.code === force
        ? areaCount
        : await releasedAreaTotal(db, release, { kind: 'pfa', code: force });
    const gi = hotspots(region, counts, q.k).cells;
    const release1 = (h3: string) => (released.has(h3) ? released.get(h3)! : 0);
    // Hot spots first, then by released count (a withheld one as its stand-in).
    const priorities = gi
      .filter((cell) => cell.count > 0)
      .sort((a, b) => (b.class ?? 0) - (a.class ?? 0) || b.count - a.count || (a.h3 < b.h3 ? -1 : 1))
      .slice(0, q.top);

    // Settings near each priority cell.
    const nearest = await nearbySettings(
      c,
      priorities.map((cell) => cell.h3),
      q.within,
      { public: q.public },
    );

    const result = {
      area: areaKey(area)!,
      force: force ? `pfa:${force}` : null,
      from: q.from,
      to: q.to,
      res: q.res,
      ...describeSelection(prepared.value, [
        ...fromReleasedRule(threshold, 'concentration, Gi* and the priority ranking'),
        ...(threshold === null
          ? []
          : [
              "an area's total is the sum of its local authorities' released totals (a drawn partnership: of its cells')",
            ]),
      ]),
      count: areaCount,
      population: Math.round(population),
      rate: ratePerThousand(areaCount, population),
      forceCount,
      shareOfForce: areaCount !== null && forceCount ? areaCount / forceCount : null,
      concentration: concentration(region.map((h) => counts.get(h) ?? 0)),
      priorities: priorities.map((cell, i) => ({
        h3: cell.h3,
        count: release1(cell.h3),
        rate: ratePerThousand(release1(cell.h3), populationOf.get(cell.h3) ?? null),
        class: cell.class,
        z: cell.z,
        nearest: nearest[i]!,
      })),
    };
    if (q.public) {
      const refusal = publicRefusal({
        res: q.res,
        restricted: threshold !== null,
        counts: [result.count, result.forceCount, ...result.priorities.map((p) => p.count)],
        settings: result.priorities.flatMap((p) => p.nearest),
      });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    await auditRestrictedAnalysis(c, prepared.value, 'summary', {
      priorities: result.priorities.length,
      countReleased: areaCount !== null,
    });
    return c.json(result);
  },
);
