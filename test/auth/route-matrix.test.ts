/**
 * The access matrix, generated from the OpenAPI description: every operation it lists must have a
 * row in ROUTES (a new route cannot be added without one), its declared policy is checked for
 * every role, and every route that uses datasets is played through roles x grant shapes (none,
 * whole, limited to a local authority, limited to a drawn partnership, expired, revoked) x owner
 * and non-owner, with place layers likewise. The expectations are written out from the rules in
 * docs/SECURITY.md, not computed by the policy under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { insertGrant } from '../../server/db/grants.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { ROLES, type Role } from '../../server/db/users.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { as, createTestUser, type TestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { NEWPORT_SQUARE, tinyExtract } from '../helpers/extract.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

type App = ReturnType<typeof createApp>;
interface Policy {
  kind: 'open' | 'signed-in' | 'roles' | 'missing';
  roles: Role[] | null;
  datasets: boolean;
}
interface Operation {
  'x-policy': Policy;
}

/** Where a dataset route is asked about: inside Newport (a local authority), the drawn partnership inside it, the Gwent force area, or no area. */
type AreaName = 'lad' | 'polygon' | 'force' | 'none';
type DatasetUse = (id: number, area: string) => string;

interface RouteRow {
  /** How a dataset route uses a dataset in an area; absent for routes that use none. */
  use?: DatasetUse;
  /** Areas the route needs besides the one asked about (two-area routes add Torfaen: its access is checked too). */
  alsoTorfaen?: true;
  /** The route works without an area. */
  areaOptional?: true;
}

const TORFAEN = 'lad:W06000020';
const q = (id: number, area: string) => `datasets=${id}&from=2024-01&to=2024-01${area ? `&area=${area}` : ''}`;

/** One row per operation of the OpenAPI description. */
const ROUTES: Record<string, RouteRow> = {
  'GET /api/health': {},
  'POST /api/auth/signin': {},
  'POST /api/auth/link': {},
  'GET /api/auth/me': {},
  'POST /api/auth/signout': {},
  'POST /api/auth/password': {},
  'GET /api/tokens': {},
  'POST /api/tokens': {},
  'DELETE /api/tokens/{id}': {},
  'GET /api/users': {},
  'POST /api/users': {},
  'PATCH /api/users/{id}': {},
  'POST /api/users/{id}/link': {},
  'GET /api/grants': {},
  'POST /api/grants': {},
  'DELETE /api/grants/{id}': {},
  'GET /api/audit': {},
  'GET /api/audit/export.csv': {},
  'GET /api/audit/budgets': {},
  'GET /api/groups': {},
  'GET /api/vocabulary': {},
  // Listing, detail, upload and delete of datasets are played by their own tests below.
  'GET /api/datasets': {},
  'GET /api/datasets/defaults': {},
  'GET /api/datasets/mapping-presets': {},
  // An upload's own progress, keyed by its uploader: counts no one else can follow.
  'GET /api/datasets/upload-progress/{token}': {},
  'GET /api/datasets/{id}': {},
  'DELETE /api/datasets/{id}': {},
  'POST /api/datasets': {},
  'GET /api/cells': { use: (id, a) => `/api/cells?${q(id, a)}&res=9`, areaOptional: true },
  'GET /api/hotspots': { use: (id, a) => `/api/hotspots?${q(id, a)}&res=8` },
  'GET /api/density': { use: (id, a) => `/api/density?${q(id, a)}&res=8` },
  'GET /api/time-profile': { use: (id, a) => `/api/time-profile?${q(id, a)}`, areaOptional: true },
  // A resolution-9 cell of central Newport (NEWPORT_POINT), asked about with the area it lies in.
  'GET /api/cells/{h3}/detail': { use: (id, a) => `/api/cells/8919587a517ffff/detail?${q(id, a)}&res=9` },
  'GET /api/boundaries/{level}': {},
  'GET /api/areas': {},
  // Base map: reference names, tiles and the admin's setting; no datasets, no counts.
  'GET /api/base-map': {},
  'PUT /api/base-map': {},
  'GET /api/base-map/files': {},
  'GET /api/base-map/labels': {},
  'GET /api/base-map/pmtiles/{file}': {},
  'GET /api/partnerships': {},
  'GET /api/partnerships/{id}': {},
  'POST /api/partnerships': {},
  'GET /api/partnerships/{id}/definitions': {},
  'POST /api/partnerships/{id}/definitions': {},
  'GET /api/places/types': {},
  'GET /api/places': {},
  'GET /api/place-layers': {},
  'POST /api/places': {},
  'DELETE /api/place-layers/{id}': {},
  'GET /api/areas/{area}/summary': { use: (id, a) => `/api/areas/${a}/summary?${q(id, '')}&res=8` },
  'GET /api/proximity': { use: (id, a) => `/api/proximity?${q(id, a)}&type=school` },
  'GET /api/change': { use: (id, a) => `/api/change?datasets=${id}&res=8&period=month&asOf=2024-02-29&area=${a}` },
  'GET /api/space-time': {
    use: (id, a) => `/api/space-time?datasets=${id}&res=8&period=month&asOf=2024-04-30&periods=4&area=${a}`,
  },
  'GET /api/areas/{area}/trend': {
    use: (id, a) => `/api/areas/${a}/trend?datasets=${id}&period=month&asOf=2024-03-31&periods=3`,
  },
  'GET /api/panels': {},
  'POST /api/panels': {},
  'GET /api/panels/{id}': {},
  'POST /api/panels/{id}/reviews': {},
  'GET /api/reviews/{id}': {},
  'GET /api/reviews/{id}/report': {},
  'GET /api/reviews/{id}/compare/{other}': {},
  'POST /api/reviews/{id}/notes': {},
  'PATCH /api/notes/{id}': {},
  'POST /api/panels/{id}/watch': {},
  'DELETE /api/panels/{id}/watch/{h3}': {},
  'GET /api/reviews/{id}/export/{format}': {},
  'GET /api/compare': {
    use: (id, a) => `/api/compare?datasets=${id}&from=2024-01&to=2024-01&areas=${a},${TORFAEN}`,
    alsoTorfaen: true,
  },
  'GET /api/cross-border': {
    use: (id, a) => `/api/cross-border?datasets=${id}&res=8&from=2024-01&to=2024-01&areas=${a},${TORFAEN}`,
    alsoTorfaen: true,
  },
  'GET /api/triangulation': {
    use: (id, a) => `/api/triangulation?police=${id}&ed=${id}&res=8&from=2024-01&to=2024-01&area=${a}`,
  },
  'GET /api/triangulation/export/{format}': {
    use: (id, a) => `/api/triangulation/export/cells.csv?police=${id}&ed=${id}&res=8&from=2024-01&to=2024-01&area=${a}`,
  },
  'GET /api/sna/report': { use: (id, a) => `/api/sna/report?${q(id, a)}` },
  'POST /api/exports': {},
  'GET /api/openapi.json': {},
};

/** Routes played over every area; the rest are asked about Newport (where the local-authority grant is decided). */
const AREA_SWEEP = ['GET /api/cells', 'GET /api/hotspots', 'GET /api/areas/{area}/summary'];

/** A request that reaches the route's handler without touching real objects (ids that do not exist). */
function probe(method: string, path: string): [string, RequestInit] {
  const url = path.replace('{level}', 'lad').replace(/\{[a-z]+\}/g, '999999');
  if (method === 'GET' || method === 'DELETE') return [url, { method }];
  return [url, { method, headers: { 'content-type': 'application/json' }, body: '{}' }];
}

async function openApiOperations(app: App, user: TestUser): Promise<Map<string, Operation>> {
  const doc = (await (await as(app, user).request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  return new Map(
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as const),
    ),
  );
}

// --- The people and the holdings ------------------------------------------------------------------

/** Whose member a user is, for the Gwent-owned data: its owner, a grantee, or neither. */
type Relation = 'owner' | 'grantee' | 'outsider';
type UserName =
  | 'adminO'
  | 'adminG'
  | 'adminNone'
  | 'analystO'
  | 'analystG'
  | 'analystX'
  | 'panelO'
  | 'panelG'
  | 'panelX'
  | 'pccG'
  | 'pccX';
const PEOPLE: Record<UserName, { role: Role; relation: Relation }> = {
  adminO: { role: 'admin', relation: 'owner' },
  adminG: { role: 'admin', relation: 'grantee' },
  adminNone: { role: 'admin', relation: 'outsider' },
  analystO: { role: 'analyst', relation: 'owner' },
  analystG: { role: 'analyst', relation: 'grantee' },
  analystX: { role: 'analyst', relation: 'outsider' },
  panelO: { role: 'panel', relation: 'owner' },
  panelG: { role: 'panel', relation: 'grantee' },
  panelX: { role: 'panel', relation: 'outsider' },
  pccG: { role: 'pcc', relation: 'grantee' },
  pccX: { role: 'pcc', relation: 'outsider' },
};

/** Grant shapes of the Gwent-owned restricted datasets, each granted (or not) to the grantee partnership and the Gwent PCC. */
type Shape = 'none' | 'whole' | 'lad' | 'polygon' | 'expired' | 'revoked';
const SHAPES: Shape[] = ['none', 'whole', 'lad', 'polygon', 'expired', 'revoked'];
type DatasetName = Shape | 'public' | 's17';

/** Written from the rules, by hand: may this person use this dataset for this area? */
function mayUse(who: UserName, dataset: DatasetName, area: AreaName): boolean {
  if (dataset === 'public') return true;
  // s17 data: the receiving PCC's staff only, whatever grant is stored.
  if (dataset === 's17') return who === 'pccG';
  const { relation } = PEOPLE[who];
  if (relation === 'owner') return true;
  if (relation === 'outsider') return false;
  if (dataset === 'whole') return true;
  // Limited grants: the requested area's cells must lie in the granted area's.
  if (dataset === 'lad') return area === 'lad' || area === 'polygon';
  if (dataset === 'polygon') return area === 'polygon';
  return false; // none, expired, revoked
}

/** Listed (and described) = usable for some area. */
const mayList = (who: UserName, dataset: DatasetName) =>
  (['lad', 'polygon', 'force', 'none'] as AreaName[]).some((a) => mayUse(who, dataset, a));

/** Who may delete, replace or grant: never panel members; restricted holdings their owner's analysts, PCC staff and admins; public ones their managers and any admin. */
function mayManage(who: UserName, holding: { restricted: boolean }): boolean {
  const { role, relation } = PEOPLE[who];
  if (role === 'panel') return false;
  if (relation === 'owner') return true;
  return !holding.restricted && role === 'admin';
}

describe('route table', () => {
  it('has a row for every operation of the OpenAPI description and a policy for each, and only health and sign-in are open', async () => {
    const { db } = await (await import('../../server/db/index.js')).openDatabase({});
    const app = createApp(db);
    const operations = await openApiOperations(app, await createTestUser(db, { role: 'panel' }));
    expect([...operations.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [key, op] of operations) expect(op['x-policy'].kind, key).not.toBe('missing');
    expect(
      [...operations]
        .filter(([, op]) => op['x-policy'].kind === 'open')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['GET /api/health', 'POST /api/auth/link', 'POST /api/auth/signin']);
    // Every GET route that declares datasets is played by the dataset matrix (the listing and detail by their own test).
    const datasetGets = [...operations]
      .filter(([k, op]) => op['x-policy'].datasets && k.startsWith('GET ') && !k.startsWith('GET /api/datasets'))
      .map(([k]) => k);
    for (const key of datasetGets) expect(ROUTES[key]?.use, `no dataset use for ${key}`).toBeDefined();
    await db.close();
  });
});

describe.each(backends)('access matrix on $name', (backend) => {
  let t: TestDb;
  let app: App;
  let operations: Map<string, Operation>;
  const users = {} as Record<UserName, TestUser>;
  const datasets = {} as Record<DatasetName, number>;
  const layers = {} as Record<'public' | 'none' | 'live' | 'expired' | 'revoked', number>;
  let areas: Record<Exclude<AreaName, 'none'>, string>;
  let owner: string;
  let grantee: string;
  const gwentPcc = 'pcc:W15000002';

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    owner = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    grantee = `partnership:${await findPartnershipByName(t.db, 'South Wales force area')}`;
    const outsider = `partnership:${await findPartnershipByName(t.db, 'Avon and Somerset force area')}`;
    const scopes: Record<UserName, string[]> = {
      adminO: [owner],
      adminG: [grantee],
      adminNone: [],
      analystO: [owner],
      analystG: [grantee],
      analystX: [outsider],
      panelO: [owner],
      panelG: [grantee],
      panelX: [outsider],
      pccG: [gwentPcc],
      pccX: ['pcc:W15000003'],
    };
    for (const [name, person] of Object.entries(PEOPLE) as [UserName, (typeof PEOPLE)[UserName]][])
      users[name] = await createTestUser(t.db, { role: person.role, scopes: scopes[name] });
    app = createApp(t.db);
    operations = await openApiOperations(app, users.panelX);

    const made = await as(app, users.analystO).request('/api/partnerships', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Newport city centre', geometry: NEWPORT_SQUARE }),
    });
    const polygon = ((await made.json()) as { partnership: { id: number } }).partnership.id;
    areas = { lad: 'lad:W06000022', polygon: `partnership:${polygon}`, force: 'pfa:W15000002' };

    const mapping = resolveMapping('local-police');
    const restricted = async (name: string, basis: 's16' | 's17' | 'dsa', ownerScope: string) =>
      (
        await importPaths(t.db, [tinyExtract(name)], {
          kind: 'incidents',
          name,
          mapping,
          sensitivity: 'restricted',
          threshold: 5,
          basis,
          ownerScope,
        })
      ).datasetId;
    const grant = (o: { datasetId?: number; placeLayerId?: number; to: string; area?: string; expiresAt?: Date }) =>
      insertGrant(t.db, {
        datasetId: o.datasetId ?? null,
        placeLayerId: o.placeLayerId ?? null,
        granteeScope: o.to,
        purpose: 'Serious Violence Duty analysis',
        area: o.area ?? null,
        expiresAt: o.expiresAt ?? new Date('2099-01-01'),
        grantedBy: null,
      });
    const revoke = (id: number) => t.db.query('update grants set revoked_at = now() where id = $1', [id]);

    datasets.public = (
      await importPaths(t.db, [policeUkFile('gwent', '2024-01')], {
        kind: 'police-uk',
        name: 'Gwent police.uk',
        ownerScope: owner,
      })
    ).datasetId;
    datasets.s17 = await restricted('s17-to-Gwent-PCC', 's17', gwentPcc);
    // Even a grant stored directly (bypassing the route's refusal) must not open s17 data.
    await grant({ datasetId: datasets.s17, to: grantee });
    for (const shape of SHAPES) {
      const id = (datasets[shape] = await restricted(`grant-${shape}`, 's16', owner));
      for (const to of [grantee, gwentPcc]) {
        if (shape === 'none') continue;
        const made = await grant({
          datasetId: id,
          to,
          area: shape === 'lad' ? areas.lad : shape === 'polygon' ? areas.polygon : undefined,
          expiresAt: shape === 'expired' ? new Date('2020-01-01') : undefined,
        });
        if (shape === 'revoked') await revoke(made);
      }
    }

    const upload = async (name: string, restrictedLayer: boolean) => {
      const body = new FormData();
      body.set('layer', name);
      body.set('type', restrictedLayer ? 'refuge' : 'custom');
      body.append('file', new Blob([`name,latitude,longitude\n${name} place,51.59,-3.0\n`]), `${name}.csv`);
      const res = await as(app, users.analystO).request('/api/places', { method: 'POST', body });
      expect(res.status, name).toBe(201);
      return ((await res.json()) as { report: { layerId: number } }).report.layerId;
    };
    layers.public = await upload('public layer', false);
    for (const shape of ['none', 'live', 'expired', 'revoked'] as const) {
      const id = (layers[shape] = await upload(`refuges ${shape}`, true));
      if (shape === 'none') continue;
      for (const to of [grantee, gwentPcc]) {
        const made = await grant({
          placeLayerId: id,
          to,
          expiresAt: shape === 'expired' ? new Date('2020-01-01') : undefined,
        });
        if (shape === 'revoked') await revoke(made);
      }
    }
  });
  afterAll(async () => t?.dispose());

  it('answers 401 to every non-open operation without a sign-in, and refuses the roles its policy leaves out with 403', async () => {
    const byRole = {
      admin: users.adminNone,
      analyst: users.analystX,
      panel: users.panelX,
      pcc: users.pccX,
    } satisfies Record<Role, TestUser>;
    for (const [key, op] of operations) {
      const [method, path] = key.split(' ') as [string, string];
      const [url, init] = probe(method, path);
      const anonymous = await as(app, null).request(url, init);
      if (op['x-policy'].kind === 'open') expect(anonymous.status, key).not.toBe(401);
      else expect(anonymous.status, `${key} anonymous`).toBe(401);
      for (const role of ROLES) {
        const res = await as(app, byRole[role]).request(url, init);
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        const refusedByRole = res.status === 403 && /your role/.test(body.error ?? '');
        const allowed = op['x-policy'].kind !== 'roles' || op['x-policy'].roles!.includes(role);
        expect(res.status, `${key} as ${role}`).not.toBe(401);
        expect(refusedByRole, `${key} as ${role}: ${res.status} ${body.error}`).toBe(!allowed);
      }
    }
  });

  // One request per person, dataset, dataset route and area: the slowest test of the matrix.
  it('lets each person use exactly the datasets the rules allow, on every dataset route and area, and never shows a refused count', async () => {
    for (const [key, op] of operations) {
      const row = ROUTES[key]!;
      if (!row.use || !op['x-policy'].datasets) continue;
      const sweep: AreaName[] = AREA_SWEEP.includes(key)
        ? ['lad', 'polygon', 'force', ...(row.areaOptional ? (['none'] as const) : [])]
        : ['lad'];
      for (const area of sweep) {
        for (const who of Object.keys(PEOPLE) as UserName[]) {
          for (const [name, id] of Object.entries(datasets) as [DatasetName, number][]) {
            const res = await as(app, users[who]).request(row.use(id, area === 'none' ? '' : areas[area]));
            const body = (await res.json()) as { error?: string; refused?: { id: number }[]; cells?: unknown[] };
            const label = `${who} ${key} ${name} in ${area}: ${res.status} ${body.error ?? ''}`;
            // Two-area routes need the dataset in Torfaen too, which no limited grant covers.
            const allowed = mayUse(who, name, area) && (!row.alsoTorfaen || mayUse(who, name, 'force'));
            if (allowed) {
              // Allowed: 200, or a 400 that comes after the access check (police.uk has no times; one dataset as both triangulation sources).
              const afterAccess = res.status === 400 && /precision|both police and ED/.test(body.error ?? '');
              expect(res.status === 200 || afterAccess, label).toBe(true);
            } else {
              expect(res.status, label).toBe(403);
              expect(body.cells, label).toBeUndefined();
              expect(
                body.refused?.map((r) => r.id),
                label,
              ).toEqual([id]);
            }
          }
        }
      }
    }
  }, 180_000);

  it('lists and describes to each person the datasets usable somewhere, and lets only their managers grant them', async () => {
    for (const who of Object.keys(PEOPLE) as UserName[]) {
      const listed = (
        (await (await as(app, users[who]).request('/api/datasets')).json()) as {
          datasets: { id: number; canManage: boolean }[];
        }
      ).datasets;
      const expected = (Object.keys(datasets) as DatasetName[]).filter((d) => mayList(who, d));
      expect(
        listed.map((d) => d.id).sort((a, b) => a - b),
        who,
      ).toEqual(expected.map((d) => datasets[d]).sort((a, b) => a - b));
      for (const [name, id] of Object.entries(datasets) as [DatasetName, number][]) {
        const detail = await as(app, users[who]).request(`/api/datasets/${id}`);
        expect(detail.status, `${who} GET dataset ${name}`).toBe(mayList(who, name) ? 200 : 403);
        const restricted = name !== 'public';
        if (mayList(who, name))
          expect(
            ((await detail.json()) as { dataset: { canManage: boolean } }).dataset.canManage,
            `${who} manages ${name}`,
          ).toBe((name !== 's17' && mayManage(who, { restricted })) || (name === 's17' && who === 'pccG'));
        const granted = await as(app, users[who]).request('/api/grants', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            datasetId: id,
            granteeScope: 'pcc:W15000001',
            purpose: 'A grant attempted by the matrix',
            expiresAt: '2099-12-31',
          }),
        });
        const mayGrant = restricted && name !== 's17' && mayManage(who, { restricted: true });
        // Refused with 403, or 404 where the dataset is not theirs to see (not even named).
        expect(granted.status, `${who} grants ${name}`).toBe(
          mayGrant ? 201 : PEOPLE[who].role === 'panel' || mayList(who, name) ? 403 : 404,
        );
      }
    }
  });

  it('lets only managers delete a dataset: others are refused, and cannot even see a restricted one to refuse', async () => {
    for (const who of Object.keys(PEOPLE) as UserName[]) {
      for (const name of ['public', 'none'] as const) {
        const restricted = name === 'none';
        if (mayManage(who, { restricted })) continue; // played on throwaway datasets below
        const res = await as(app, users[who]).request(`/api/datasets/${datasets[name]}`, { method: 'DELETE' });
        expect(res.status, `${who} deletes ${name}`).toBe(
          PEOPLE[who].role === 'panel' ? 403 : mayList(who, name) ? 403 : 404,
        );
      }
    }
    for (const who of Object.keys(PEOPLE) as UserName[]) {
      for (const restricted of [false, true]) {
        if (!mayManage(who, { restricted })) continue;
        const id = restricted
          ? (
              await importPaths(t.db, [tinyExtract(`throwaway-${who}`)], {
                kind: 'incidents',
                name: `throwaway ${who}`,
                mapping: resolveMapping('local-police'),
                sensitivity: 'restricted',
                basis: 's16',
                ownerScope: owner,
              })
            ).datasetId
          : (
              await importPaths(t.db, [policeUkFile('gwent', '2024-02')], {
                kind: 'police-uk',
                name: `public throwaway ${who}`,
                ownerScope: owner,
              })
            ).datasetId;
        expect(
          (await as(app, users[who]).request(`/api/datasets/${id}`, { method: 'DELETE' })).status,
          `${who} deletes a ${restricted ? 'restricted' : 'public'} dataset it manages`,
        ).toBe(200);
      }
    }
  });

  it('shows restricted place layers to their owner and live grantees only, and lets only their managers change them', async () => {
    const visible = (who: UserName, layer: keyof typeof layers) =>
      layer === 'public' ||
      PEOPLE[who].relation === 'owner' ||
      (layer === 'live' && PEOPLE[who].relation === 'grantee');
    for (const who of Object.keys(PEOPLE) as UserName[]) {
      const listed = (
        (await (await as(app, users[who]).request('/api/place-layers')).json()) as {
          layers: { id: number; canManage: boolean; bundled: boolean }[];
        }
      ).layers.filter((l) => !l.bundled);
      expect(
        listed.map((l) => l.id).sort((a, b) => a - b),
        who,
      ).toEqual(
        (Object.keys(layers) as (keyof typeof layers)[])
          .filter((l) => visible(who, l))
          .map((l) => layers[l])
          .sort((a, b) => a - b),
      );
      for (const [name, id] of Object.entries(layers) as [keyof typeof layers, number][]) {
        const places = (
          (await (await as(app, users[who]).request(`/api/places?layers=${id}`)).json()) as { places: unknown[] }
        ).places;
        expect(places.length, `${who} sees places of ${name}`).toBe(visible(who, name) ? 1 : 0);
        const restricted = name !== 'public';
        const entry = listed.find((l) => l.id === id);
        if (entry) expect(entry.canManage, `${who} manages layer ${name}`).toBe(mayManage(who, { restricted }));
        if (mayManage(who, { restricted })) continue;
        const res = await as(app, users[who]).request(`/api/place-layers/${id}`, { method: 'DELETE' });
        expect(res.status, `${who} deletes layer ${name}`).toBe(
          PEOPLE[who].role === 'panel' ? 403 : visible(who, name) ? 403 : 404,
        );
        const granted = await as(app, users[who]).request('/api/grants', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            placeLayerId: id,
            granteeScope: 'pcc:W15000001',
            purpose: 'A grant attempted by the matrix',
            expiresAt: '2099-12-31',
          }),
        });
        expect(granted.status, `${who} grants layer ${name}`).toBe(
          PEOPLE[who].role === 'panel' ? 403 : visible(who, name) ? 403 : 404,
        );
      }
    }
    // The owner grants a restricted layer (whole, never for an area), and deletes it with its grants.
    const post = (body: Record<string, unknown>) =>
      as(app, users.analystO).request('/api/grants', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          placeLayerId: layers.none,
          granteeScope: 'pcc:W15000001',
          purpose: 'Safeguarding review near hotspots',
          expiresAt: '2099-12-31',
          ...body,
        }),
      });
    expect((await post({ area: areas.lad })).status).toBe(400);
    expect((await post({})).status).toBe(201);
    expect((await as(app, users.adminO).request(`/api/place-layers/${layers.none}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect(await t.db.query('select 1 from grants where place_layer_id = $1', [layers.none])).toEqual([]);
  });

  it('refuses a mixed selection naming only the datasets the person may not use', async () => {
    const res = await as(app, users.analystG).request(
      `/api/cells?datasets=${datasets.public},${datasets.whole},${datasets.s17},${datasets.revoked}&res=9&from=2024-01&to=2024-01`,
    );
    expect(res.status).toBe(403);
    const body = (await res.json()) as { refused: { id: number; reason: string }[] };
    expect(body.refused.map((r) => r.id).sort()).toEqual([datasets.revoked, datasets.s17].sort());
    expect(body.refused.find((r) => r.id === datasets.s17)!.reason).toMatch(/s17/);
  });

  it("releases an area-limited grant's counts inside its area like any other", async () => {
    const inNewport = (await (
      await as(app, users.pccG).request(
        `/api/cells?datasets=${datasets.lad}&res=9&from=2024-01&to=2024-01&area=${areas.lad}`,
      )
    ).json()) as { cells: { count: number }[] };
    // Ten incidents in one cell, released within the perturbation's ±2.
    expect(inNewport.cells).toHaveLength(1);
    expect(Math.abs(inNewport.cells[0]!.count - 10)).toBeLessThanOrEqual(2);
    const outside = await as(app, users.pccG).request(
      `/api/cells?datasets=${datasets.lad}&res=9&from=2024-01&to=2024-01&area=${areas.force}`,
    );
    expect(((await outside.json()) as { error: string }).error).toMatch(
      /granted only within lad:W06000022: choose an area inside it/,
    );
  });

  it('refuses onward grants of s17 data, and lets the owner grant and revoke', async () => {
    const post = (who: TestUser, body: unknown) =>
      as(app, who).request('/api/grants', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const base = { purpose: 'Joint problem profile for the Duty', expiresAt: '2099-12-31' };
    const s17 = await post(users.pccG, { ...base, datasetId: datasets.s17, granteeScope: 'pcc:W15000003' });
    expect(s17.status).toBe(403);
    expect(((await s17.json()) as { error: string }).error).toMatch(/s17.*cannot be granted onward/);
    const use = () => as(app, users.pccX).request(`/api/cells?datasets=${datasets.none}&res=9&from=2024-01&to=2024-01`);
    expect((await use()).status).toBe(403);
    const made = await post(users.analystO, { ...base, datasetId: datasets.none, granteeScope: 'pcc:W15000003' });
    expect(made.status).toBe(201);
    const { grant } = (await made.json()) as { grant: { id: number } };
    expect((await use()).status).toBe(200);
    expect((await as(app, users.analystG).request(`/api/grants/${grant.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await as(app, users.analystO).request(`/api/grants/${grant.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await use()).status).toBe(403);
  });
});
