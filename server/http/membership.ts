import type { MiddlewareHandler } from 'hono';
import { isMember } from '../auth/access.js';
import { partnershipExists } from '../db/partnerships.js';
import type { AppEnv } from './env.js';

/**
 * A partnership's own work (its panels, its definitions) is for its members: 404 for an unknown
 * partnership, 403 for anyone else, admins included. The partnership id is read from the
 * validated path or body, so this follows the validator.
 */
export function memberOf(target: 'param' | 'json', key: string, doing: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = (c.req.valid(target as never) as Record<string, number>)[key]!;
    if (!(await partnershipExists(c.var.db, id))) return c.json({ error: `no partnership ${id}` }, 404);
    if (!isMember(c.var.user!, id)) return c.json({ error: `only members of partnership ${id} can ${doing}` }, 403);
    return next();
  };
}
