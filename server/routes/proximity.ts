import { Hono } from 'hono';
import { z } from 'zod';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis } from '../http/prepare-selection.js';
import { selection } from '../http/selection.js';
import { selectionFields, selectionSchema } from '../http/selection-params.js';
import { proximity, radiusProblem } from '../services/proximity.js';

const proximityQuery = selectionSchema({
  ...selectionFields,
  area: selectionFields.area.unwrap(),
  type: z.string().regex(/^[a-z-]{2,40}$/, 'a place type such as school or licensed-premises'),
  radius: z.coerce.number().min(50).max(2000).default(200),
  top: z.coerce.number().int().min(1).max(500).default(50),
});

export const proximityRoutes = new Hono<AppEnv>().get('/proximity', selection(proximityQuery), async (c) => {
  const q = c.req.valid('query');
  const s = c.var.selection;
  const problem = radiusProblem(s, q.radius);
  if (problem) return c.json({ error: problem }, 422);
  const result = await proximity(c.var.db, s, q, await restrictedPlaceAccess(c));
  const suppressed = result.places.filter((p) => p.count === null).length;
  await auditRestrictedAnalysis(c, s, 'proximity', { places: result.places.length, suppressed });
  return c.json(result);
});
