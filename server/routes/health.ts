import { Hono } from 'hono';
import { schemaVersion } from '../db/migrate.js';
import { allow } from '../auth/policy.js';
import type { AppEnv } from '../http/env.js';

export const healthRoutes = new Hono<AppEnv>().get(
  '/health',
  allow.open('load balancers and monitoring'),
  async (c) => {
    const db = c.get('db');
    return c.json({ status: 'ok' as const, database: db.kind, schemaVersion: await schemaVersion(db) });
  },
);
