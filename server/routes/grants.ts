import { Hono } from 'hono';
import { z } from 'zod';
import { canManageDataset, grantProblem } from '../auth/access.js';
import { audit } from '../auth/audit.js';
import { allow, DATA_EDITORS } from '../auth/policy.js';
import { getDataset, listDatasets } from '../db/datasets.js';
import { getGrant, insertGrant, listGrants } from '../db/grants.js';
import { revokeGrant } from '../db/grants.js';
import { layerOwner } from '../db/places.js';
import { areaParam } from './area-param.js';
import type { AppEnv } from './env.js';
import { scopeParam, unknownScopes } from './scope-param.js';
import { validate } from './validate.js';

const newGrant = z
  .object({
    datasetId: z.number().int().positive().optional(),
    placeLayer: z.string().trim().min(1).max(200).optional(),
    granteeScope: scopeParam,
    purpose: z.string().trim().min(10, 'state the purpose (at least 10 characters)').max(1000),
    area: z.string().optional(),
    expiresAt: z.string().date('expected YYYY-MM-DD'),
  })
  .strict()
  .refine((g) => (g.datasetId === undefined) !== (g.placeLayer === undefined), 'give exactly one of datasetId and placeLayer');

export const grantRoutes = new Hono<AppEnv>()
  .get('/grants', allow.signedIn(), async (c) => {
    const db = c.get('db');
    const me = c.get('user')!;
    const [grants, datasets] = await Promise.all([listGrants(db), listDatasets(db)]);
    const managed = new Set(datasets.filter((d) => canManageDataset(me, d)).map((d) => d.id));
    // Grants you made or manage, and grants to you; admins see all.
    const mine = grants.filter((g) => me.role === 'admin' || me.scopes.includes(g.granteeScope) || (g.datasetId !== null && managed.has(g.datasetId)) || g.grantedBy === me.id);
    return c.json({ grants: mine });
  })
  .post('/grants', allow.roles(DATA_EDITORS), validate('json', newGrant), async (c) => {
    const db = c.get('db');
    const me = c.get('user')!;
    const body = c.req.valid('json');
    const now = c.get('auth').now();
    const expiresAt = new Date(`${body.expiresAt}T23:59:59Z`);
    if (expiresAt <= now) return c.json({ error: 'a grant must expire in the future' }, 400);
    if (body.area !== undefined && !areaParam.safeParse(body.area).success) return c.json({ error: 'area: expected lad:CODE, pfa:CODE or partnership:ID' }, 400);
    const unknown = await unknownScopes(db, [body.granteeScope]);
    if (unknown.length) return c.json({ error: `unknown partnership or force area: ${unknown[0]}` }, 400);
    let target: string;
    let datasets: { id: number; name: string }[] = [];
    if (body.datasetId !== undefined) {
      const dataset = await getDataset(db, body.datasetId);
      if (!dataset) return c.json({ error: `no dataset ${body.datasetId}` }, 404);
      const problem = grantProblem(me, dataset, body.granteeScope);
      if (problem) {
        await audit(c, { action: 'grant.create', outcome: 'refused', target: `dataset:${dataset.id}`, datasets: [{ id: dataset.id, name: dataset.name }], summary: { reason: problem, grantee: body.granteeScope } });
        return c.json({ error: problem }, 403);
      }
      target = `dataset:${dataset.id}`;
      datasets = [{ id: dataset.id, name: dataset.name }];
    } else {
      const owner = await layerOwner(db, body.placeLayer!);
      if (owner === undefined) return c.json({ error: `no restricted place layer "${body.placeLayer}"` }, 404);
      if (owner === null || !me.scopes.includes(owner)) return c.json({ error: `only ${owner ?? 'the layer owner'} can grant the layer "${body.placeLayer}"` }, 403);
      target = `layer:${body.placeLayer}`;
    }
    const id = await insertGrant(db, { datasetId: body.datasetId ?? null, placeLayer: body.placeLayer ?? null, granteeScope: body.granteeScope, purpose: body.purpose, area: body.area ?? null, expiresAt, grantedBy: me.id });
    await audit(c, { action: 'grant.create', target, datasets, summary: { grant: id, grantee: body.granteeScope, purpose: body.purpose, area: body.area ?? null, expiresAt: expiresAt.toISOString() } });
    return c.json({ grant: (await getGrant(db, id))! }, 201);
  })
  .delete('/grants/:id', allow.roles(DATA_EDITORS), validate('param', z.object({ id: z.coerce.number().int().positive() })), async (c) => {
    const db = c.get('db');
    const me = c.get('user')!;
    const grant = await getGrant(db, c.req.valid('param').id);
    if (!grant) return c.json({ error: `no grant ${c.req.valid('param').id}` }, 404);
    const dataset = grant.datasetId === null ? undefined : await getDataset(db, grant.datasetId);
    const mayRevoke = me.role === 'admin' || grant.grantedBy === me.id || (dataset ? canManageDataset(me, dataset) : (await layerOwner(db, grant.placeLayer!)) && me.scopes.includes((await layerOwner(db, grant.placeLayer!))!));
    if (!mayRevoke) return c.json({ error: 'only the data owner or an admin can revoke this grant' }, 403);
    await revokeGrant(db, grant.id, c.get('auth').now());
    await audit(c, { action: 'grant.revoke', target: dataset ? `dataset:${dataset.id}` : `layer:${grant.placeLayer}`, datasets: dataset ? [{ id: dataset.id, name: dataset.name }] : [], summary: { grant: grant.id, grantee: grant.granteeScope } });
    return c.json({ revoked: grant.id });
  });
