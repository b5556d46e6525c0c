import type { Basis, Sensitivity } from '../db/datasets.js';
import type { Role } from '../db/users.js';

/** The signed-in user, as the policy sees them. */
export interface Principal {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  scopes: readonly string[];
}

export interface DatasetFacts {
  id: number;
  name: string;
  sensitivity: Sensitivity;
  basis: Basis;
  ownerScope: string | null;
}

export interface GrantFacts {
  datasetId: number | null;
  granteeScope: string;
  /** null = any area; otherwise the area selector the grant is limited to. */
  area: string | null;
  expiresAt: string;
  revokedAt: string | null;
}

export interface AreaContext {
  /** LADs of the requested area; null when the request names no area (the dataset's whole extent). */
  requestedLads: ReadonlySet<string> | null;
  /** LADs of each area a grant is limited to. */
  ladsOf: ReadonlyMap<string, ReadonlySet<string>>;
}

export type Decision = { datasetId: number; name: string; allowed: true; via: 'public' | 'owner' | 'grant' } | { datasetId: number; name: string; allowed: false; reason: string };

export function isLive(grant: GrantFacts, now: Date): boolean {
  return grant.revokedAt === null && new Date(grant.expiresAt) > now;
}

function within(requested: ReadonlySet<string> | null, granted: ReadonlySet<string> | undefined): boolean {
  if (!requested || requested.size === 0 || !granted) return false;
  for (const lad of requested) if (!granted.has(lad)) return false;
  return true;
}

/**
 * The one access rule for data: public data is for every signed-in user; restricted data for
 * members of the owning partnership or PCC, and for holders of a live grant (inside the grant's
 * area, if it has one). s17 data (information given to a PCC) is for that PCC's users only:
 * grants on it are ignored even if one was somehow stored.
 */
export function decideDataset(user: Principal, dataset: DatasetFacts, grants: readonly GrantFacts[], area: AreaContext, now: Date): Decision {
  const base = { datasetId: dataset.id, name: dataset.name };
  if (dataset.sensitivity === 'public') return { ...base, allowed: true, via: 'public' };
  if (dataset.ownerScope && user.scopes.includes(dataset.ownerScope)) return { ...base, allowed: true, via: 'owner' };
  if (!dataset.ownerScope) return { ...base, allowed: false, reason: 'restricted data with no owner: an administrator must assign one' };
  if (dataset.basis === 's17') return { ...base, allowed: false, reason: `s17 data held by ${dataset.ownerScope}: usable by that PCC's staff only` };
  const mine = grants.filter((g) => g.datasetId === dataset.id && user.scopes.includes(g.granteeScope) && isLive(g, now));
  if (mine.some((g) => g.area === null || within(area.requestedLads, area.ladsOf.get(g.area)))) return { ...base, allowed: true, via: 'grant' };
  if (mine.length > 0) return { ...base, allowed: false, reason: `granted only within ${mine.map((g) => g.area).join(' or ')}: choose an area inside it` };
  return { ...base, allowed: false, reason: `no live grant to ${user.scopes.length ? user.scopes.join(', ') : 'you'}` };
}

/** Whether a dataset shows in the user's listings: usable for some area, or (admins) unowned and needing attention. */
export function visibleTo(user: Principal, dataset: DatasetFacts, grants: readonly GrantFacts[], now: Date): boolean {
  if (dataset.sensitivity === 'public') return true;
  if (dataset.ownerScope === null) return user.role === 'admin';
  if (user.scopes.includes(dataset.ownerScope)) return true;
  if (dataset.basis === 's17') return false;
  return grants.some((g) => g.datasetId === dataset.id && user.scopes.includes(g.granteeScope) && isLive(g, now));
}

/** Whether `user` may grant, revoke or delete `dataset`: its owner's analysts, PCC staff and admins. */
export function canManageDataset(user: Principal, dataset: DatasetFacts): boolean {
  if (user.role === 'panel') return false;
  if (dataset.sensitivity === 'public') return true;
  // Unowned restricted data (imported before ownership existed) can be cleared up by an admin.
  if (dataset.ownerScope === null) return user.role === 'admin';
  return user.scopes.includes(dataset.ownerScope);
}

/** Why a grant may not be made, or null. s17 data cannot be passed on. */
export function grantProblem(user: Principal, dataset: DatasetFacts, granteeScope: string): string | null {
  if (dataset.sensitivity === 'public') return `${dataset.name} is public: every signed-in user can already use it`;
  if (dataset.basis === 's17') return `${dataset.name} was given to ${dataset.ownerScope} under s17 of the PCSC Act 2022 and cannot be granted onward`;
  if (!canManageDataset(user, dataset)) return `only ${dataset.ownerScope}'s analysts can grant ${dataset.name}`;
  if (granteeScope === dataset.ownerScope) return `${granteeScope} already owns ${dataset.name}`;
  return null;
}
