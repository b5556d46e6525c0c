import { cellToChildren, cellToLatLng } from 'h3-js';
import { Hono } from 'hono';
import { z } from 'zod';
import { hotspots } from '../analysis/hotspots.js';
import { ratePerThousand } from '../analysis/rate.js';
import { releaseCount, suppressSmallCounts } from '../analysis/suppress.js';
import { allow } from '../auth/policy.js';
import { areaCover } from '../db/areas.js';
import { countByCell, countByWeekdayHour } from '../db/cells.js';
import { weekdayHourMatrix } from '../analysis/time-profile.js';
import { kernelDensity, ruleOfThumbBandwidth } from '../analysis/kde.js';
import { quintileBands } from '../analysis/bands.js';
import { wgs84ToBng } from '../geo/bng.js';
import type { AppEnv } from './env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection } from './prepare-selection.js';
import { selectionSchema, selectionFields, selectionQuery } from './selection.js';
import { validate } from './validate.js';

/** Kept for callers that import it: the cells route takes the shared selection. */
export const cellsQuery = selectionQuery;

const hotspotsQuery = selectionSchema({ ...selectionFields, area: selectionFields.area.unwrap(), k: z.enum(['1', '2', '3']).default('1').transform(Number) });

const densityQuery = selectionSchema({ ...selectionFields, area: selectionFields.area.unwrap(), bandwidth: z.coerce.number().min(50).max(5000).optional() });

/** An H3 cell's centre in British National Grid metres. */
function centre(h3: string): { x: number; y: number } {
  const [lat, lng] = cellToLatLng(h3);
  const [x, y] = wgs84ToBng(lng, lat);
  return { x, y };
}

/** The study region: the area's cover at the resolution (resolution 10 from its resolution-9 parents). */
async function studyRegion(db: AppEnv['Variables']['db'], area: Parameters<typeof areaCover>[1], res: 7 | 8 | 9 | 10): Promise<string[]> {
  const cover = await areaCover(db, area, res === 10 ? 9 : res);
  return res === 10 ? cover.flatMap((h3) => cellToChildren(h3, 10)) : cover;
}

export const cellRoutes = new Hono<AppEnv>()
  .get('/cells', allow.signedIn({ datasets: true }), validate('query', selectionQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, query } = prepared.value;
    const counts = await countByCell(c.get('db'), query);
    const released = threshold === null ? counts : suppressSmallCounts(counts, threshold);
    await auditRestrictedAnalysis(c, prepared.value, 'cells', { cellsReturned: released.length, cellsSuppressed: released.filter((r) => r.count === null).length });
    return c.json({
      res: q.res,
      from: q.from,
      to: q.to,
      ...describeSelection(prepared.value),
      area: q.area ?? null,
      cells: released.map((cell, i) => ({ ...cell, population: counts[i]!.population, rate: ratePerThousand(cell.count, counts[i]!.population) })),
    });
  })
  .get('/hotspots', allow.signedIn({ datasets: true }), validate('query', hotspotsQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, query, echo } = prepared.value;
    const db = c.get('db');
    // The study region is the area's whole cover at this resolution, zero-count cells included.
    const region = await studyRegion(db, q.area, q.res);
    const counts = new Map((await countByCell(db, query)).map((cell) => [cell.h3, cell.count]));
    const results = hotspots(region, counts, q.k);
    // Restricted data: counts 1..k-1 suppressed; z, p and q withheld (only the class is released)
    // until the disclosure rules for derived statistics are settled (see docs/SECURITY.md).
    const cells =
      threshold === null
        ? results
        : results.map((r) => ({ h3: r.h3, count: releaseCount(r.count, threshold), z: null, p: null, q: null, class: r.class }));
    await auditRestrictedAnalysis(c, prepared.value, 'hotspots', { cells: cells.length, cellsSuppressed: cells.filter((r) => r.count === null).length, hot: cells.filter((r) => r.class > 0).length });
    return c.json({
      res: q.res,
      from: q.from,
      to: q.to,
      k: q.k,
      ...describeSelection(prepared.value),
      area: echo.area as string,
      method: {
        statistic: 'Getis-Ord Gi*',
        weights: `binary, ${q.k}-ring of H3 neighbours including the cell itself`,
        region: `the area's H3 cover at resolution ${q.res}: ${region.length} cells, zero counts included`,
        correction: 'Benjamini-Hochberg false discovery rate over the region',
        classes: 'hot/cold at 99%, 95%, 90% confidence from the adjusted p (ArcGIS Gi_Bin)',
        disclosure: threshold === null ? 'public data: nothing withheld' : `counts 1 to ${threshold - 1} suppressed; z, p and q withheld; class released`,
      },
      cells,
    });
  })
  .get('/time-profile', allow.signedIn({ datasets: true }), validate('query', selectionQuery), async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { datasets, threshold, query, echo } = prepared.value;
    const untimed = datasets.filter((d) => d.datePrecision !== 'datetime');
    if (untimed.length > 0)
      return c.json({ error: `a day-by-hour profile needs times: ${untimed.map((d) => `"${d.name}" has ${d.datePrecision} precision`).join('; ')}` }, 400);
    const matrix = weekdayHourMatrix(await countByWeekdayHour(c.get('db'), query));
    // Restricted data: slots of 1..k-1 suppressed; no row or column totals are sent, so no
    // suppressed slot can be recovered by subtraction within this response.
    const counts = matrix.map((row) => row.map((n) => releaseCount(n, threshold)));
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
    const sources = (await countByCell(db, { ...query, res: 10 })).map((cell) => ({ ...centre(cell.h3), weight: cell.count }));
    const bandwidth = q.bandwidth ?? ruleOfThumbBandwidth(sources);
    const density = kernelDensity(sources, region.map(centre), bandwidth);
    const bands = quintileBands(density);
    // Restricted data: only the band is released; a density value is a weighted sum of nearby
    // counts and could be solved back to a small one.
    const cells = region.map((h3, i) => ({ h3, density: threshold === null ? density[i]! : null, band: bands[i]! }));
    await auditRestrictedAnalysis(c, prepared.value, 'density', { cells: cells.length, bandwidth });
    return c.json({
      res: q.res,
      from: q.from,
      to: q.to,
      ...describeSelection(prepared.value),
      area: echo.area as string,
      bandwidth,
      method: {
        kernel: 'quartic (biweight), incidents per km²',
        points: 'incidents at the centres of their resolution-10 cells',
        bandwidth: q.bandwidth ? 'as requested' : "Silverman's rule of thumb for two dimensions, h = σ n^(-1/6), at least 100 m",
        sampled: `at the centres of the area's ${region.length} cells at resolution ${q.res}`,
        disclosure: threshold === null ? 'public data: nothing withheld' : 'restricted data: density withheld, quintile band released',
      },
      cells,
    });
  });
