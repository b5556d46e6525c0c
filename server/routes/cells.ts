import { Hono } from 'hono';
import { getHexagonEdgeLengthAvg } from 'h3-js';
import { z } from 'zod';
import { hotspots } from '../analysis/hotspots.js';
import { ratePerThousand } from '../analysis/rate.js';
import { allow } from '../auth/policy.js';
import { studyRegion } from '../db/areas.js';
import { kernelDensity, ruleOfThumbBandwidth } from '../analysis/kde.js';
import { quintileBands } from '../analysis/bands.js';
import { cellCentreBng } from '../geo/cell-centre.js';
import { releasedCells, releasedCellsWithPopulation, releasedWeekdayHour } from '../release/gate.js';
import { standIn, statValues } from '../release/rules.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection, releaseOf } from '../http/prepare-selection.js';
import { selectionSchema, selectionFields, selectionQuery } from '../http/selection-params.js';
import { validate } from '../http/validate.js';
import { cachedResult, sendCached } from '../http/result-cache.js';
import { publicField, publicRefusal } from '../http/public-check.js';

/** Kept for callers that import it: the cells route takes the shared selection. */
export const cellsQuery = selectionQuery;

const hotspotsQuery = selectionSchema({
  ...selectionFields,
  area: selectionFields.area.unwrap(),
  k: z.enum(['1', '2', '3']).default('1').transform(Number),
  public: publicField,
});

const densityQuery = selectionSchema({
  ...selectionFields,
  area: selectionFields.area.unwrap(),
  bandwidth: z.coerce.number().min(50).max(5000).optional(),
});

/** How statistics of restricted data are made, in words for `disclosure.rules`. */
export function fromReleasedRule(threshold: number | null, what: string): string[] {
  return threshold === null
    ? []
    : [
        `${what} computed from the released counts alone, a withheld count (1 to ${threshold - 1}) counted as ${standIn(threshold)}`,
      ];
}

/** The distance between neighbouring cell centres at a resolution (√3 edges): a kernel narrower than it draws the cells again. */
const centreSpacing = (res: number) => Math.sqrt(3) * getHexagonEdgeLengthAvg(res, 'm');

export const cellRoutes = new Hono<AppEnv>()
  .get('/cells', allow.signedIn({ datasets: true }), validate('query', selectionQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const result = await cachedResult(c, prepared.value, async () => {
      const released = await releasedCellsWithPopulation(c.get('db'), releaseOf(prepared.value));
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
    await auditRestrictedAnalysis(c, prepared.value, 'cells', () => ({
      cellsReturned: cells.length,
      cellsSuppressed: cells.filter((r) => r.count === null).length,
    }));
    return sendCached(c, result);
  })
  .get('/hotspots', allow.signedIn({ datasets: true }), validate('query', hotspotsQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, echo } = prepared.value;
    const db = c.get('db');
    const result = await cachedResult(c, prepared.value, async () => {
      // The study region is the area's whole cover at this resolution, zero-count cells included.
      const region = await studyRegion(db, q.area, q.res);
      const released = await releasedCells(db, releaseOf(prepared.value));
      const results = hotspots(region, statValues(released, threshold), q.k);
      const cells = results.cells.map((cell) => ({
        ...cell,
        count: released.has(cell.h3) ? released.get(cell.h3)! : 0,
      }));
      return {
        res: q.res,
        from: q.from,
        to: q.to,
        k: q.k,
        ...describeSelection(prepared.value, fromReleasedRule(threshold, 'Gi* (z, p, q and class)')),
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
      const refusal = publicRefusal({
        res: q.res,
        restricted: threshold !== null,
        counts: cells.map((cell) => cell.count),
        settings: [],
      });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    await auditRestrictedAnalysis(c, prepared.value, 'hotspots', () => ({
      cells: cells.length,
      cellsSuppressed: cells.filter((r) => r.count === null).length,
      hot: cells.filter((r) => (r.class ?? 0) > 0).length,
    }));
    return sendCached(c, result);
  })
  .get('/time-profile', allow.signedIn({ datasets: true }), validate('query', selectionQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { datasets, threshold, echo } = prepared.value;
    const untimed = datasets.filter((d) => d.datePrecision !== 'datetime');
    if (untimed.length > 0)
      return c.json(
        {
          error: `a day-by-hour profile needs times: ${untimed.map((d) => `"${d.name}" has ${d.datePrecision} precision`).join('; ')}`,
        },
        400,
      );
    const counts = await releasedWeekdayHour(c.get('db'), releaseOf(prepared.value));
    await auditRestrictedAnalysis(c, prepared.value, 'time-profile', {
      slots: 168,
      slotsSuppressed: counts.flat().filter((n) => n === null).length,
    });
    return c.json({
      from: q.from,
      to: q.to,
      ...describeSelection(
        prepared.value,
        threshold === null
          ? []
          : [
              `a slot below ${threshold}, none included, is withheld ("fewer than ${threshold}"), so withheld slots do not count a small area's incidents`,
            ],
      ),
      area: echo.area as string | null,
      weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
      counts,
    });
  })
  .get('/density', allow.signedIn({ datasets: true }), validate('query', densityQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, echo } = prepared.value;
    const restricted = threshold !== null;
    // Restricted data: the kernel spreads the released counts of the map's cells, and no narrower than their spacing.
    const spacing = Math.ceil(centreSpacing(q.res));
    if (restricted && q.bandwidth !== undefined && q.bandwidth < spacing)
      return c.json(
        {
          error: `restricted data: a bandwidth below the spacing of resolution-${q.res} cells (${spacing} m) only draws single cells again; use ${spacing} m or more`,
        },
        422,
      );
    const db = c.get('db');
    const region = await studyRegion(db, q.area, q.res);
    // Public data: incidents as resolution-10 cell centres (about 65 m apart). Restricted data:
    // the released counts of the cells at the map's resolution (post-processing).
    const points = await releasedCells(db, releaseOf(prepared.value, restricted ? {} : { res: 10 }));
    const sources = [...statValues(points, threshold)].map(([h3, weight]) => ({ ...cellCentreBng(h3), weight }));
    const bandwidth = q.bandwidth ?? Math.max(ruleOfThumbBandwidth(sources), restricted ? spacing : 0);
    const density = kernelDensity(sources, region.map(cellCentreBng), bandwidth);
    const bands = quintileBands(density);
    const cells = region.map((h3, i) => ({ h3, density: density[i]!, band: bands[i]! }));
    await auditRestrictedAnalysis(c, prepared.value, 'density', { cells: cells.length, bandwidth });
    return c.json({
      res: q.res,
      from: q.from,
      to: q.to,
      ...describeSelection(prepared.value, fromReleasedRule(threshold, 'density')),
      area: echo.area as string,
      bandwidth,
      method: {
        kernel: 'quartic (biweight), incidents per km²',
        points: restricted
          ? `the released counts of the resolution-${q.res} cells, at their centres`
          : 'incidents at the centres of their resolution-10 cells',
        bandwidth: q.bandwidth
          ? 'as requested'
          : `Silverman's rule of thumb for two dimensions, h = σ n^(-1/6), at least 100 m${restricted ? ` and the cells' spacing (${spacing} m)` : ''}`,
        sampled: `at the centres of the area's ${region.length} cells at resolution ${q.res}`,
      },
      cells,
    });
  });
