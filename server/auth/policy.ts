import type { MiddlewareHandler } from 'hono';
import type { Role } from '../db/users.js';
import type { AppEnv } from '../http/env.js';

export const POLICY = Symbol('route policy');

export type RoutePolicy =
  | { kind: 'open'; why: string }
  | { kind: 'signed-in'; datasets?: boolean }
  | { kind: 'roles'; roles: readonly Role[]; datasets?: boolean };

export type PolicyMiddleware = MiddlewareHandler<AppEnv> & { [POLICY]: RoutePolicy };

function make(policy: RoutePolicy): PolicyMiddleware {
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (policy.kind === 'open') return next();
    const user = c.get('user');
    if (!user) return c.json({ error: 'sign in first' }, 401);
    if (policy.kind === 'roles' && !policy.roles.includes(user.role))
      return c.json({ error: `your role (${user.role}) cannot do this; it needs ${policy.roles.join(' or ')}` }, 403);
    return next();
  };
  return Object.assign(handler, { [POLICY]: policy });
}

/**
 * Every route starts with one of these, so its policy is in the route table itself (a test reads
 * the table and fails for any route without one). `datasets: true` marks routes that use
 * datasets: they must also ask `datasetAccess` which ones the user may use.
 */
export const allow = {
  /** No sign-in: only health, sign-in and the client's own files. */
  open: (why: string) => make({ kind: 'open', why }),
  signedIn: (o: { datasets?: boolean } = {}) => make({ kind: 'signed-in', ...o }),
  roles: (roles: readonly Role[], o: { datasets?: boolean } = {}) => make({ kind: 'roles', roles, ...o }),
};

export function policyOf(handler: unknown): RoutePolicy | undefined {
  return (handler as Partial<PolicyMiddleware> | null)?.[POLICY];
}

/** Who may change data: analysts, PCC staff and admins (panel members read only). */
export const DATA_EDITORS: readonly Role[] = ['admin', 'analyst', 'pcc'];
