import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  canManage,
  canManageDataset,
  grantProblem,
  layerGrantProblem,
  visibleTo,
  type Principal,
} from '../auth/access.js';
import { audit } from '../auth/audit.js';
import { allow, DATA_EDITORS } from '../auth/policy.js';
import { areaExists } from '../db/areas.js';
import { getDataset, listDatasets, type Dataset } from '../db/datasets.js';
import { getGrant, grantsForDatasets, insertGrant, listGrants, revokeGrant, type Grant } from '../db/grants.js';
import { partnershipExists } from '../db/partnerships.js';
import { getPlaceLayer, getVisiblePlaceLayer, listPlaceLayers } from '../db/places.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import type { Queryable } from '../db/types.js';
import type { AppEnv } from '../http/env.js';
import { scopeParam, unknownScopes } from '../http/scope-param.js';
import { validate } from '../http/validate.js';

const grantArea = z
  .string()
  .regex(/^((lad|pfa):[EW]\d{8}|partnership:\d+)$/, 'expected lad:CODE, pfa:CODE or partnership:ID');

const newGrant = z
  .object({
    datasetId: z.number().int().positive().optional(),
    /** A restricted place layer, by id (layer names are unique per owner only). */
    placeLayerId: z.number().int().positive().optional(),
    granteeScope: scopeParam,
    purpose: z.string().trim().min(10, 'state the purpose (at least 10 characters)').max(1000),
    area: grantArea.optional(),
    expiresAt: z.string().date('expected YYYY-MM-DD'),
  })
  .strict()
  .refine(
    (g) => (g.datasetId === undefined) !== (g.placeLayerId === undefined),
    'give exactly one of datasetId and placeLayerId',
  );

async function areaKnown(db: Queryable, area: string): Promise<boolean> {
  const [kind, id] = area.split(':') as ['lad' | 'pfa' | 'partnership', string];
  return kind === 'partnership' ? partnershipExists(db, Number(id)) : areaExists(db, kind, id);
}

async function datasetVisible(db: Queryable, me: Principal, dataset: Dataset, now: Date): Promise<boolean> {
  return visibleTo(
    me,
    dataset,
    dataset.sensitivity === 'restricted' ? await grantsForDatasets(db, [dataset.id], now) : [],
    now,
  );
}

/** Whether the user may revoke a grant: who made it, the holder's managers, or an admin. */
async function mayRevoke(db: Queryable, me: Principal, grant: Grant): Promise<boolean> {
  if (me.role === 'admin' || grant.grantedBy === me.id) return true;
  if (grant.datasetId !== null) {
    const dataset = await getDataset(db, grant.datasetId);
    return !!dataset && canManageDataset(me, dataset);
  }
  const layer = grant.placeLayerId === null ? undefined : await getPlaceLayer(db, grant.placeLayerId);
  return !!layer && canManage(me, layer);
}

type NewGrant = z.infer<typeof newGrant>;
type Target =
  | { ok: true; target: string; datasets: { id: number; name: string }[] }
  | { ok: false; status: 400 | 403 | 404; error: string };

/**
 * What a new grant is of (a dataset or a place layer), if the caller may grant it to the
 * grantee; a refusal by the access rules is audited. A restricted dataset or layer the caller
 * cannot see is not named to them, even to refuse.
 */
async function grantTarget(c: Context<AppEnv>, body: NewGrant): Promise<Target> {
  const db = c.var.db;
  const me = c.var.user!;
  if (body.datasetId !== undefined) {
    const dataset = await getDataset(db, body.datasetId);
    if (!dataset || !(await datasetVisible(db, me, dataset, c.var.auth.now())))
      return { ok: false, status: 404, error: `no dataset ${body.datasetId}` };
    const target = `dataset:${dataset.id}`;
    const datasets = [{ id: dataset.id, name: dataset.name }];
    const problem = grantProblem(me, dataset, body.granteeScope);
    if (!problem) return { ok: true, target, datasets };
    const summary = { reason: problem, grantee: body.granteeScope };
    await audit(c, { action: 'grant.create', outcome: 'refused', target, datasets, summary });
    return { ok: false, status: 403, error: problem };
  }
  const layer = await getVisiblePlaceLayer(db, body.placeLayerId!, await restrictedPlaceAccess(c));
  if (!layer || layer.bundled) return { ok: false, status: 404, error: `no place layer ${body.placeLayerId}` };
  const target = `layer:${layer.id}`;
  const problem = layerGrantProblem(me, layer, body.granteeScope, body.area);
  if (!problem) return { ok: true, target, datasets: [] };
  const summary = { reason: problem, grantee: body.granteeScope, layer: layer.name };
  await audit(c, { action: 'grant.create', outcome: 'refused', target, summary });
  return { ok: false, status: problem.includes('granted whole') ? 400 : 403, error: problem };
}

export const grantRoutes = new Hono<AppEnv>()
  .get('/grants', allow.signedIn(), async (c) => {
    const db = c.get('db');
    const me = c.get('user')!;
    const [grants, datasets, layers] = await Promise.all([
      listGrants(db),
      listDatasets(db),
      listPlaceLayers(db, { scopes: me.scopes, layerIds: [] }),
    ]);
    const managedDatasets = new Set(datasets.filter((d) => canManageDataset(me, d)).map((d) => d.id));
    const managedLayers = new Set(layers.filter((l) => canManage(me, l)).map((l) => l.id));
    const managed = (g: Grant) =>
      g.datasetId !== null
        ? managedDatasets.has(g.datasetId)
        : g.placeLayerId !== null && managedLayers.has(g.placeLayerId);
    // Grants you made or manage, and grants to you; admins see all.
    const mine = grants.filter(
      (g) => me.role === 'admin' || me.scopes.includes(g.granteeScope) || managed(g) || g.grantedBy === me.id,
    );
    return c.json({ grants: mine });
  })
  .post('/grants', allow.roles(DATA_EDITORS), validate('json', newGrant), async (c) => {
    const db = c.get('db');
    const me = c.get('user')!;
    const body = c.req.valid('json');
    const now = c.get('auth').now();
    const expiresAt = new Date(`${body.expiresAt}T23:59:59Z`);
    if (expiresAt <= now) return c.json({ error: 'a grant must expire in the future' }, 400);
    if (body.area !== undefined && !(await areaKnown(db, body.area)))
      return c.json({ error: `area: no such area ${body.area}` }, 400);
    const unknown = await unknownScopes(db, [body.granteeScope]);
    if (unknown.length) return c.json({ error: `unknown partnership or force area: ${unknown[0]}` }, 400);
    const checked = await grantTarget(c, body);
    if (!checked.ok) return c.json({ error: checked.error }, checked.status);
    const { target, datasets } = checked;
    const id = await insertGrant(db, {
      datasetId: body.datasetId ?? null,
      placeLayerId: body.placeLayerId ?? null,
      granteeScope: body.granteeScope,
      purpose: body.purpose,
      area: body.area ?? null,
      expiresAt,
      grantedBy: me.id,
    });
    await audit(c, {
      action: 'grant.create',
      target,
      datasets,
      summary: {
        grant: id,
        grantee: body.granteeScope,
        purpose: body.purpose,
        area: body.area ?? null,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return c.json({ grant: (await getGrant(db, id))! }, 201);
  })
  .delete(
    '/grants/:id',
    allow.roles(DATA_EDITORS),
    validate('param', z.object({ id: z.coerce.number().int().positive() })),
    async (c) => {
      const db = c.get('db');
      const grant = await getGrant(db, c.req.valid('param').id);
      if (!grant) return c.json({ error: `no grant ${c.req.valid('param').id}` }, 404);
      if (!(await mayRevoke(db, c.get('user')!, grant)))
        return c.json({ error: 'only the data owner or an admin can revoke this grant' }, 403);
      await revokeGrant(db, grant.id, c.get('auth').now());
      const dataset = grant.datasetId === null ? undefined : await getDataset(db, grant.datasetId);
      const target = grant.datasetId !== null ? `dataset:${grant.datasetId}` : `layer:${grant.placeLayerId}`;
      await audit(c, {
        action: 'grant.revoke',
        target,
        datasets: dataset ? [{ id: dataset.id, name: dataset.name }] : [],
        summary: { grant: grant.id, grantee: grant.granteeScope },
      });
      return c.json({ revoked: grant.id });
    },
  );
