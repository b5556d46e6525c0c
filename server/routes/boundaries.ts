import { Hono } from 'hono';
import { policeForceAreas } from '../geo/boundaries.js';
import type { AppEnv } from './env.js';

export const boundaryRoutes = new Hono<AppEnv>().get('/boundaries/pfa', (c) => {
  c.header('Cache-Control', 'public, max-age=86400');
  return c.json(policeForceAreas());
});
