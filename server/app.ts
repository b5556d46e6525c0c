import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Db } from './db/index.js';
import { boundaryRoutes } from './routes/boundaries.js';
import { cellRoutes } from './routes/cells.js';
import { datasetRoutes } from './routes/datasets.js';
import type { AppEnv } from './routes/env.js';
import { groupRoutes } from './routes/groups.js';
import { healthRoutes } from './routes/health.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { placeRoutes } from './routes/places.js';
import { log } from './log.js';

function buildApi(db: Db) {
  return new Hono<AppEnv>()
    .basePath('/api')
    .use(async (c, next) => {
      c.set('db', db);
      await next();
    })
    .route('/', healthRoutes)
    .route('/', groupRoutes)
    .route('/', datasetRoutes)
    .route('/', cellRoutes)
    .route('/', boundaryRoutes)
    .route('/', partnershipRoutes)
    .route('/', placeRoutes);
}

/** The API; its type is what the client's `hc` uses, so request and response types are shared. */
export type AppType = ReturnType<typeof buildApi>;

export interface AppOptions {
  /** Folder with the built client (vite build output); omitted = API only. */
  staticRoot?: string;
}

export function createApp(db: Db, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', buildApi(db));
  app.all('/api/*', (c) => c.json({ error: `no such API route: ${c.req.method} ${c.req.path}` }, 404));
  if (options.staticRoot) {
    app.use('/*', serveStatic({ root: options.staticRoot }));
    app.get('/*', serveStatic({ root: options.staticRoot, path: 'index.html' }));
  }
  app.onError((error, c) => {
    // Never echo internals (SQL, stack, values) to the client; log the message only.
    log.error('request failed', { method: c.req.method, path: c.req.path, error: error.message });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
