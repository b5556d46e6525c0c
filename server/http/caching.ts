import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { createMiddleware } from 'hono/factory';

/**
 * API responses: gzip where the client accepts it (a force area's cells at resolution 9 are
 * about 1.5 MB of JSON, a tenth of that compressed), and an ETag from the body, so a client
 * asking again for an unchanged result gets 304 and no body. The ETag is the result's content,
 * so it changes with the data version: a new import, grant or geography gives a new body.
 * `private, no-cache`: only the user's own browser keeps a copy (results depend on who asks),
 * and it revalidates each time (every request still passes the access checks and the audit).
 */
export const apiCaching = [
  compress(),
  etag(),
  createMiddleware(async (c, next) => {
    await next();
    // On the response's own headers: c.header() after the handler would rebuild the response
    // around a stream, and Node would then copy a kept result's bytes through it on every request.
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !c.res.headers.has('cache-control'))
      c.res.headers.set('cache-control', 'private, no-cache');
  }),
] as const;

/** Vite's hashed build files never change under the same name. */
export const immutableAssets = createMiddleware(async (c, next) => {
  await next();
  if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
});
