import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { deleteSession, findSession, touchSession, useApiToken } from '../db/sessions.js';
import type { User } from '../db/users.js';
import type { AppEnv } from '../http/env.js';
import type { Principal } from './access.js';
import { hashSecret, sameSecret } from './secret.js';
import { CSRF_HEADER, SESSION_COOKIE } from './settings.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Only update last-seen once a minute: reads should not all become writes.
const TOUCH_EVERY_MS = 60_000;

function principal(user: User | undefined): Principal | null {
  if (!user || user.disabled) return null;
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role, scopes: user.scopes };
}

function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin) return true; // not a browser cross-site request (browsers send Origin on unsafe methods)
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/**
 * Resolves who is calling (API token in `Authorization: Bearer`, or a session cookie) without
 * refusing anyone: each route's `allow` decides. Unsafe methods must come from this origin, and
 * cookie-authenticated ones must also carry the session's CSRF token in a header, which another
 * site's page cannot read or send.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('user', null);
  c.set('session', null);
  const settings = c.get('auth');
  const now = settings.now();
  const unsafe = !SAFE_METHODS.has(c.req.method);
  if (unsafe && !sameOrigin(c)) return c.json({ error: 'cross-origin request refused' }, 403);

  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    const user = principal(await useApiToken(c.get('db'), hashSecret(bearer), now));
    if (!user) return c.json({ error: 'API token not recognised, revoked or expired' }, 401);
    c.set('user', user);
    return next();
  }

  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) {
    const tokenHash = hashSecret(cookie);
    const session = await findSession(c.get('db'), tokenHash);
    const idleLimit = session && session.lastSeenAt.getTime() + settings.idleMinutes * 60_000;
    if (session && session.expiresAt > now && idleLimit! > now.getTime()) {
      const user = principal(session.user);
      if (user) {
        if (unsafe && !sameSecret(c.req.header(CSRF_HEADER) ?? '', session.csrfToken))
          return c.json({ error: `missing or wrong ${CSRF_HEADER} header` }, 403);
        if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
          await touchSession(c.get('db'), tokenHash, now);
        c.set('user', user);
        c.set('session', { tokenHash, csrfToken: session.csrfToken, via: session.via });
      }
    } else if (session) {
      await deleteSession(c.get('db'), tokenHash);
    }
  }
  return next();
};
