import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { policyOf } from '../../server/auth/policy.js';
import { insertGrant } from '../../server/db/grants.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { ROLES, type Role } from '../../server/db/users.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { as, createTestUser, type TestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

const HEADER = 'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';
const tmp = mkdtempSync(join(tmpdir(), 'hotspot-matrix-'));

/** Ten incidents in one Newport cell: over the threshold, so an allowed user sees the count 10. */
function extract(name: string): string {
  const path = join(tmp, `${name}.csv`);
  const rows = Array.from({ length: 10 }, (_, i) => `${name}-${i},2024-01-1${i % 9},12:00,51.5880,-2.9970,Common assault,N,N,N,Gwent Police`);
  writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
  return path;
}

interface RouteEntry {
  method: string;
  path: string;
  policy: NonNullable<ReturnType<typeof policyOf>>;
}

/** Every API route with its declared policy, read from the app's own route table. */
function routeTable(app: ReturnType<typeof createApp>): { routes: RouteEntry[]; missing: string[] } {
  const byRoute = new Map<string, { method: string; path: string; policies: ReturnType<typeof policyOf>[] }>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const key = `${r.method} ${r.path}`;
    const entry = byRoute.get(key) ?? { method: r.method, path: r.path, policies: [] };
    entry.policies.push(policyOf(r.handler));
    byRoute.set(key, entry);
  }
  const routes: RouteEntry[] = [];
  const missing: string[] = [];
  for (const [key, e] of byRoute) {
    const policy = e.policies.find(Boolean);
    if (policy) routes.push({ method: e.method, path: e.path, policy });
    else missing.push(key);
  }
  return { routes, missing };
}

/** A request for a route that reaches its handler without touching real objects (ids that do not exist). */
function probe(route: RouteEntry): [string, RequestInit] {
  const path = route.path.replace(':level', 'lad').replace(/:[a-z]+/g, '999999');
  if (route.method === 'GET' || route.method === 'DELETE') return [path, { method: route.method }];
  return [path, { method: route.method, headers: { 'content-type': 'application/json' }, body: '{}' }];
}

/** How to use a dataset on each route that declares `datasets: true`; a new such route must be added here. */
const DATASET_USES: Record<string, (id: number) => [string, RequestInit?]> = {
  'GET /api/cells': (id) => [`/api/cells?datasets=${id}&res=9&from=2024-01&to=2024-01`],
  'GET /api/datasets/:id': (id) => [`/api/datasets/${id}`],
  'GET /api/compare': (id) => [`/api/compare?datasets=${id}&from=2024-01&to=2024-01&areas=lad:W06000022,lad:W06000020`],
  'GET /api/cross-border': (id) => [`/api/cross-border?datasets=${id}&res=8&from=2024-01&to=2024-01&areas=lad:W06000022,lad:W06000020`],
  'GET /api/triangulation': (id) => [`/api/triangulation?police=${id}&ed=${id}&res=8&from=2024-01&to=2024-01&area=lad:W06000022`],
  'GET /api/triangulation/export/:format': (id) => [`/api/triangulation/export/cells.csv?police=${id}&ed=${id}&res=8&from=2024-01&to=2024-01&area=lad:W06000022`],
  'GET /api/sna/report': (id) => [`/api/sna/report?datasets=${id}&from=2024-01&to=2024-01&area=lad:W06000022`],
  'GET /api/change': (id) => [`/api/change?datasets=${id}&res=8&period=month&asOf=2024-02-29&area=lad:W06000022`],
  'GET /api/space-time': (id) => [`/api/space-time?datasets=${id}&res=8&period=month&asOf=2024-04-30&periods=4&area=lad:W06000022`],
  'GET /api/areas/:area/trend': (id) => [`/api/areas/lad:W06000022/trend?datasets=${id}&period=month&asOf=2024-03-31&periods=3`],
  'GET /api/hotspots': (id) => [`/api/hotspots?datasets=${id}&res=8&from=2024-01&to=2024-01&area=lad:W06000022`],
  'GET /api/density': (id) => [`/api/density?datasets=${id}&res=8&from=2024-01&to=2024-01&area=lad:W06000022`],
  'GET /api/areas/:area/summary': (id) => [`/api/areas/lad:W06000022/summary?datasets=${id}&res=8&from=2024-01&to=2024-01`],
  'GET /api/proximity': (id) => [`/api/proximity?datasets=${id}&from=2024-01&to=2024-01&area=lad:W06000022&type=school`],
  'GET /api/time-profile': (id) => [`/api/time-profile?datasets=${id}&from=2024-01&to=2024-01`],
};

/** Routes asked about an area inside Gwent, where the PCC's Gwent-only grant applies. */
const IN_GWENT = new Set(['GET /api/compare', 'GET /api/cross-border', 'GET /api/triangulation', 'GET /api/triangulation/export/:format', 'GET /api/sna/report', 'GET /api/change', 'GET /api/space-time', 'GET /api/areas/:area/trend', 'GET /api/hotspots', 'GET /api/density', 'GET /api/areas/:area/summary', 'GET /api/proximity']);

describe('route table', () => {
  it('gives every API route a policy', async () => {
    const { db } = await (await import('../../server/db/index.js')).openDatabase({});
    const { routes, missing } = routeTable(createApp(db));
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes.filter((x) => x.policy.kind !== 'open')) expect(r.policy.kind, `${r.method} ${r.path}`).toMatch(/signed-in|roles/);
    expect(routes.filter((r) => r.policy.kind === 'open').map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /api/health', 'POST /api/auth/link', 'POST /api/auth/signin']);
    const datasetRoutes = routes.filter((r) => r.policy.kind !== 'open' && r.policy.datasets).map((r) => `${r.method} ${r.path}`);
    // GET /api/datasets (the listing) is checked per user below; changes (POST, DELETE) by the grant and delete tests.
    for (const key of datasetRoutes.filter((k) => k.startsWith('GET') && k !== 'GET /api/datasets')) expect(DATASET_USES, `no dataset matrix entry for ${key}`).toHaveProperty([key]);
    await db.close();
  });
});

describe.each(backends)('access matrix on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const users = {} as Record<'admin' | 'analystA' | 'panelA' | 'analystB' | 'pccGwent' | 'outsider', TestUser>;
  const ids = {} as Record<'pub' | 'ownedA' | 'grantedToA' | 'lapsed' | 's17' | 'gwentOnly', number>;
  const byRole = {} as Record<Role, TestUser>;

  beforeAll(async () => {
    t = await backend.open();
    await loadGeodataOnce(t.db);
    const a = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    const b = `partnership:${await findPartnershipByName(t.db, 'South Wales force area')}`;
    const gwentPcc = 'pcc:W15000002';
    users.admin = await createTestUser(t.db, { role: 'admin' });
    users.analystA = await createTestUser(t.db, { role: 'analyst', scopes: [a] });
    users.panelA = await createTestUser(t.db, { role: 'panel', scopes: [a] });
    users.analystB = await createTestUser(t.db, { role: 'analyst', scopes: [b] });
    users.pccGwent = await createTestUser(t.db, { role: 'pcc', scopes: [gwentPcc] });
    users.outsider = await createTestUser(t.db, { role: 'analyst' });
    Object.assign(byRole, { admin: users.admin, analyst: users.analystA, panel: users.panelA, pcc: users.pccGwent });

    const mapping = resolveMapping('local-police');
    const restricted = async (name: string, basis: 's16' | 's17' | 'dsa', ownerScope: string) =>
      (await importPaths(t.db, [extract(name)], { kind: 'incidents', name, mapping, sensitivity: 'restricted', threshold: 5, basis, ownerScope })).datasetId;
    ids.pub = (await importPaths(t.db, [policeUkFile('gwent', '2024-01')], { kind: 'police-uk', name: 'Gwent police.uk' })).datasetId;
    ids.ownedA = await restricted('owned-by-A', 's16', a);
    ids.grantedToA = await restricted('B-granted-to-A', 's16', b);
    ids.lapsed = await restricted('B-lapsed-grants', 'dsa', b);
    ids.s17 = await restricted('s17-to-Gwent-PCC', 's17', gwentPcc);
    ids.gwentOnly = await restricted('B-to-PCC-in-Gwent-only', 'dsa', b);
    const grant = (datasetId: number, granteeScope: string, o: { area?: string; expiresAt?: Date } = {}) =>
      insertGrant(t.db, { datasetId, placeLayer: null, granteeScope, purpose: 'Serious Violence Duty analysis', area: o.area ?? null, expiresAt: o.expiresAt ?? new Date('2099-01-01'), grantedBy: null });
    await grant(ids.grantedToA, a);
    await grant(ids.lapsed, a, { expiresAt: new Date('2020-01-01') });
    const revoked = await grant(ids.lapsed, a);
    await t.db.query('update grants set revoked_at = now() where id = $1', [revoked]);
    await grant(ids.gwentOnly, gwentPcc, { area: 'pfa:W15000002' });
    // Even a grant stored directly (bypassing the route's refusal) must not open s17 data.
    await grant(ids.s17, a);
    app = createApp(t.db);
  });
  afterAll(async () => t?.dispose());

  it('answers 401 to every non-open route without a sign-in, and refuses roles a route does not allow with 403', async () => {
    const { routes } = routeTable(app);
    for (const route of routes) {
      const [path, init] = probe(route);
      const anonymous = await as(app, null).request(path, init);
      if (route.policy.kind === 'open') expect(anonymous.status, `${route.method} ${route.path}`).not.toBe(401);
      else expect(anonymous.status, `${route.method} ${route.path} anonymous`).toBe(401);
      for (const role of ROLES) {
        const res = await as(app, byRole[role]).request(path, init);
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        const refusedByRole = res.status === 403 && /your role/.test(body.error ?? '');
        const allowed = route.policy.kind !== 'roles' || route.policy.roles.includes(role);
        expect(res.status, `${route.method} ${route.path} as ${role}`).not.toBe(401);
        expect(refusedByRole, `${route.method} ${route.path} as ${role}: ${res.status} ${body.error}`).toBe(!allowed);
      }
    }
  });

  // Who may use which dataset, written out by hand from the rules (not computed by the policy).
  const EXPECTED: Record<keyof typeof users, (keyof typeof ids)[]> = {
    admin: ['pub'],
    analystA: ['pub', 'ownedA', 'grantedToA'],
    panelA: ['pub', 'ownedA', 'grantedToA'],
    analystB: ['pub', 'grantedToA', 'lapsed', 'gwentOnly'],
    pccGwent: ['pub', 's17'],
    outsider: ['pub'],
  };

  it('lets each user use exactly the datasets the rules allow, on every dataset route, and never shows a refused count', async () => {
    for (const [who, usable] of Object.entries(EXPECTED) as [keyof typeof users, (keyof typeof ids)[]][]) {
      // Listed (and described) = usable for some area: the PCC's Gwent-only grant counts.
      const listable = who === 'pccGwent' ? [...usable, 'gwentOnly' as const] : usable;
      for (const [key, use] of Object.entries(DATASET_USES)) {
        const allowed = key === 'GET /api/datasets/:id' || (IN_GWENT.has(key) && who === 'pccGwent') ? listable : usable;
        for (const [name, id] of Object.entries(ids) as [keyof typeof ids, number][]) {
          const [path, init] = use(id);
          const res = await as(app, users[who]).request(path, init);
          const body = (await res.json()) as { error?: string; refused?: { id: number; name: string }[]; cells?: { count: number | null }[] };
          if (allowed.includes(name)) {
            // Access granted: 200, or a 400 that comes after the access check (police.uk has no
            // times; triangulation is asked with the one dataset as both sources).
            const afterAccess = res.status === 400 && /precision|both police and ED/.test(body.error ?? '');
            expect(res.status === 200 || afterAccess, `${who} ${key} ${name}: ${res.status} ${body.error}`).toBe(true);
          } else {
            expect(res.status, `${who} ${key} ${name}`).toBe(403);
            expect(body.cells).toBeUndefined();
            expect(body.refused?.map((r) => r.id)).toEqual([id]);
            expect(body.error).toContain(`dataset ${id}`);
          }
        }
      }
      const listed = ((await (await as(app, users[who]).request('/api/datasets')).json()) as { datasets: { id: number }[] }).datasets.map((d) => d.id).sort();
      expect(listed, who).toEqual(listable.map((n) => ids[n]).sort((x, y) => x - y));
    }
  });

  it('refuses a mixed selection naming only the datasets the user may not use', async () => {
    const res = await as(app, users.analystA).request(`/api/cells?datasets=${ids.pub},${ids.ownedA},${ids.s17},${ids.lapsed}&res=9&from=2024-01&to=2024-01`);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { refused: { id: number; reason: string }[] };
    expect(body.refused.map((r) => r.id).sort()).toEqual([ids.lapsed, ids.s17].sort());
    expect(body.refused.find((r) => r.id === ids.s17)!.reason).toMatch(/s17/);
  });

  it('limits an area-bound grant to selections inside its area', async () => {
    const cells = (area: string) => as(app, users.pccGwent).request(`/api/cells?datasets=${ids.gwentOnly}&res=9&from=2024-01&to=2024-01&area=${area}`);
    expect((await cells('pfa:W15000002')).status).toBe(200);
    expect((await cells('lad:W06000022')).status).toBe(200); // Newport, inside Gwent
    const outside = await cells('pfa:W15000003');
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { error: string }).error).toMatch(/granted only within pfa:W15000002/);
    const inGwent = (await (await cells('lad:W06000022')).json()) as { cells: { count: number }[] };
    // Ten incidents in one cell, released within the perturbation's ±2.
    expect(inGwent.cells).toHaveLength(1);
    expect(Math.abs(inGwent.cells[0]!.count - 10)).toBeLessThanOrEqual(2);
  });

  it('refuses onward grants of s17 data, grants by non-owners, and lets owners grant and revoke', async () => {
    const post = (who: TestUser, body: unknown) => as(app, who).request('/api/grants', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const b = users.analystB;
    const base = { purpose: 'Joint problem profile for the Duty', expiresAt: '2099-12-31' };
    const s17 = await post(users.pccGwent, { ...base, datasetId: ids.s17, granteeScope: 'pcc:W15000003' });
    expect(s17.status).toBe(403);
    expect(((await s17.json()) as { error: string }).error).toMatch(/s17.*cannot be granted onward/);
    expect((await post(users.analystA, { ...base, datasetId: ids.lapsed, granteeScope: 'pcc:W15000003' })).status).toBe(403);
    expect((await post(users.panelA, { ...base, datasetId: ids.ownedA, granteeScope: 'pcc:W15000003' })).status).toBe(403);
    const before = await as(app, users.outsider).request(`/api/cells?datasets=${ids.lapsed}&res=9&from=2024-01&to=2024-01`);
    expect(before.status).toBe(403);
    const made = await post(b, { ...base, datasetId: ids.lapsed, granteeScope: 'pcc:W15000002' });
    expect(made.status).toBe(201);
    const { grant } = (await made.json()) as { grant: { id: number } };
    const pccUse = () => as(app, users.pccGwent).request(`/api/cells?datasets=${ids.lapsed}&res=9&from=2024-01&to=2024-01`);
    expect((await pccUse()).status).toBe(200);
    expect((await as(app, users.analystA).request(`/api/grants/${grant.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await as(app, b).request(`/api/grants/${grant.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await pccUse()).status).toBe(403);
  });
});
