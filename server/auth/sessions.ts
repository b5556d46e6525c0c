import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { insertSession, insertSignInLink, type SessionVia } from '../db/sessions.js';
import type { Queryable } from '../db/types.js';
import type { AppEnv } from '../http/env.js';
import { hashSecret, newSecret } from './secret.js';
import { SESSION_COOKIE } from './settings.js';

function secureRequest(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Signs the user in: a new session (only its hash stored) in an HttpOnly SameSite=Strict cookie. Returns the CSRF token. */
export async function startSession(c: Context<AppEnv>, userId: number, via: SessionVia): Promise<string> {
  const settings = c.get('auth');
  const token = newSecret();
  const csrfToken = newSecret();
  const now = settings.now();
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
  await insertSession(c.get('db'), { tokenHash: hashSecret(token), userId, csrfToken, via, now, expiresAt });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: secureRequest(c),
    path: '/',
    maxAge: settings.sessionHours * 3600,
  });
  return csrfToken;
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureRequest(c) });
}

export const SIGN_IN_LINK_HOURS = 24;

/** A one-time sign-in link's secret (the first admin's, or a new user's); valid for a day. */
export async function createSignInLink(db: Queryable, userId: number, now = new Date()): Promise<string> {
  const token = newSecret();
  await insertSignInLink(db, hashSecret(token), userId, new Date(now.getTime() + SIGN_IN_LINK_HOURS * 3_600_000));
  return token;
}

export function signInLinkPath(token: string): string {
  return `/signin?link=${encodeURIComponent(token)}`;
}
