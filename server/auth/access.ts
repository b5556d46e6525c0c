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
  /** Restricted data: who holds it. Public data: whose analysts manage it (null: admins only). */
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

export interface AccessContext {
  /**
   * For each area a grant is limited to: whether every cell of the requested area lies inside
   * that area's cells (never true when the request names no area). Cells, not local authorities:
   * a grant for a small drawn partnership must not open the authority around it.
   */
  within: ReadonlyMap<string, boolean>;
  /** Names of partnerships and force areas, so a refusal says in plain words who can grant. */
  scopeNames?: ReadonlyMap<string, string>;
}

export type Decision =
  | { datasetId: number; name: string; allowed: true; via: 'public' | 'owner' | 'grant' }
  | { datasetId: number; name: string; allowed: false; reason: string };

export function isLive(grant: GrantFacts, now: Date): boolean {
  return grant.revokedAt === null && new Date(grant.expiresAt) > now;
}

/** "Gwent force area (partnership:3)", or the scope itself when its name is not known. */
export function describeScope(scope: string, names?: ReadonlyMap<string, string>): string {
  const name = names?.get(scope);
  return name ? `${name} (${scope})` : scope;
}

/**
 * The one access rule for data: public data is for every signed-in user; restricted data for
 * members of the owning partnership or PCC, and for holders of a live grant (inside the grant's
 * area, if it has one). s17 data (information given to a PCC) is for that PCC's users only:
 * grants on it are ignored even if one was somehow stored.
 */
export function decideDataset(
  user: Principal,
  dataset: DatasetFacts,
  grants: readonly GrantFacts[],
  context: AccessContext,
  now: Date,
): Decision {
  const base = { datasetId: dataset.id, name: dataset.name };
  if (dataset.sensitivity === 'public') return { ...base, allowed: true, via: 'public' };
  if (dataset.ownerScope && user.scopes.includes(dataset.ownerScope)) return { ...base, allowed: true, via: 'owner' };
  if (!dataset.ownerScope)
    return { ...base, allowed: false, reason: 'restricted data with no owner: an administrator must assign one' };
  const owner = describeScope(dataset.ownerScope, context.scopeNames);
  if (dataset.basis === 's17')
    return { ...base, allowed: false, reason: `s17 data held by ${owner}: usable by that PCC's staff only` };
  const mine = grants.filter(
    (g) => g.datasetId === dataset.id && user.scopes.includes(g.granteeScope) && isLive(g, now),
  );
  if (mine.some((g) => g.area === null || context.within.get(g.area) === true))
    return { ...base, allowed: true, via: 'grant' };
  if (mine.length > 0)
    return {
      ...base,
      allowed: false,
      reason: `granted only within ${mine.map((g) => g.area).join(' or ')}: choose an area inside it`,
    };
  const you = user.scopes.length
    ? user.scopes.map((s) => describeScope(s, context.scopeNames)).join(', ')
    : 'you (you belong to no partnership or PCC)';
  return {
    ...base,
    allowed: false,
    reason: `no live grant to ${you}: it is held by ${owner}, whose analysts can grant access on the Data sharing page`,
  };
}

/** Whether a dataset shows in the user's listings: usable for some area, or (admins) unowned and needing attention. */
export function visibleTo(user: Principal, dataset: DatasetFacts, grants: readonly GrantFacts[], now: Date): boolean {
  if (dataset.sensitivity === 'public') return true;
  if (dataset.ownerScope === null) return user.role === 'admin';
  if (user.scopes.includes(dataset.ownerScope)) return true;
  if (dataset.basis === 's17') return false;
  return grants.some((g) => g.datasetId === dataset.id && user.scopes.includes(g.granteeScope) && isLive(g, now));
}

/** What the management rule needs of a dataset or a place layer. */
export interface Holding {
  restricted: boolean;
  ownerScope: string | null;
}

/**
 * Who may replace, delete or grant a dataset or a place layer. Panel members never. Restricted
 * holdings: their owner's analysts and PCC staff (admins see restricted data only through their
 * own memberships), and admins for unowned ones (imported before ownership existed). Public
 * holdings: their uploader's partnership and admins; everyone else only reads them.
 */
export function canManage(user: Principal, holding: Holding): boolean {
  if (user.role === 'panel') return false;
  if (holding.ownerScope !== null && user.scopes.includes(holding.ownerScope)) return true;
  if (!holding.restricted) return user.role === 'admin';
  return holding.ownerScope === null && user.role === 'admin';
}

export function canManageDataset(user: Principal, dataset: DatasetFacts): boolean {
  return canManage(user, { restricted: dataset.sensitivity === 'restricted', ownerScope: dataset.ownerScope });
}

/** Why a grant may not be made, or null. s17 data cannot be passed on. */
export function grantProblem(user: Principal, dataset: DatasetFacts, granteeScope: string): string | null {
  if (dataset.sensitivity === 'public') return `${dataset.name} is public: every signed-in user can already use it`;
  if (dataset.basis === 's17')
    return `${dataset.name} was given to ${dataset.ownerScope} under s17 of the PCSC Act 2022 and cannot be granted onward`;
  if (!canManageDataset(user, dataset)) return `only ${dataset.ownerScope}'s analysts can grant ${dataset.name}`;
  if (granteeScope === dataset.ownerScope) return `${granteeScope} already owns ${dataset.name}`;
  return null;
}

/** Why a place layer may not be granted, or null. Layers are granted whole (no area). */
export function layerGrantProblem(
  user: Principal,
  layer: Holding & { name: string; bundled: boolean },
  granteeScope: string,
  area: string | undefined,
): string | null {
  if (!layer.restricted) return `the layer "${layer.name}" is not restricted: every signed-in user can already see it`;
  if (!canManage(user, layer))
    return `only ${layer.ownerScope ?? 'the layer owner'}'s analysts can grant the layer "${layer.name}"`;
  if (granteeScope === layer.ownerScope) return `${granteeScope} already holds the layer "${layer.name}"`;
  if (area !== undefined)
    return 'a place layer is granted whole: leave out the area (upload a layer of just the places to share instead)';
  return null;
}

/** Whether the user is a member of the partnership (admins included only if they are members: its work is its members'). */
export function isMember(user: Principal, partnershipId: number): boolean {
  return user.scopes.includes(`partnership:${partnershipId}`);
}
