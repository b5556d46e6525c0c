import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';

const clientExport = z
  .object({
    /** What the browser made from released data it already holds (a map image, a proximity ranking as CSV). */
    format: z.enum(['map.png', 'proximity.csv', 'time-profile.csv']),
    /** Which view: the page and its selection, in words or as the API query it drew (no values). */
    view: z.string().trim().min(1).max(2000),
  })
  .strict();

/** Exports the browser makes itself (a map drawn as PNG) are recorded here, so that every export is audited. */
export const exportRoutes = new Hono<AppEnv>().post(
  '/exports',
  allow.signedIn(),
  validate('json', clientExport),
  async (c) => {
    const body = c.req.valid('json');
    await audit(c, { action: 'export', target: 'client', summary: { format: body.format, view: body.view } });
    return c.json({ recorded: true }, 201);
  },
);
