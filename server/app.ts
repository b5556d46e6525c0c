import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate } from './auth/authenticate.js';
import { DEFAULT_AUTH, type AuthSettings } from './auth/settings.js';
import type { Db } from './db/index.js';
import { auditRoutes } from './routes/audit.js';
import { authRoutes } from './routes/auth.js';
import { grantRoutes } from './routes/grants.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { boundaryRoutes } from './routes/boundaries.js';
import { cellRoutes } from './routes/cells.js';
import { cellDetailRoutes } from './routes/cell-detail.js';
import { datasetRoutes } from './routes/datasets.js';
import type { AppEnv } from './http/env.js';
import { groupRoutes } from './routes/groups.js';
import { healthRoutes } from './routes/health.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { placeRoutes } from './routes/places.js';
import { summaryRoutes } from './routes/summary.js';
import { proximityRoutes } from './routes/proximity.js';
import { changeRoutes } from './routes/change.js';
import { panelRoutes } from './routes/panels.js';
import { compareRoutes } from './routes/compare.js';
import { crossBorderRoutes } from './routes/cross-border.js';
import { triangulationRoutes } from './routes/triangulation.js';
import { snaRoutes } from './routes/sna.js';
import { exportRoutes } from './routes/exports.js';
import { baseMapRoutes } from './routes/base-map.js';
import { baseMapCsp } from './http/base-map-csp.js';
import { apiCaching, immutableAssets } from './http/caching.js';
import { log } from './log.js';
import { openApiDocument } from './openapi.js';
import { allow } from './auth/policy.js';

function buildApi(db: Db, auth: AuthSettings, maxUploadBytes: number) {
  // The OpenAPI description is built once from this app's own route table (validators and
  // policies), so it cannot drift from the routes.
  let openApi: Record<string, unknown> | undefined;
  const self: { app?: Hono<AppEnv> } = {};
  const api = new Hono<AppEnv>()
    .basePath('/api')
    .use(async (c, next) => {
      c.set('db', db);
      c.set('auth', auth);
      c.set('maxUploadBytes', maxUploadBytes);
      await next();
    })
    .use(authenticate)
    .route('/', healthRoutes)
    .route('/', authRoutes)
    .route('/', tokenRoutes)
    .route('/', userRoutes)
    .route('/', grantRoutes)
    .route('/', auditRoutes)
    .route('/', groupRoutes)
    .route('/', datasetRoutes)
    .route('/', cellRoutes)
    .route('/', cellDetailRoutes)
    .route('/', boundaryRoutes)
    .route('/', partnershipRoutes)
    .route('/', placeRoutes)
    .route('/', summaryRoutes)
    .route('/', proximityRoutes)
    .route('/', changeRoutes)
    .route('/', panelRoutes)
    .route('/', compareRoutes)
    .route('/', crossBorderRoutes)
    .route('/', triangulationRoutes)
    .route('/', snaRoutes)
    .route('/', exportRoutes)
    .route('/', baseMapRoutes)
    .get('/openapi.json', allow.signedIn(), (c) => c.json((openApi ??= openApiDocument(self.app!))));
  self.app = api;
  return api;
}

/** The API; its type is what the client's `hc` uses, so request and response types are shared. */
export type AppType = ReturnType<typeof buildApi>;

const JSON_BODY_LIMIT = 5 * 1024 * 1024;
const SMALL_JSON_LIMIT = 64 * 1024;

/**
 * Strict CSP for an air-gapped app: everything from this origin only. MapLibre and deck.gl run
 * their workers from bundled files or blob: URLs; place icons are data: images that deck.gl
 * loads with fetch (hence data: in connect-src).
 */
const SECURE_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    imgSrc: ["'self'", 'data:', 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    connectSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  crossOriginEmbedderPolicy: false,
};

export interface AppOptions {
  /** Folder with the built client (vite build output); omitted = API only. */
  staticRoot?: string;
  /** Session lengths, throttling and the clock (tests shorten and move them). */
  auth?: Partial<AuthSettings>;
  /** Largest file accepted in a dataset upload; default HOTSPOT_MAX_UPLOAD_BYTES or 2 GiB. */
  maxUploadBytes?: number;
}

export function createApp(db: Db, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', baseMapCsp(db));
  app.use('*', secureHeaders(SECURE_HEADERS));
  app.use('/api/*', ...apiCaching);
  // JSON bodies: partnership polygons are the largest; everything else is small. File uploads
  // (datasets, places) stream to disk under their own limits.
  const jsonLimit = (maxSize: number) => {
    const limit = bodyLimit({ maxSize, onError: (c) => c.json({ error: `request body over ${maxSize} bytes` }, 413) });
    return createMiddleware((c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)));
  };
  for (const path of ['/api/partnerships', '/api/partnerships/*']) app.use(path, jsonLimit(JSON_BODY_LIMIT));
  for (const path of [
    '/api/exports',
    '/api/auth/*',
    '/api/users',
    '/api/users/*',
    '/api/grants',
    '/api/grants/*',
    '/api/tokens',
    '/api/tokens/*',
  ])
    app.use(path, jsonLimit(SMALL_JSON_LIMIT));
  const maxUploadBytes = options.maxUploadBytes ?? Number(process.env.HOTSPOT_MAX_UPLOAD_BYTES ?? 2 * 1024 ** 3);
  app.route('/', buildApi(db, { ...DEFAULT_AUTH, ...options.auth }, maxUploadBytes));
  app.all('/api/*', (c) => c.json({ error: `no such API route: ${c.req.method} ${c.req.path}` }, 404));
  if (options.staticRoot) {
    app.use('/assets/*', immutableAssets);
    // The build writes .br and .gz beside each text asset (vite.config.ts); they are sent as they
    // are to a browser that accepts them, with Content-Encoding and Vary: Accept-Encoding.
    app.use('/*', serveStatic({ root: options.staticRoot, precompressed: true }));
    // A build file that is not there (named by an older build's page) is not the page itself,
    // which would otherwise be kept as that file for a year.
    app.get('/assets/*', (c) => c.text('not found', 404));
    app.get('/*', serveStatic({ root: options.staticRoot, path: 'index.html', precompressed: true }));
  }
  app.onError((error, c) => {
    // Never echo internals (SQL, stack, values) to the client. Database messages can quote a
    // row's values, so the log keeps only the error's kind and code, never its message.
    const code = (error as { code?: unknown }).code;
    // A unique constraint the route did not foresee (two requests racing for one name): the
    // client's request conflicts with something stored, not a server fault.
    if (code === '23505')
      return c.json(
        { error: 'that conflicts with something already stored (a name or key that must be unique); choose another' },
        409,
      );
    log.error('request failed', {
      method: c.req.method,
      path: c.req.path,
      error: error.name,
      code: typeof code === 'string' ? code : undefined,
    });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
