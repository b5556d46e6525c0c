import type { Queryable } from './types.js';
import { userSelect, type User } from './users.js';

/** How a session began: a password, or a one-time link (which alone may set a first password). */
export type SessionVia = 'password' | 'link';

export interface SessionRow {
  userId: number;
  csrfToken: string;
  via: SessionVia;
  lastSeenAt: Date;
  expiresAt: Date;
}

export async function insertSession(
  db: Queryable,
  s: { tokenHash: string; userId: number; csrfToken: string; via: SessionVia; now: Date; expiresAt: Date },
): Promise<void> {
  await db.query(
    'insert into sessions (token_hash, user_id, csrf_token, via, created_at, last_seen_at, expires_at) values ($1, $2, $3, $4, $5, $5, $6)',
    [s.tokenHash, s.userId, s.csrfToken, s.via, s.now.toISOString(), s.expiresAt.toISOString()],
  );
}

/** A session with its user, in one query (every signed-in request asks). */
export async function findSession(
  db: Queryable,
  tokenHash: string,
): Promise<(SessionRow & { user: User }) | undefined> {
  const rows = await db.query<
    User & { csrfToken: string; via: SessionVia; lastSeenAt: string | Date; expiresAt: string | Date }
  >(
    `${userSelect(', t.csrf_token as "csrfToken", t.via, t.last_seen_at as "lastSeenAt", t.expires_at as "expiresAt"', 'join sessions t on t.user_id = u.id')} where t.token_hash = $1`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return undefined;
  const { csrfToken, via, lastSeenAt, expiresAt, ...user } = r;
  return { userId: user.id, csrfToken, via, lastSeenAt: new Date(lastSeenAt), expiresAt: new Date(expiresAt), user };
}

export async function touchSession(db: Queryable, tokenHash: string, at: Date): Promise<void> {
  await db.query('update sessions set last_seen_at = $2 where token_hash = $1', [tokenHash, at.toISOString()]);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.query('delete from sessions where expires_at < $1', [now.toISOString()]);
}

export interface ApiTokenRow {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

const TOKEN_SELECT = `select id, user_id as "userId", name, prefix,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(last_used_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastUsedAt",
  to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "expiresAt",
  to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "revokedAt"
  from api_tokens`;

export async function insertApiToken(
  db: Queryable,
  t: { userId: number; name: string; tokenHash: string; prefix: string; expiresAt: Date | null },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'insert into api_tokens (user_id, name, token_hash, prefix, expires_at) values ($1, $2, $3, $4, $5) returning id',
    [t.userId, t.name, t.tokenHash, t.prefix, t.expiresAt?.toISOString() ?? null],
  );
  return row!.id;
}

/**
 * The user of a live token (not revoked, not expired), marking it used. "Last used" is to
 * the minute, as for sessions: a token read on every request should not make every read a write
 * (under load the write was most of a cached request's time).
 */
export async function useApiToken(db: Queryable, tokenHash: string, now: Date): Promise<User | undefined> {
  // The token's user comes back with it: one query per request, not two.
  const [row] = await db.query<User & { stale: boolean }>(
    `${userSelect(`, (t.last_used_at is null or t.last_used_at < $2::timestamptz - interval '1 minute') as stale`, 'join api_tokens t on t.user_id = u.id')}
      where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > $2)`,
    [tokenHash, now.toISOString()],
  );
  if (!row) return undefined;
  const { stale, ...user } = row;
  if (stale)
    await db.query('update api_tokens set last_used_at = $2 where token_hash = $1', [tokenHash, now.toISOString()]);
  return user;
}

export async function listApiTokens(db: Queryable, userId?: number): Promise<ApiTokenRow[]> {
  return db.query<ApiTokenRow>(`${TOKEN_SELECT} where ($1::int is null or user_id = $1) order by id`, [userId ?? null]);
}

export async function getApiToken(db: Queryable, id: number): Promise<ApiTokenRow | undefined> {
  return (await db.query<ApiTokenRow>(`${TOKEN_SELECT} where id = $1`, [id]))[0];
}

export async function revokeApiToken(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query('update api_tokens set revoked_at = $2 where id = $1 and revoked_at is null', [id, now.toISOString()]);
}

export async function insertSignInLink(
  db: Queryable,
  tokenHash: string,
  userId: number,
  expiresAt: Date,
): Promise<void> {
  await db.query('insert into sign_in_links (token_hash, user_id, expires_at) values ($1, $2, $3)', [
    tokenHash,
    userId,
    expiresAt.toISOString(),
  ]);
}

/** Spends a one-time link: the user id if it was live, and never again. */
export async function consumeSignInLink(db: Queryable, tokenHash: string, now: Date): Promise<number | undefined> {
  const rows = await db.query<{ userId: number }>(
    `update sign_in_links set used_at = $2 where token_hash = $1 and used_at is null and expires_at > $2 returning user_id as "userId"`,
    [tokenHash, now.toISOString()],
  );
  return rows[0]?.userId;
}
