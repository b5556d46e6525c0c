import type { Principal } from '../auth/access.js';

/** The owner an upload is filed under: one of the uploader's scopes (their only one if they have one). */
export function resolveOwner(user: Principal, requested: string | undefined): { owner: string } | { error: string } {
  if (requested) {
    if (!user.scopes.includes(requested))
      return {
        error: `owner ${requested} is not one of your partnerships or force areas (${user.scopes.join(', ') || 'none'})`,
      };
    return { owner: requested };
  }
  if (user.scopes.length === 1) return { owner: user.scopes[0]! };
  return {
    error:
      user.scopes.length === 0
        ? 'you belong to no partnership or force area, so you cannot hold restricted data'
        : `say which of your scopes owns this ("owner": ${user.scopes.join(' or ')})`,
  };
}
