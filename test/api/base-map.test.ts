/**
 * The base map API on the real bundled geodata: the offline base map's names by view and zoom,
 * the admin's base map setting, the content-security policy that follows it, and a dropped
 * PMTiles file served by the app in byte ranges.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { as, createTestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { solidPng, tinyPmtiles } from '../helpers/tiny-pmtiles.js';

interface Label {
  text: string;
  kind: string;
  lon: number;
  lat: number;
  rank: number;
}

/** Newport city centre at about zoom 13.5 (a 1,400 × 900 px window), and Gwent at zoom 9. */
const NEWPORT_13 = '-3.06,51.56,-2.94,51.61';
const GWENT_9 = '-3.9,51.35,-2.1,51.95';

describe.each(backends)('base map on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let analyst: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  const dataDir = mkdtempSync(join(tmpdir(), 'hotspot-basemap-'));
  const before = process.env.HOTSPOT_DATA_DIR;

  beforeAll(async () => {
    process.env.HOTSPOT_DATA_DIR = dataDir;
    mkdirSync(join(dataDir, 'basemaps'));
    writeFileSync(join(dataDir, 'basemaps', 'gwent.pmtiles'), tinyPmtiles(solidPng([220, 230, 210])));
    t = await backend.open();
    app = createApp(t.db);
    analyst = as(app, await createTestUser(t.db, { role: 'analyst' }));
    admin = as(app, await createTestUser(t.db, { role: 'admin' }));
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.HOTSPOT_DATA_DIR;
    else process.env.HOTSPOT_DATA_DIR = before;
    rmSync(dataDir, { recursive: true, force: true });
    await t.dispose();
  });

  const labels = async (bbox: string, zoom: number) => {
    const res = await analyst.request(`/api/base-map/labels?bbox=${bbox}&zoom=${zoom}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { labels: Label[]; truncated: boolean; attribution: string };
  };

  it('names towns, councils and no streets-level detail over Gwent at zoom 9', async () => {
    const body = await labels(GWENT_9, 9);
    const text = (kind: string) => body.labels.filter((l) => l.kind === kind).map((l) => l.text);
    expect(text('city')).toEqual(expect.arrayContaining(['Cardiff', 'Newport']));
    expect(text('town')).toEqual(expect.arrayContaining(['Cwmbran', 'Pontypool']));
    expect(text('lad')).toEqual(expect.arrayContaining(['Newport', 'Torfaen', 'Monmouthshire']));
    // Small towns, villages, LSOAs, sectors and settings wait for closer zooms.
    expect(text('town')).not.toContain('Caerleon');
    for (const kind of ['village', 'lsoa', 'sector', 'school', 'pub']) expect(text(kind)).toEqual([]);
    expect(body.attribution).toContain('GeoNames');
    // Highest rank first, so a client keeping the first that fit keeps the cities.
    for (let i = 1; i < body.labels.length; i++)
      expect(body.labels[i]!.rank).toBeLessThanOrEqual(body.labels[i - 1]!.rank);
  });

  it('adds LSOA names and postcode sectors in Newport at zoom 13.5, placed inside the view', async () => {
    const body = await labels(NEWPORT_13, 13.5);
    const lsoa = body.labels.filter((l) => l.kind === 'lsoa');
    expect(lsoa.length).toBeGreaterThan(20);
    expect(lsoa.every((l) => /^Newport \d{3}[A-Z]$/.test(l.text))).toBe(true);
    const sectors = body.labels.filter((l) => l.kind === 'sector').map((l) => l.text);
    expect(sectors).toEqual(expect.arrayContaining(['NP20 1', 'NP20 2', 'NP19 0']));
    expect(body.labels.some((l) => l.kind === 'town' && l.text === 'Caerleon')).toBe(true); // a small town, shown from 10
    for (const l of body.labels) {
      expect(l.lon).toBeGreaterThanOrEqual(-3.06);
      expect(l.lon).toBeLessThanOrEqual(-2.94);
    }
    // Setting names (pubs, schools) start at 14.5 and 15.
    expect(body.labels.filter((l) => l.kind === 'pub' || l.kind === 'school')).toEqual([]);
    const close = await labels(NEWPORT_13, 15.5);
    expect(close.labels.some((l) => l.kind === 'school')).toBe(true);
    expect(close.labels.some((l) => l.kind === 'pub')).toBe(true);
  });

  it('refuses a malformed view and callers who are not signed in', async () => {
    expect((await analyst.request('/api/base-map/labels?bbox=1,2,3&zoom=9')).status).toBe(400);
    expect((await app.request(`/api/base-map/labels?bbox=${GWENT_9}&zoom=9`)).status).toBe(401);
  });

  it('keeps the policy strict by default and allows a configured tile origin only while set', async () => {
    const strict = (await analyst.request('/api/base-map')).headers.get('content-security-policy') ?? '';
    expect(strict).toContain("connect-src 'self' data: blob:");
    expect(strict).not.toContain('tiles.example.gov.uk');
    expect(await (await analyst.request('/api/base-map')).json()).toEqual({ baseMap: { kind: 'offline' } });

    const template = 'https://tiles.example.gov.uk/raster/{z}/{x}/{y}.png';
    expect((await analyst.request('/api/base-map', put({ kind: 'raster', url: template }))).status).toBe(403);
    const saved = await admin.request('/api/base-map', put({ kind: 'raster', url: template, attribution: '© Crown' }));
    expect(saved.status).toBe(200);
    const csp = (await analyst.request('/api/base-map')).headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
    expect(directive('connect-src')).toContain('https://tiles.example.gov.uk');
    expect(directive('img-src')).toContain('https://tiles.example.gov.uk');
    expect(directive('script-src')).not.toContain('tiles.example.gov.uk');
    expect(await (await analyst.request('/api/base-map')).json()).toEqual({
      baseMap: { kind: 'raster', url: template, attribution: '© Crown' },
    });

    expect((await admin.request('/api/base-map', put({ kind: 'offline' }))).status).toBe(200);
    const after = (await analyst.request('/api/base-map')).headers.get('content-security-policy') ?? '';
    expect(after).not.toContain('tiles.example.gov.uk');
  });

  it('refuses unusable settings', async () => {
    const bad = [
      { kind: 'raster', url: 'https://tiles.example.gov.uk/tile.png' }, // no {z}/{x}/{y}
      { kind: 'raster', url: 'ftp://tiles.example.gov.uk/{z}/{x}/{y}.png' },
      { kind: 'pmtiles', file: 'absent.pmtiles' },
      { kind: 'pmtiles', file: '../secret.pmtiles' },
    ];
    for (const body of bad) expect((await admin.request('/api/base-map', put(body))).status).toBe(400);
  });

  it('serves a dropped PMTiles file in byte ranges, from the data folder only', async () => {
    const files = await (await admin.request('/api/base-map/files')).json();
    expect(files).toMatchObject({ files: ['gwent.pmtiles'] });
    expect((await admin.request('/api/base-map', put({ kind: 'pmtiles', file: 'gwent.pmtiles' }))).status).toBe(200);
    const head = await analyst.request('/api/base-map/pmtiles/gwent.pmtiles', { headers: { range: 'bytes=0-126' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toMatch(/^bytes 0-126\/\d+$/);
    const bytes = Buffer.from(await head.arrayBuffer());
    expect(bytes.length).toBe(127);
    expect(bytes.subarray(0, 7).toString('ascii')).toBe('PMTiles');
    // The CSP stays strict: the app serves the file itself.
    expect(head.headers.get('content-security-policy')).toContain("connect-src 'self' data: blob:;");
    expect((await analyst.request('/api/base-map/pmtiles/other.pmtiles')).status).toBe(404);
    expect((await analyst.request('/api/base-map/pmtiles/..%2Fx.pmtiles')).status).toBe(400);
    expect((await app.request('/api/base-map/pmtiles/gwent.pmtiles')).status).toBe(401);
  });
});

function put(body: unknown): RequestInit {
  return { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
