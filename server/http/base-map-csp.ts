import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/index.js';
import { baseMapOrigins } from '../services/base-map.js';

/** Directives a configured base map needs: tiles, style JSON and glyphs are fetched, sprites and raster tiles drawn as images. */
const DIRECTIVES = ['connect-src', 'img-src'] as const;

/** The policy with `origins` added to the directives a base map uses. */
export function widenCsp(policy: string, origins: readonly string[]): string {
  if (origins.length === 0) return policy;
  return policy
    .split(';')
    .map((part) => {
      const name = part.trim().split(/\s+/)[0];
      return DIRECTIVES.some((d) => d === name) ? `${part.trimEnd()} ${origins.join(' ')}` : part;
    })
    .join(';');
}

/**
 * The content-security policy follows the base map setting: an external tile or style origin is
 * allowed only while an admin has configured it. Registered before secureHeaders, so it runs
 * after it has set the strict policy, and widens that.
 */
export function baseMapCsp(db: Db) {
  return createMiddleware(async (c, next) => {
    await next();
    const policy = c.res.headers.get('content-security-policy');
    if (!policy) return;
    // Fail closed: when the setting cannot be read, the strict policy stands.
    const origins = await baseMapOrigins(db).catch(() => []);
    if (origins.length) c.res.headers.set('content-security-policy', widenCsp(policy, origins));
  });
}
