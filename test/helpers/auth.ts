import { createApp, type AppOptions } from '../../server/app.js';
import { hashPassword } from '../../server/auth/password.js';
import { hashSecret, newSecret } from '../../server/auth/secret.js';
import type { Db } from '../../server/db/index.js';
import { insertApiToken } from '../../server/db/sessions.js';
import { insertUser, type Role } from '../../server/db/users.js';

let counter = 0;

export interface TestUser {
  id: number;
  email: string;
  token: string;
  password?: string;
}

/** A user with an API token (and a password when asked: hashing costs ~0.2 s). */
export async function createTestUser(
  db: Db,
  o: { role: Role; scopes?: string[]; email?: string; password?: string },
): Promise<TestUser> {
  const email = o.email ?? `${o.role}${++counter}@example.org`;
  const id = await db.transaction((tx) =>
    insertUser(tx, { email, displayName: `Test ${o.role}`, role: o.role, scopes: o.scopes ?? [] }),
  );
  if (o.password)
    await db.query('update users set password_hash = $2 where id = $1', [id, await hashPassword(o.password)]);
  const token = newSecret('hs_');
  await insertApiToken(db, {
    userId: id,
    name: 'test',
    tokenHash: hashSecret(token),
    prefix: token.slice(0, 7),
    expiresAt: null,
  });
  return { id, email, token, password: o.password };
}

type App = ReturnType<typeof createApp>;

/** Requests as a user (Bearer token), so tests read like the plain `app.request`. */
export function as(app: App, user: { token: string } | null) {
  return {
    request(path: string, init: RequestInit = {}) {
      const headers = new Headers(init.headers);
      if (user) headers.set('authorization', `Bearer ${user.token}`);
      return app.request(path, { ...init, headers });
    },
  };
}

/** The app with an analyst of `scopes` signed in by token: what most API tests need. */
export async function appAs(db: Db, o: { role?: Role; scopes?: string[] } = {}, options: AppOptions = {}) {
  const app = createApp(db, options);
  const user = await createTestUser(db, { role: o.role ?? 'analyst', scopes: o.scopes ?? ['partnership:1'] });
  return { app, user, api: as(app, user) };
}
