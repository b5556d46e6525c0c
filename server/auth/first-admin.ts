import type { Db } from '../db/index.js';
import { countUsers, insertUser, listUsers } from '../db/users.js';
import { createSignInLink, signInLinkPath } from './sessions.js';

/**
 * Secure by default without friction: with no accounts, create an admin with no password and
 * return a one-time sign-in link (like Jupyter's token link). Until someone has set a password,
 * each start issues a fresh link for the first admin, so a lost link is never a lock-out.
 */
export async function firstAdminLink(
  db: Db,
  email: string,
  scopes: readonly string[],
): Promise<{ email: string; path: string } | null> {
  if ((await countUsers(db)) === 0) {
    await db.transaction((tx) => insertUser(tx, { email, displayName: 'Administrator', role: 'admin', scopes }));
  }
  const users = await listUsers(db);
  if (users.some((u) => u.hasPassword)) return null;
  const admin = users.find((u) => u.role === 'admin' && !u.disabled);
  if (!admin) return null;
  return { email: admin.email, path: signInLinkPath(await createSignInLink(db, admin.id)) };
}
