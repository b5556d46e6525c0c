import { Hono } from 'hono';
import { z } from 'zod';
import { areaExists, boundaryFeatures, listAreas } from '../db/areas.js';
import { allow } from '../auth/policy.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';

const level = z.enum(['lad', 'pfa', 'lsoa']);
const within = z
  .string()
  .regex(/^pfa:[EW]\d{8}$/, 'expected pfa:CODE')
  .transform((s) => s.slice(4));

export const boundaryRoutes = new Hono<AppEnv>()
  .get(
    '/boundaries/:level',
    allow.signedIn(),
    validate('param', z.object({ level })),
    validate('query', z.object({ within: within.optional() })),
    async (c) => {
      const db = c.get('db');
      const { within: pfa } = c.req.valid('query');
      if (pfa && !(await areaExists(db, 'pfa', pfa))) return c.json({ error: `no police force area ${pfa}` }, 404);
      c.header('Cache-Control', 'public, max-age=3600');
      return c.json(await boundaryFeatures(db, c.req.valid('param').level, pfa));
    },
  )
  .get('/areas', allow.signedIn(), validate('query', z.object({ level, within: within.optional() })), async (c) => {
    const { level: lvl, within: pfa } = c.req.valid('query');
    return c.json({ areas: await listAreas(c.get('db'), lvl, pfa) });
  });
