import { Hono } from 'hono';
import { z } from 'zod';
import { audit, clientAddress } from '../auth/audit.js';
import { DUMMY_HASH_PROMISE, hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { allow } from '../auth/policy.js';
import { hashSecret } from '../auth/secret.js';
import { clearSessionCookie, startSession } from '../auth/sessions.js';
import { countFailedSignIns } from '../db/audit.js';
import { consumeSignInLink, deleteSession } from '../db/sessions.js';
import { findUserByEmail, getUser, setPasswordHash } from '../db/users.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';
import { emailAddress } from '../domain/email.js';

const signIn = z.object({ email: emailAddress, password: z.string().min(1).max(1000) });

function publicUser(u: {
  id: number;
  email: string;
  displayName: string;
  role: string;
  scopes: readonly string[];
  hasPassword?: boolean;
}) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    scopes: [...u.scopes],
    hasPassword: u.hasPassword ?? true,
  };
}

export const authRoutes = new Hono<AppEnv>()
  .post('/auth/signin', allow.open('signing in'), validate('json', signIn), async (c) => {
    const db = c.get('db');
    const settings = c.get('auth');
    const { email, password } = c.req.valid('json');
    const since = new Date(settings.now().getTime() - settings.throttleMinutes * 60_000);
    const ip = clientAddress(c);
    // Per account from one address, and per account from anywhere (guessing spread over many
    // addresses). Never per address alone: behind a proxy one client would lock out everyone.
    const tooMany =
      (await countFailedSignIns(db, { email, ip: ip ?? undefined }, since)) >= settings.maxFailedSignIns ||
      (await countFailedSignIns(db, { email }, since)) >= settings.maxFailedSignIns * 4;
    if (tooMany) {
      await audit(c, { action: 'signin', outcome: 'refused', target: email, summary: { reason: 'throttled' } });
      c.header('Retry-After', String(settings.throttleMinutes * 60));
      return c.json({ error: `too many failed sign-ins; try again in ${settings.throttleMinutes} minutes` }, 429);
    }
    const user = await findUserByEmail(db, email);
    // Always pay for one scrypt check, so an unknown email is not quicker to refuse.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
    if (!user || !ok || !user.passwordHash || user.disabled) {
      await audit(c, {
        action: 'signin',
        outcome: 'failed',
        target: email,
        summary: { reason: user?.disabled ? 'disabled' : 'wrong email or password' },
      });
      return c.json({ error: 'wrong email or password' }, 401);
    }
    const csrfToken = await startSession(c, user.id, 'password');
    c.set('user', user);
    await audit(c, { action: 'signin', target: email, summary: { method: 'password' } });
    return c.json({ user: publicUser(user), csrfToken });
  })
  .post(
    '/auth/link',
    allow.open('one-time sign-in links'),
    validate('json', z.object({ token: z.string().min(10).max(200) })),
    async (c) => {
      const db = c.get('db');
      const userId = await consumeSignInLink(db, hashSecret(c.req.valid('json').token), c.get('auth').now());
      const user = userId === undefined ? undefined : await getUser(db, userId);
      if (!user || user.disabled) {
        await audit(c, {
          action: 'signin',
          outcome: 'failed',
          summary: { method: 'link', reason: 'link unknown, used or expired' },
        });
        return c.json(
          { error: 'this sign-in link is unknown, already used or expired; ask an administrator for a new one' },
          401,
        );
      }
      const csrfToken = await startSession(c, user.id, 'link');
      c.set('user', user);
      await audit(c, { action: 'signin', target: user.email, summary: { method: 'link' } });
      return c.json({ user: publicUser(user), csrfToken });
    },
  )
  .get('/auth/me', allow.signedIn(), async (c) => {
    const me = (await getUser(c.get('db'), c.get('user')!.id))!;
    return c.json({ user: publicUser(me), csrfToken: c.get('session')?.csrfToken ?? null });
  })
  .post('/auth/signout', allow.signedIn(), async (c) => {
    const session = c.get('session');
    if (session) await deleteSession(c.get('db'), session.tokenHash);
    clearSessionCookie(c);
    await audit(c, { action: 'signout', target: c.get('user')!.email });
    return c.json({ signedOut: true });
  })
  .post(
    '/auth/password',
    allow.signedIn(),
    validate('json', z.object({ current: z.string().max(1000).optional(), password: z.string().max(1000) })),
    async (c) => {
      const db = c.get('db');
      const me = (await findUserByEmail(db, c.get('user')!.email))!;
      const { current, password } = c.req.valid('json');
      // A user who arrived by a one-time link has no password yet: only that link's session may set
      // the first one (not an API token of the account). Anyone else proves the old one.
      if (!me.passwordHash && c.get('session')?.via !== 'link') {
        await audit(c, {
          action: 'password',
          outcome: 'refused',
          target: me.email,
          summary: { reason: 'first password from a session not opened by a one-time link' },
        });
        return c.json(
          {
            error:
              'a first password can only be chosen in the browser session opened by your one-time sign-in link; ask an administrator for a new link',
          },
          403,
        );
      }
      if (me.passwordHash && !(current && (await verifyPassword(current, me.passwordHash)))) {
        await audit(c, { action: 'password', outcome: 'failed', target: me.email });
        return c.json({ error: 'the current password is wrong' }, 403);
      }
      const problem = passwordProblem(password, me.email);
      if (problem) return c.json({ error: problem }, 400);
      await setPasswordHash(db, me.id, await hashPassword(password));
      await audit(c, { action: 'password', target: me.email });
      return c.json({ changed: true });
    },
  );
