import { Hono } from 'hono';
import { z } from 'zod';
import { hotspots } from '../analysis/hotspots.js';
import { ratePerThousand } from '../analysis/rate.js';
import { releaseCells, releaseCount, secondarySuppression } from '../analysis/suppress.js';
import { releaseGiStar, zRule } from '../analysis/z-release.js';
import { allow } from '../auth/policy.js';
import { studyRegion } from '../db/areas.js';
import { countByCell, countByCellWithPopulation, countByWeekdayHour } from '../db/cells.js';
import { weekdayHourMatrix } from '../analysis/time-profile.js';
import { kernelDensity, ruleOfThumbBandwidth } from '../analysis/kde.js';
import { quintileBands } from '../analysis/bands.js';
import { cellCentreBng } from '../geo/cell-centre.js';
import type { AppEnv } from './env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection } from './prepare-selection.js';
import { selectionSchema, selectionFields, selectionQuery } from './selection.js';
import { validate } from './validate.js';
import { cachedResult, sendCached } from './result-cache.js';
import { publicField, publicRefusal } from './public-check.js';

/** Kept for callers that import it: the cells route takes the shared selection. */
export const cellsQuery = selectionQuery;

const hotspotsQuery = selectionSchema({ ...selectionFields, area: selectionFields.area.unwrap(), k: z.enum(['1', '2', '3']).default('1').transform(Number), public: publicField });

const densityQuery = selectionSchema({ ...selectionFields, area: selectionFields.area.unwrap(), bandwidth: z.coerce.number().min(50).max(5000).optional() });

/** The weekday rows and hour columns of the flattened 7 x 24 table, for secondary suppression. */
const TABLE_GROUPS = [
  ...Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => d * 24 + h)),
  ...Array.from({ length: 24 }, (_, h) => Array.from({ length: 7 }, (_, d) => d * 24 + h)),
];



export const cellRoutes = new Hono<AppEnv>()
  .get('/cells', allow.signedIn({ datasets: true }), validate('query', selectionQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, query } = prepared.value;
    const result = await cachedResult(c, prepared.value, async () => {
      const released = releaseCells(await countByCellWithPopulation(c.get('db'), query), threshold);
      return {
        res: q.res,
        from: q.from,
        to: q.to,
        ...describeSelection(prepared.value),
        area: q.area ?? null,
        cells: released.map((cell) => ({ ...cell, rate: ratePerThousand(cell.count, cell.population) })),
      };
    });
    const { cells } = result.value;
    await auditRestrictedAnalysis(c, prepared.value, 'cells', () => ({ cellsReturned: cells.length, cellsSuppressed: cells.filter((r) => r.count === null).length }));
    return sendCached(c, result);
  })
  .get('/hotspots', allow.signedIn({ datasets: true }), validate('query', hotspotsQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, query, echo } = prepared.value;
    const db = c.get('db');
    const result = await cachedResult(c, prepared.value, async () => {
      // The study region is the area's whole cover at this resolution, zero-count cells included.
      const region = await studyRegion(db, q.area, q.res);
      const counted = await countByCell(db, query);
      const results = hotspots(region, new Map(counted.map((cell) => [cell.h3, cell.count])), q.k);
      // Restricted data: Gi* runs on the true counts; counts are released as /api/cells releases
      // them, z rounded to a step k incidents wide with the class from the rounded z, p and q
      // withheld (docs/SECURITY.md).
      const releasedCounts = new Map(releaseCells(counted, threshold).map((cell) => [cell.h3, cell.count]));
      const gi = threshold === null ? null : releaseGiStar(results.cells, results.scales, threshold);
      const zStep = gi?.step;
      const cells =
        gi === null
          ? results.cells
          : gi.cells.map((r) => ({ h3: r.h3, count: releasedCounts.has(r.h3) ? releasedCounts.get(r.h3)! : 0, z: r.z, p: null, q: null, class: r.class }));
      return {
        res: q.res,
        from: q.from,
        to: q.to,
        k: q.k,
        ...describeSelection(prepared.value, [`Gi* computed on the true counts; ${zRule(zStep)}; class from the released z; p and q withheld`]),
        zStep: zStep ?? null,
        area: echo.area as string,
        method: {
          statistic: 'Getis-Ord Gi*',
          weights: `binary, ${q.k}-ring of H3 neighbours including the cell itself`,
          region: `the area's H3 cover at resolution ${q.res}: ${region.length} cells, zero counts included`,
          correction: 'Benjamini-Hochberg false discovery rate over the region',
          classes: 'hot/cold at 99%, 95%, 90% confidence from the adjusted p (ArcGIS Gi_Bin)',
        },
        cells,
      };
    });
    const { cells } = result.value;
    if (q.public) {
      const refusal = publicRefusal({ res: q.res, restricted: threshold !== null, counts: cells.map((cell) => cell.count), settings: [] });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    await auditRestrictedAnalysis(c, prepared.value, 'hotspots', () => ({ cells: cells.length, cellsSuppressed: cells.filter((r) => r.count === null).length, hot: cells.filter((r) => (r.class ?? 0) > 0).length }));
    return sendCached(c, result);
  })
  .get('/time-profile', allow.signedIn({ datasets: true }), validate('query', selectionQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { datasets, threshold, query, echo } = prepared.value;
    const untimed = datasets.filter((d) => d.datePrecision !== 'datetime');
    if (untimed.length > 0)
      return c.json({ error: `a day-by-hour profile needs times: ${untimed.map((d) => `"${d.name}" has ${d.datePrecision} precision`).join('; ')}` }, 400);
    const slots = weekdayHourMatrix(await countByWeekdayHour(c.get('db'), query)).flat();
    // Restricted data: each slot perturbed or withheld, then secondary suppression by weekday and
    // by hour, since those totals can be asked for with the weekday and hour filters.
    const released = slots.map((s) => releaseCount(s.count, s.key, threshold));
    const flat = threshold === null ? released : secondarySuppression(released, TABLE_GROUPS, (i) => String(i).padStart(3, '0'));
    const counts = Array.from({ length: 7 }, (_, d) => flat.slice(d * 24, d * 24 + 24));
    await auditRestrictedAnalysis(c, prepared.value, 'time-profile', { slots: 168, slotsSuppressed: counts.flat().filter((n) => n === null).length });
    return c.json({
      from: q.from,
      to: q.to,
      ...describeSelection(prepared.value),
      area: echo.area as string | null,
      weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      counts,
    });
  })
  .get('/density', allow.signedIn({ datasets: true }), validate('query', densityQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, query, echo } = prepared.value;
    const db = c.get('db');
    const region = await studyRegion(db, q.area, q.res);
    // Incidents as resolution-10 cell centres (about 65 m apart): the points the kernel spreads.
    const sources = (await countByCell(db, { ...query, res: 10 })).map((cell) => ({ ...cellCentreBng(cell.h3), weight: cell.count }));
    const bandwidth = q.bandwidth ?? ruleOfThumbBandwidth(sources);
    const density = kernelDensity(sources, region.map(cellCentreBng), bandwidth);
    const bands = quintileBands(density);
    // Restricted data: only the band is released; a density value is a weighted sum of nearby
    // counts and could be solved back to a small one.
    const cells = region.map((h3, i) => ({ h3, density: threshold === null ? density[i]! : null, band: bands[i]! }));
    await auditRestrictedAnalysis(c, prepared.value, 'density', { cells: cells.length, bandwidth });
    return c.json({
      res: q.res,
      from: q.from,
      to: q.to,
      ...describeSelection(prepared.value, ['density computed on the true counts; only its quintile band is released']),
      area: echo.area as string,
      bandwidth,
      method: {
        kernel: 'quartic (biweight), incidents per km²',
        points: 'incidents at the centres of their resolution-10 cells',
        bandwidth: q.bandwidth ? 'as requested' : "Silverman's rule of thumb for two dimensions, h = σ n^(-1/6), at least 100 m",
        sampled: `at the centres of the area's ${region.length} cells at resolution ${q.res}`,
      },
      cells,
    });
  });
