import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { checkReleased, trueCountsAndKeys } from '../helpers/disclosure.js';
import { latLngToCell } from 'h3-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appAs, as, createTestUser } from '../helpers/auth.js';
import { createApp } from '../../server/app.js';
import { insertGrant } from '../../server/db/grants.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { countRows } from '../helpers/import.js';
import { policeUkFile, tallyPoliceUk } from '../helpers/shared-data.js';

const POLICE_HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';

function form(fields: Record<string, string>, files: [string, Uint8Array<ArrayBuffer> | string][]) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  for (const [name, content] of files) body.append('files', new Blob([content]), name);
  return { method: 'POST', body };
}

/** A restricted extract with known counts per resolution-9 cell: 1, 2, 4, 5 and 9 incidents. */
function plantedExtract(): { csv: string; expected: Map<string, number> } {
  const points: [number, number, number][] = [
    [51.588, -2.997, 1],
    [51.6, -3.05, 2],
    [51.65, -3.1, 4],
    [51.7, -3.0, 5],
    [51.75, -2.9, 9],
  ];
  const lines = [POLICE_HEADER];
  const expected = new Map<string, number>();
  let n = 0;
  for (const [lat, lng, count] of points) {
    expected.set(latLngToCell(lat, lng, 9), count);
    for (let i = 0; i < count; i++)
      lines.push(`R${++n},2024-01-1${i % 9},12:00,${lat},${lng},Common assault,N,N,N,Gwent Police`);
  }
  return { csv: lines.join('\n') + '\n', expected };
}

describe.each(backends)('HTTP API on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof as>;
  beforeEach(async () => {
    t = await backend.open();
    ({ api: app } = await appAs(t.db));
  });
  afterEach(async () => t.dispose());

  it('reports health with the database kind and schema version', async () => {
    const res = await app.request('/api/health');
    const migrations = readdirSync(new URL('../../server/db/migrations/', import.meta.url)).filter((f) =>
      f.endsWith('.sql'),
    ).length;
    expect(await res.json()).toEqual({ status: 'ok', database: backend.name, schemaVersion: migrations });
  });

  it('uploads police.uk files, lists the dataset, serves its cells and deletes it', async () => {
    const jan = policeUkFile('gwent', '2024-01');
    const tally = tallyPoliceUk(jan);
    const res = await app.request(
      '/api/datasets',
      form({ kind: 'police-uk', name: 'Gwent' }, [['2024-01-gwent-street.csv', new Uint8Array(readFileSync(jan))]]),
    );
    expect(res.status).toBe(201);
    const { report } = (await res.json()) as {
      report: { datasetId: number; rowsAccepted: number; files: { name: string }[] };
    };
    expect(report.rowsAccepted).toBe(tally.withCoordinates);
    expect(report.files[0]!.name).toBe('2024-01-gwent-street.csv');

    const list = (await (await app.request('/api/datasets')).json()) as { datasets: Record<string, unknown>[] };
    expect(list.datasets).toHaveLength(1);
    expect(list.datasets[0]).toMatchObject({
      name: 'Gwent',
      kind: 'police-uk',
      sensitivity: 'public',
      monthFrom: '2024-01',
      monthTo: '2024-01',
      rowsAccepted: tally.withCoordinates,
    });

    const one = (await (await app.request(`/api/datasets/${report.datasetId}`)).json()) as {
      imports: { report: { rowsAccepted: number } }[];
    };
    expect(one.imports[0]!.report.rowsAccepted).toBe(tally.withCoordinates);

    const cells = (await (
      await app.request(`/api/cells?datasets=${report.datasetId}&res=8&from=2024-01&to=2024-01&groups=violence-sexual`)
    ).json()) as {
      cells: { h3: string; count: number }[];
      restricted: boolean;
    };
    expect(cells.restricted).toBe(false);
    expect(cells.cells.reduce((a, c) => a + c.count, 0)).toBe(tally.byCrimeType['Violence and sexual offences']);

    expect(await countRows(t.db, 'select count(*)::int as n from cell_counts')).toBeGreaterThan(0);
    expect((await app.request(`/api/datasets/${report.datasetId}`, { method: 'DELETE' })).status).toBe(200);
    // No foreign key cascades to these two (migration 008): the delete itself removes them.
    expect(await countRows(t.db)).toBe(0);
    expect(await countRows(t.db, 'select count(*)::int as n from cell_counts')).toBe(0);
    expect((await app.request(`/api/datasets/${report.datasetId}`)).status).toBe(404);
  });

  it('refuses a file over the upload limit with 413 naming it, storing nothing and leaving no temp files', async () => {
    const { api } = await appAs(t.db, {}, { maxUploadBytes: 100_000 });
    const uploadsBefore = readdirSync(tmpdir()).filter((f) => f.startsWith('hotspot-upload-')).length;
    const jan = new Uint8Array(readFileSync(policeUkFile('gwent', '2024-01')));
    expect(jan.length).toBeGreaterThan(100_000);
    const res = await api.request(
      '/api/datasets',
      form({ kind: 'police-uk', name: 'Gwent' }, [
        ['small.csv', jan.slice(0, 1000)],
        ['2024-01-gwent-street.csv', jan],
      ]),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe(
      '2024-01-gwent-street.csv is larger than the 100000-byte upload limit',
    );
    expect(await countRows(t.db, 'select count(*)::int as n from datasets')).toBe(0);
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('hotspot-upload-')).length).toBe(uploadsBefore);
  });

  it('refuses a malformed upload with the file name and reason, storing nothing', async () => {
    const res = await app.request(
      '/api/datasets',
      form({ kind: 'police-uk', name: 'Gwent' }, [
        ['2024-01-gwent-street.csv', new Uint8Array(readFileSync(policeUkFile('gwent', '2024-01')))],
        ['notes.csv', 'this,is\nnot,police\n'],
      ]),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /^notes\.csv: not a data\.police\.uk street-level CSV/,
    );
    expect(await countRows(t.db, 'select count(*)::int as n from datasets')).toBe(0);
    expect(await countRows(t.db)).toBe(0);
  });

  it('sends a strict same-origin Content-Security-Policy and refuses oversized JSON with 413', async () => {
    const res = await app.request('/api/health');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const big = JSON.stringify({
      name: 'big',
      geometry: { type: 'Polygon', coordinates: [[[0, 0]]] },
      padding: 'x'.repeat(6 * 1024 * 1024),
    });
    const tooBig = await app.request('/api/partnerships', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(tooBig.status).toBe(413);
  });

  it('validates parameters with a clear 400', async () => {
    const res = await app.request('/api/cells?datasets=1&res=11&from=2024-01&to=2023-01');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/res/);
    expect((await app.request('/api/cells?datasets=99&from=2024-01&to=2024-01')).status).toBe(404);
    expect((await app.request('/api/nothing')).status).toBe(404);
  });

  it('never releases a restricted count from 1 to k-1, alone or mixed with public data', async () => {
    const { csv, expected } = plantedExtract();
    const up = await app.request(
      '/api/datasets',
      form({ kind: 'incidents', name: 'Extract', mapping: 'local-police', sensitivity: 'restricted', threshold: '5' }, [
        ['extract.csv', csv],
      ]),
    );
    expect(up.status).toBe(201);
    const restrictedId = ((await up.json()) as { report: { datasetId: number } }).report.datasetId;

    const get = async (ids: string) =>
      (await (await app.request(`/api/cells?datasets=${ids}&res=9&from=2024-01&to=2024-01`)).json()) as {
        cells: { h3: string; count: number | null }[];
        threshold: number | null;
        restricted: boolean;
      };
    const alone = await get(String(restrictedId));
    expect(alone.restricted).toBe(true);
    expect(alone.threshold).toBe(5);
    const byCell = new Map(alone.cells.map((c) => [c.h3, c.count]));
    expect([...byCell.keys()].sort()).toEqual([...expected.keys()].sort());
    const truth = await trueCountsAndKeys(t.db, 'h3_r9', 'dataset_id = $1', [restrictedId]);
    // 1, 2, 4 withheld; 5 and 9 perturbed by their cell keys, or one of them withheld as a secondary.
    const secondary = [...expected].filter(([h3, n]) => {
      expect(truth.get(h3)!.count).toBe(n);
      return checkReleased(byCell.get(h3)!, truth.get(h3)!, 5, h3);
    });
    expect(secondary.length).toBe(0); // three withheld already: no lone one

    // Rounded totals in the listing for anyone but the owner: an exact total would give away the
    // suppressed sum (1+2+4). The owner, who supplied the data, sees it exactly.
    type Listing = { datasets: { rowsAccepted: number; countsRounded: boolean }[] };
    const listed = (await (await app.request('/api/datasets')).json()) as Listing;
    expect(listed.datasets[0]).toMatchObject({ rowsAccepted: 21, countsRounded: false });
    const grantee = await createTestUser(t.db, { role: 'analyst', scopes: ['partnership:2'] });
    await insertGrant(t.db, {
      datasetId: restrictedId,
      placeLayerId: null,
      granteeScope: 'partnership:2',
      purpose: 'a grant to test rounding',
      area: null,
      expiresAt: new Date('2099-01-01'),
      grantedBy: null,
    });
    const theirs = as(createApp(t.db), grantee);
    expect(((await (await theirs.request('/api/datasets')).json()) as Listing).datasets[0]).toMatchObject({
      rowsAccepted: 0,
      countsRounded: true,
    });
    const detail = (await (await theirs.request(`/api/datasets/${restrictedId}`)).json()) as {
      imports: { report: { rowsRead: number; acceptedByMonth: Record<string, number> } }[];
    };
    expect(detail.imports[0]!.report).toMatchObject({ rowsRead: 0, acceptedByMonth: { '2024-01': 0 } });

    const pub = await app.request(
      '/api/datasets',
      form({ kind: 'police-uk', name: 'Gwent' }, [
        ['2024-01.csv', new Uint8Array(readFileSync(policeUkFile('gwent', '2024-01')))],
      ]),
    );
    const publicId = ((await pub.json()) as { report: { datasetId: number } }).report.datasetId;
    const mixed = await get(`${publicId},${restrictedId}`);
    expect(mixed.restricted).toBe(true);
    for (const c of mixed.cells) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(5);
    expect(mixed.cells.some((c) => c.count === null)).toBe(true);
  });
});
