import { Hono } from 'hono';
import { z } from 'zod';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import { areaParam } from '../domain/area.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { publicField, publicRefusal } from '../http/public-check.js';
import { selection, signInFirst } from '../http/selection.js';
import { areaResolution, neighbourhoodField, selectionFields, selectionSchema } from '../http/selection-params.js';
import { validate } from '../http/validate.js';
import { areaSummary } from '../services/summary.js';

const { area: _area, res: _res, ...rest } = selectionFields;
const summaryQuery = selectionSchema({
  ...rest,
  res: areaResolution('9'),
  k: neighbourhoodField,
  top: z.coerce.number().int().min(1).max(50).default(10),
  within: z.coerce.number().min(50).max(5000).default(500),
  public: publicField,
});

export const summaryRoutes = new Hono<AppEnv>().get(
  '/areas/:area/summary',
  signInFirst,
  validate('param', z.object({ area: areaParam })),
  selection(summaryQuery, { areaFromPath: true }),
  async (c) => {
    const q = c.req.valid('query');
    const s = c.var.selection;
    const result = await areaSummary(c.var.db, s, c.req.valid('param').area, q, await restrictedPlaceAccess(c));
    if (q.public) {
      const counts = [result.count, result.forceCount, ...result.priorities.map((p) => p.count)];
      const settings = result.priorities.flatMap((p) => p.nearest);
      const refusal = publicRefusal({ res: q.res, restricted: s.threshold !== null, counts, settings });
      if (refusal) return c.json(refusal.body, refusal.status);
    }
    const countReleased = result.count !== null;
    await auditRestrictedAnalysis(c, s, 'summary', { priorities: result.priorities.length, countReleased });
    return c.json(result);
  },
);
