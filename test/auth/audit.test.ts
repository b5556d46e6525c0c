import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { as, createTestUser, type TestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';

const HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';
// 3 incidents in one cell (suppressed at k=5) and 7 in another (released).
const CSV = [
  HEADER,
  ...[0, 1, 2].map((i) => `A${i},2024-01-0${i + 1},21:00,51.5880,-2.9970,Assault with injury,N,Y,N,Gwent Police`),
  ...[0, 1, 2, 3, 4, 5, 6].map((i) => `B${i},2024-01-1${i},22:00,51.7000,-3.0000,Common assault,N,N,N,Gwent Police`),
].join('\n');

interface AuditBody {
  total: number;
  entries: {
    action: string;
    outcome: string;
    userEmail: string | null;
    target: string | null;
    datasets: { id: number; name: string }[];
    selection: unknown;
    summary: Record<string, unknown> | null;
  }[];
}

describe.each(backends)('audit log on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let admin: TestUser;
  let analyst: TestUser;
  let datasetId: number;

  beforeAll(async () => {
    t = await backend.open();
    app = createApp(t.db);
    admin = await createTestUser(t.db, { role: 'admin' });
    analyst = await createTestUser(t.db, {
      role: 'analyst',
      scopes: ['partnership:1'],
      password: 'a long enough passphrase',
    });
    const body = new FormData();
    for (const [k, v] of Object.entries({
      kind: 'incidents',
      name: 'Knife extract',
      mapping: 'local-police',
      basis: 's16',
    }))
      body.set(k, v);
    body.append('files', new Blob([CSV]), 'extract.csv');
    const res = await as(app, analyst).request('/api/datasets', { method: 'POST', body });
    expect(res.status).toBe(201);
    datasetId = ((await res.json()) as { report: { datasetId: number } }).report.datasetId;
  });
  afterAll(async () => t?.dispose());

  const auditAs = async (who: TestUser, query = '') =>
    (await as(app, who).request(`/api/audit${query}`)).json() as Promise<AuditBody>;

  it('records imports, sign-ins and each restricted analysis with its selection and a summary, never the values', async () => {
    await app.request('/api/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: analyst.email, password: 'wrong' }),
    });
    await app.request('/api/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: analyst.email, password: 'a long enough passphrase' }),
    });
    const cells = await as(app, analyst).request(`/api/cells?datasets=${datasetId}&res=9&from=2024-01&to=2024-01`);
    const released = ((await cells.json()) as { cells: { h3: string; count: number | null }[] }).cells;
    // Two cells, 7 and a small one: the small one is withheld, and so is the 7 (secondary
    // suppression), or the published total minus 7 would give the small one back.
    expect(released.map((c) => c.count)).toEqual([null, null]);

    const { entries } = await auditAs(admin);
    const actions = entries.map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(
      expect.arrayContaining(['dataset.import:ok', 'signin:failed', 'signin:ok', 'analysis.cells:ok']),
    );
    const analysis = entries.find((e) => e.action === 'analysis.cells')!;
    expect(analysis).toMatchObject({
      userEmail: analyst.email,
      datasets: [{ id: datasetId, name: 'Knife extract' }],
      summary: { cellsReturned: 2, cellsSuppressed: 2, threshold: 5 },
    });
    expect(analysis.selection).toMatchObject({ datasets: [datasetId], res: 9, from: '2024-01', to: '2024-01' });
    const everything = JSON.stringify(entries);
    for (const cell of released) expect(everything).not.toContain(cell.h3);
    expect(everything).not.toContain('51.588');
    // Public-only analyses are not restricted data: not logged.
    expect(entries.filter((e) => e.action === 'analysis.cells')).toHaveLength(1);
  });

  it('is append-only: updates and deletes change nothing', async () => {
    const before = await t.db.query('select * from audit_log order by id');
    await t.db.query(`update audit_log set action = 'tampered'`);
    await t.db.query('delete from audit_log');
    expect(await t.db.query('select * from audit_log order by id')).toEqual(before);
  });

  it("keeps a deleted dataset's trail, with refusals and grants, filterable by dataset", async () => {
    const outsider = await createTestUser(t.db, { role: 'analyst', scopes: ['partnership:2'] });
    expect(
      (await as(app, outsider).request(`/api/cells?datasets=${datasetId}&res=9&from=2024-01&to=2024-01`)).status,
    ).toBe(403);
    expect((await as(app, outsider).request(`/api/datasets/${datasetId}`, { method: 'DELETE' })).status).toBe(404); // not theirs to see, so not named
    expect((await as(app, analyst).request(`/api/datasets/${datasetId}`, { method: 'DELETE' })).status).toBe(200);
    const trail = await auditAs(admin, `?dataset=${datasetId}`);
    expect(trail.entries.map((e) => `${e.action}:${e.outcome}`).reverse()).toEqual([
      'dataset.import:ok',
      'analysis.cells:ok',
      'access:refused',
      'dataset.delete:refused',
      'dataset.delete:ok',
    ]);
    expect(trail.entries.find((e) => e.action === 'access')).toMatchObject({
      userEmail: outsider.email,
      summary: { reasons: [expect.stringMatching(/^no live grant to partnership:2: it is held by partnership:1/)] },
    });
    const failed = await auditAs(admin, `?action=signin&outcome=failed&user=${encodeURIComponent(analyst.email)}`);
    expect(failed.total).toBe(1);
  });

  it('is for admins only, and exports as CSV with a UTF-8 BOM for Excel', async () => {
    expect((await as(app, analyst).request('/api/audit')).status).toBe(403);
    const res = await as(app, admin).request('/api/audit/export.csv?action=dataset');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="hotspot-audit-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(bytes.slice(3)).toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => `${r.action}:${r.outcome}`).sort()).toEqual([
      'dataset.delete:ok',
      'dataset.delete:refused',
      'dataset.import:ok',
    ]);
    expect(rows.find((r) => r.action === 'dataset.import')!.datasets).toBe(`${datasetId}:Knife extract`);
    expect((await auditAs(admin, '?action=audit.export')).total).toBe(1);
  });
});
