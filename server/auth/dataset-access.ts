import type { Context } from 'hono';
import { areaWithin } from '../db/areas.js';
import { getDatasetsByIds, type Dataset } from '../db/datasets.js';
import { grantsForDatasets, type Grant } from '../db/grants.js';
import { scopeNames } from '../db/scopes.js';
import type { Queryable } from '../db/types.js';
import { areaParam } from '../domain/area.js';
import type { AppEnv } from '../http/env.js';
import { decideDataset, type AccessContext, type Decision, type Principal } from './access.js';
import { audit } from './audit.js';

export interface Refusal {
  status: 403 | 404;
  body: { error: string; refused: { id: number; name: string; reason: string }[] };
}

export type AccessResult = { ok: true; datasets: Dataset[]; decisions: Decision[] } | { ok: false; refusal: Refusal };

/** Whether the requested area lies inside each area the grants are limited to (by their cells). */
async function accessContext(
  db: Queryable,
  grants: readonly Grant[],
  area: string | null,
  scopes: readonly string[],
): Promise<AccessContext> {
  const requested = area === null ? null : areaParam.safeParse(area);
  const limits = [...new Set(grants.map((g) => g.area).filter((a): a is string => a !== null))];
  const within = new Map(
    await Promise.all(
      limits.map(async (limit) => {
        const outer = areaParam.safeParse(limit);
        const inside =
          requested?.success === true && outer.success && (await areaWithin(db, requested.data, outer.data));
        return [limit, inside] as const;
      }),
    ),
  );
  return { within, scopeNames: await scopeNames(db, scopes) };
}

/**
 * Decides a set of datasets for a user and an area, with no request around it: the panel
 * routes ask it for a partnership (every member's access) as well as for the caller.
 */
export async function decideDatasets(
  db: Queryable,
  user: Principal,
  datasets: readonly Dataset[],
  area: string | null,
  now: Date,
): Promise<Decision[]> {
  const restricted = datasets.filter((d) => d.sensitivity === 'restricted');
  const grants = restricted.length
    ? await grantsForDatasets(
        db,
        restricted.map((d) => d.id),
      )
    : [];
  const scopes = [...user.scopes, ...restricted.map((d) => d.ownerScope).filter((s): s is string => s !== null)];
  const context = restricted.length ? await accessContext(db, grants, area, scopes) : { within: new Map() };
  return datasets.map((d) => decideDataset(user, d, grants, context, now));
}

/**
 * The one question every analysis route asks: may this user use these datasets for this area?
 * Unknown ids are 404; datasets the user may not use are 403 naming each with its reason (never
 * silently dropped), and the refusal is audited.
 */
export async function datasetAccess(
  c: Context<AppEnv>,
  ids: readonly number[],
  area: string | null,
  selection: unknown,
): Promise<AccessResult> {
  const db = c.get('db');
  const datasets = await getDatasetsByIds(db, ids);
  const missing = ids.filter((id) => !datasets.some((d) => d.id === id));
  if (missing.length > 0)
    return {
      ok: false,
      refusal: {
        status: 404,
        body: { error: `unknown dataset id${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, refused: [] },
      },
    };
  const decisions = await decideDatasets(db, c.get('user')!, datasets, area, c.get('auth').now());
  const refused = decisions.filter((d): d is Extract<Decision, { allowed: false }> => !d.allowed);
  if (refused.length > 0) {
    await audit(c, {
      action: 'access',
      outcome: 'refused',
      target: `${c.req.method} ${c.req.path}`,
      datasets: refused.map((d) => ({ id: d.datasetId, name: d.name })),
      selection,
      summary: { reasons: refused.map((d) => d.reason) },
    });
    return {
      ok: false,
      refusal: {
        status: 403,
        body: {
          error: `you may not use ${refused.map((d) => `"${d.name}" (dataset ${d.datasetId}): ${d.reason}`).join('; ')}`,
          refused: refused.map((d) => ({ id: d.datasetId, name: d.name, reason: d.reason })),
        },
      },
    };
  }
  return { ok: true, datasets, decisions };
}
