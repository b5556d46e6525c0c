import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { as, createTestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { extract, SPOTS } from '../helpers/planted.js';
import { policeUkFile } from '../helpers/shared-data.js';

const ED_FILE = `${process.cwd()}/geodata/sample/restricted/istv-ed-gwent-south-wales.csv.gz`;

/** Issue 25, item 8: every user lands on their own partnership's area and data, not a hard-coded Gwent. */
describe.each(backends)('map defaults on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  const ids = { gwent: 0, newport: 0, cardiff: 0, policeUk: 0, extract: 0, ed: 0 };

  const defaultsFor = async (o: { role?: 'admin' | 'analyst' | 'panel' | 'pcc'; scopes: string[] }) => {
    const user = await createTestUser(t.db, { role: o.role ?? 'analyst', scopes: o.scopes });
    const res = await as(app, user).request('/api/datasets/defaults');
    expect(res.status).toBe(200);
    return (await res.json()) as { partnershipId: number | null; datasetIds: number[] };
  };

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    app = createApp(t.db);
    ids.gwent = (await findPartnershipByName(t.db, 'Gwent force area'))!;
    ids.newport = (await findPartnershipByName(t.db, 'Newport CSP'))!;
    ids.cardiff = (await findPartnershipByName(t.db, 'Cardiff CSP'))!;
    const gwentScope = `partnership:${ids.gwent}`;
    // A restricted police extract over Newport (owned by Gwent) and ED records over Gwent and South
    // Wales, imported first so that a default by dataset order would pick one of them.
    const dir = mkdtempSync(join(tmpdir(), 'hotspot-defaults-'));
    writeFileSync(join(dir, 'extract.csv'), extract(SPOTS.map((_, i) => i)).csv);
    const restricted = {
      sensitivity: 'restricted' as const,
      threshold: 5,
      basis: 's16' as const,
      ownerScope: gwentScope,
    };
    ids.extract = (
      await importPaths(t.db, [join(dir, 'extract.csv')], {
        kind: 'incidents',
        name: 'Local police extract (restricted)',
        mapping: resolveMapping('local-police'),
        ...restricted,
      })
    ).datasetId;
    ids.ed = (
      await importPaths(t.db, [ED_FILE], {
        kind: 'incidents',
        name: 'ED assaults (ISTV, restricted)',
        mapping: resolveMapping('istv-ed'),
        source: 'health',
        ...restricted,
      })
    ).datasetId;
    ids.policeUk = (
      await importPaths(t.db, [policeUkFile('gwent', '2024-01')], {
        kind: 'police-uk',
        name: 'Gwent Police (data.police.uk)',
      })
    ).datasetId;
  }, 300_000);
  afterAll(async () => t?.dispose());

  it("lands a member of a force area's partnership on it, with the public police records that cover it", async () => {
    expect(await defaultsFor({ scopes: [`partnership:${ids.gwent}`] })).toEqual({
      partnershipId: ids.gwent,
      datasetIds: [ids.policeUk],
    });
  });

  it('lands a member of a council partnership on their council, not on the force or on Gwent by name', async () => {
    expect(await defaultsFor({ role: 'panel', scopes: [`partnership:${ids.newport}`] })).toEqual({
      partnershipId: ids.newport,
      datasetIds: [ids.policeUk],
    });
  });

  it('lands a partnership no police dataset covers on its own area, and leaves the datasets to the client (missing, not Gwent)', async () => {
    expect(await defaultsFor({ scopes: [`partnership:${ids.cardiff}`] })).toEqual({
      partnershipId: ids.cardiff,
      datasetIds: [],
    });
  });

  it("lands PCC staff on their force area's partnership", async () => {
    expect(await defaultsFor({ role: 'pcc', scopes: ['pcc:W15000002'] })).toEqual({
      partnershipId: ids.gwent,
      datasetIds: [ids.policeUk],
    });
  });

  it('gives an admin of no partnership no defaults of its own (the client keeps its general ones)', async () => {
    expect(await defaultsFor({ role: 'admin', scopes: [] })).toEqual({ partnershipId: null, datasetIds: [] });
  });

  it('picks a restricted police extract the user may use when no public dataset covers their area, never health records', async () => {
    const user = await createTestUser(t.db, {
      role: 'analyst',
      scopes: [`partnership:${ids.newport}`, `partnership:${ids.gwent}`],
    });
    await t.db.query('update datasets set source = $2 where id = $1', [ids.policeUk, 'health']);
    try {
      const res = await as(app, user).request('/api/datasets/defaults');
      expect(await res.json()).toEqual({ partnershipId: ids.newport, datasetIds: [ids.extract] });
    } finally {
      await t.db.query('update datasets set source = $2 where id = $1', [ids.policeUk, 'police']);
    }
  });
});
