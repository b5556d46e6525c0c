import { normaliseEmail } from '../domain/email.js';
import type { Queryable } from './types.js';

import { ROLES, type Role } from '../domain/roles.js';

export { ROLES, type Role };

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  /** 'partnership:<id>' and/or 'pcc:<force area code>'. */
  scopes: string[];
  hasPassword: boolean;
  disabled: boolean;
  createdAt: string;
}

/** A user's row and scopes; `extra` adds columns and `joins` tables (a session or token found with its user in one query). */
export function userSelect(extra = '', joins = ''): string {
  return `
  select u.id, u.email, u.display_name as "displayName", u.role, u.password_hash is not null as "hasPassword", u.disabled,
         to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
         coalesce((select array_agg(s.scope order by s.scope) from user_scopes s where s.user_id = u.id), '{}') as scopes${extra}
  from users u ${joins}`;
}

const SELECT = userSelect();

export async function listUsers(db: Queryable): Promise<User[]> {
  return db.query<User>(`${SELECT} order by u.email`);
}

export async function getUser(db: Queryable, id: number): Promise<User | undefined> {
  return (await db.query<User>(`${SELECT} where u.id = $1`, [id]))[0];
}

export async function findUserByEmail(
  db: Queryable,
  email: string,
): Promise<(User & { passwordHash: string | null }) | undefined> {
  const user = (await db.query<User>(`${SELECT} where u.email = $1`, [normaliseEmail(email)]))[0];
  if (!user) return undefined;
  const [row] = await db.query<{ passwordHash: string | null }>(
    'select password_hash as "passwordHash" from users where id = $1',
    [user.id],
  );
  return { ...user, passwordHash: row?.passwordHash ?? null };
}

export async function countUsers(db: Queryable): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n;
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  scopes: readonly string[];
  passwordHash?: string | null;
}

export async function insertUser(db: Queryable, u: NewUser): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'insert into users (email, display_name, role, password_hash) values ($1, $2, $3, $4) returning id',
    [normaliseEmail(u.email), u.displayName, u.role, u.passwordHash ?? null],
  );
  await setUserScopes(db, row!.id, u.scopes);
  return row!.id;
}

export async function setUserScopes(db: Queryable, userId: number, scopes: readonly string[]): Promise<void> {
  await db.query('delete from user_scopes where user_id = $1', [userId]);
  if (scopes.length > 0)
    await db.query('insert into user_scopes (user_id, scope) select $1, unnest($2::text[])', [
      userId,
      [...new Set(scopes)],
    ]);
}

export async function updateUser(
  db: Queryable,
  id: number,
  changes: { displayName?: string; role?: Role; disabled?: boolean },
): Promise<void> {
  await db.query(
    `update users set display_name = coalesce($2, display_name), role = coalesce($3, role), disabled = coalesce($4, disabled) where id = $1`,
    [id, changes.displayName ?? null, changes.role ?? null, changes.disabled ?? null],
  );
  // A disabled user is signed out everywhere at once, and their API tokens are revoked for good:
  // enabling the account again must not bring old tokens back to life.
  if (changes.disabled) {
    await db.query('delete from sessions where user_id = $1', [id]);
    await db.query('update api_tokens set revoked_at = now() where user_id = $1 and revoked_at is null', [id]);
  }
}

export async function setPasswordHash(db: Queryable, userId: number, hash: string): Promise<void> {
  await db.query('update users set password_hash = $2 where id = $1', [userId, hash]);
}

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
  return (await db.query('select 1 from users where email = $1', [normaliseEmail(email)])).length > 0;
}
