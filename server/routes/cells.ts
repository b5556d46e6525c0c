import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { publicField, publicRefusal } from '../http/public-check.js';
import { cachedResult, sendCached } from '../http/result-cache.js';
import { selection } from '../http/selection.js';
import {
  inferenceField,
  neighbourhoodField,
  selectionFields,
  selectionQuery,
  selectionSchema,
} from '../http/selection-params.js';
import {
  bandwidthProblem,
  cellCounts,
  densityMap,
  hotspotMap,
  timeProfile,
  timeProfileProblem,
} from '../services/maps.js';

const hotspotsQuery = selectionSchema({
  ...selectionFields,
  area: selectionFields.area.unwrap(),
  k: neighbourhoodField,
  inference: inferenceField,
  public: publicField,
});

const densityQuery = selectionSchema({
  ...selectionFields,
  area: selectionFields.area.unwrap(),
  bandwidth: z.coerce.number().min(50).max(5000).optional(),
});

const withheld = (cells: readonly { count: number | null }[]) => cells.filter((cell) => cell.count === null).length;

export const cellRoutes = new Hono<AppEnv>()
  .get('/cells', selection(selectionQuery), async (c) => {
    const s = c.var.selection;
    const result = await cachedResult(c, s, () => cellCounts(c.var.db, s, c.req.valid('query')));
    const { cells } = result.value;
    await auditRestrictedAnalysis(c, s, 'cells', () => ({
      cellsReturned: cells.length,
      cellsSuppressed: withheld(cells),
    }));
    return sendCached(c, result);
  })
  .get('/hotspots', selection(hotspotsQuery), async (c) => {
    const q = c.req.valid('query');
    const s = c.var.selection;
    const result = await cachedResult(c, s, () => hotspotMap(c.var.db, s, q));
    const { cells } = result.value;
    const counts = cells.map((cell) => cell.count);
    const refusal = q.public && publicRefusal({ res: q.res, restricted: s.threshold !== null, counts, settings: [] });
    if (refusal) return c.json(refusal.body, refusal.status);
    await auditRestrictedAnalysis(c, s, 'hotspots', () => ({
      cells: cells.length,
      cellsSuppressed: withheld(cells),
      hot: cells.filter((r) => (r.class ?? 0) > 0).length,
    }));
    return sendCached(c, result);
  })
  .get('/time-profile', selection(selectionQuery), async (c) => {
    const s = c.var.selection;
    const problem = timeProfileProblem(s);
    if (problem) return c.json({ error: problem }, 400);
    const result = await timeProfile(c.var.db, s, c.req.valid('query'));
    const slotsSuppressed = result.counts.flat().filter((n) => n === null).length;
    await auditRestrictedAnalysis(c, s, 'time-profile', { slots: 168, slotsSuppressed });
    return c.json(result);
  })
  .get('/density', selection(densityQuery), async (c) => {
    const q = c.req.valid('query');
    const s = c.var.selection;
    const problem = bandwidthProblem(s, q.res, q.bandwidth);
    if (problem) return c.json({ error: problem }, 422);
    const result = await densityMap(c.var.db, s, q);
    await auditRestrictedAnalysis(c, s, 'density', { cells: result.cells.length, bandwidth: result.bandwidth });
    return c.json(result);
  });
