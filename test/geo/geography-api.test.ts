import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { appAs, as, createTestUser } from '../helpers/auth.js';
import { setState } from '../../server/db/app-state.js';
import { cellToParent } from 'h3-js';
import { areaCover, populationByLad } from '../../server/db/areas.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';
import { localAuthorities } from '../../server/geo/geodata.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

const GWENT = 'W15000002';
const GWENT_LADS = ['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022'];
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const newportSquare = {
  type: 'Polygon',
  coordinates: [
    [
      [-3.02, 51.57],
      [-2.96, 51.57],
      [-2.96, 51.61],
      [-3.02, 51.61],
      [-3.02, 51.57],
    ],
  ],
};

describe.each(backends)('geography on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof as>;
  const get = async <T>(path: string) => {
    const res = await app.request(path);
    expect(res.status, `${path}: ${res.status}`).toBe(200);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    t = await backend.open();
    expect(await loadGeodataOnce(t.db)).toBe(true);
    ({ api: app } = await appAs(t.db));
  });
  afterAll(async () => t?.dispose());

  it('apportions population so every LAD adds up to its mid-2020 total (within 0.5%) at every stored resolution', async () => {
    const totals = new Map(localAuthorities().features.map((f) => [f.properties.code, f.properties.population]));
    for (const res of [9, 8, 7]) {
      const byLad = await populationByLad(t.db, res);
      expect(Object.keys(byLad).sort()).toEqual([...totals.keys()].sort());
      for (const [lad, population] of Object.entries(byLad)) {
        const error = Math.abs(population - totals.get(lad)!) / totals.get(lad)!;
        expect([lad, res, error < 0.005]).toEqual([lad, res, true]);
      }
    }
  });

  it('loads geodata once, and again only when the files change, keeping user partnerships', async () => {
    expect(await loadGeodataOnce(t.db)).toBe(false);
    const created = await app.request('/api/partnerships', json({ name: 'Keep me', lads: ['W06000022'] }));
    expect(created.status).toBe(201);
    await setState(t.db, 'geodata_version', 'older');
    expect(await loadGeodataOnce(t.db)).toBe(true);
    const { partnerships } = await get<{ partnerships: { name: string; seeded: boolean }[] }>('/api/partnerships');
    expect(partnerships.filter((p) => p.seeded)).toHaveLength(29);
    expect(partnerships.some((p) => p.name === 'Keep me' && !p.seeded)).toBe(true);
  });

  it('serves boundaries and area lists, optionally within a force area', async () => {
    const lads = await get<{ features: { properties: { code: string; parentCode: string } }[] }>(
      `/api/boundaries/lad?within=pfa:${GWENT}`,
    );
    expect(lads.features.map((f) => f.properties.code).sort()).toEqual(GWENT_LADS);
    const lsoas = await get<{ areas: { code: string }[] }>(`/api/areas?level=lsoa&within=pfa:${GWENT}`);
    expect(lsoas.areas).toHaveLength(368); // SOURCES.md: Gwent has 368 LSOAs (2011)
    const pfas = await get<{ features: unknown[] }>('/api/boundaries/pfa');
    expect(pfas.features).toHaveLength(43);
    const welsh = await get<{ areas: { code: string; nameWelsh: string | null }[] }>('/api/areas?level=lad');
    expect(welsh.areas.find((a) => a.code === 'W06000022')).toMatchObject({ nameWelsh: 'Casnewydd' });
    expect((await app.request('/api/boundaries/ward')).status).toBe(400);
    expect((await app.request('/api/boundaries/lad?within=pfa:W15000009')).status).toBe(404);
  });

  it('seeds a partnership per Welsh LAD, per force area and the Wales VRU area, with populations', async () => {
    const { partnerships } = await get<{
      partnerships: {
        id: number;
        name: string;
        category: string;
        lads: string[];
        population: number;
        bbox: number[];
      }[];
    }>('/api/partnerships');
    const seeded = (c: string) => partnerships.filter((p) => p.category === c);
    expect(seeded('lad')).toHaveLength(22);
    expect(
      seeded('force')
        .map((p) => p.name)
        .sort(),
    ).toEqual([
      'Avon and Somerset force area',
      'Dyfed-Powys force area',
      'Gloucestershire force area',
      'Gwent force area',
      'North Wales force area',
      'South Wales force area',
    ]);
    const vru = seeded('vru')[0]!;
    expect(vru.lads).toHaveLength(22);
    const walesPopulation = localAuthorities()
      .features.filter((f) => f.properties.code.startsWith('W'))
      .reduce((a, f) => a + f.properties.population, 0);
    expect(Math.abs(vru.population - walesPopulation) / walesPopulation).toBeLessThan(0.005);
    const gwent = partnerships.find((p) => p.name === 'Gwent force area')!;
    expect(gwent.lads).toEqual(GWENT_LADS);
    const [w, s, e, n] = gwent.bbox;
    expect(w).toBeCloseTo(-3.34, 1);
    expect(e).toBeCloseTo(-2.65, 1);
    expect(s).toBeGreaterThan(51.45);
    expect(n).toBeLessThan(51.99);
    const one = await get<{ partnership: { outline: { geometry: { type: string } } } }>(
      `/api/partnerships/${gwent.id}`,
    );
    expect(['Polygon', 'MultiPolygon']).toContain(one.partnership.outline.geometry.type);
  });

  it('creates partnerships from LADs and from a polygon, and refuses bad ones with a reason', async () => {
    const fromLads = await app.request(
      '/api/partnerships',
      json({ name: 'Newport and Torfaen', lads: ['W06000022', 'W06000020'] }),
    );
    expect(fromLads.status).toBe(201);
    const { partnership } = (await fromLads.json()) as { partnership: { lads: string[]; population: number } };
    expect(partnership.lads).toEqual(['W06000020', 'W06000022']);
    const expected = localAuthorities()
      .features.filter((f) => partnership.lads.includes(f.properties.code))
      .reduce((a, f) => a + f.properties.population, 0);
    expect(Math.abs(partnership.population - expected) / expected).toBeLessThan(0.005);

    const fromPolygon = await app.request(
      '/api/partnerships',
      json({ name: 'Newport centre', geometry: newportSquare }),
    );
    expect(fromPolygon.status).toBe(201);
    const drawn = ((await fromPolygon.json()) as { partnership: { kind: string; population: number } }).partnership;
    expect(drawn.kind).toBe('polygon');
    expect(drawn.population).toBeGreaterThan(20_000);
    expect(drawn.population).toBeLessThan(120_000);

    const bad = async (body: unknown, status: number, message: RegExp) => {
      const res = await app.request('/api/partnerships', json(body));
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    };
    await bad({ name: 'Newport centre', geometry: newportSquare }, 409, /already exists/);
    await bad(
      {
        name: 'Bowtie',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-3.02, 51.57],
              [-2.96, 51.61],
              [-2.96, 51.57],
              [-3.02, 51.61],
              [-3.02, 51.57],
            ],
          ],
        },
      },
      400,
      /intersects itself/,
    );
    await bad(
      {
        name: 'BNG',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [331000, 187000],
              [335000, 187000],
              [335000, 191000],
              [331000, 187000],
            ],
          ],
        },
      },
      400,
      /British National Grid/,
    );
    await bad(
      {
        name: 'Paris',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [2.3, 48.8],
              [2.4, 48.8],
              [2.4, 48.9],
              [2.3, 48.8],
            ],
          ],
        },
      },
      400,
      /outside England and Wales/,
    );
    await bad({ name: 'Nowhere', lads: ['W06000099'] }, 400, /unknown local authority code: W06000099/);
  });

  it('filters cells to a partnership or LAD cover and gives population and rates', async () => {
    const report = await importPaths(t.db, [policeUkFile('gwent', '2024-01')], { kind: 'police-uk', name: 'Gwent' });
    const { partnerships } = await get<{ partnerships: { id: number; name: string }[] }>('/api/partnerships');
    const newport = partnerships.find((p) => p.name === 'Newport CSP')!;
    type Cells = { cells: { h3: string; count: number; population: number | null; rate: number | null }[] };
    const q = `/api/cells?datasets=${report.datasetId}&res=9&from=2024-01&to=2024-01`;
    const all = await get<Cells>(q);
    const inNewport = await get<Cells>(`${q}&area=partnership:${newport.id}`);
    const byLad = await get<Cells>(`${q}&area=lad:W06000022`);
    expect(inNewport.cells).toEqual(byLad.cells);
    expect(inNewport.cells.length).toBeGreaterThan(100);
    expect(inNewport.cells.length).toBeLessThan(all.cells.length);
    // Independently: incidents in Newport by point-in-polygon, against cells by centre.
    const [pip] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from incidents where dataset_id = $1 and lad_code = 'W06000022'`,
      [report.datasetId],
    );
    const byCover = inNewport.cells.reduce((a, c) => a + c.count, 0);
    expect(Math.abs(byCover - pip!.n) / pip!.n).toBeLessThan(0.03);
    for (const c of inNewport.cells) {
      expect(c.population).not.toBeNull();
      if (c.population! > 0) expect(c.rate).toBeCloseTo((c.count / c.population!) * 1000, 9);
    }
    const fine = await get<Cells>(
      `/api/cells?datasets=${report.datasetId}&res=10&from=2024-01&to=2024-01&area=partnership:${newport.id}`,
    );
    // Resolution 10: the incidents whose resolution-10 cell's parent is in the resolution-9 cover
    // (H3 cells do not nest exactly, so this is not quite the resolution-9 count).
    const cover9 = new Set(await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 9));
    const r10 = await t.db.query<{ h3: string }>('select h3_r10 as h3 from incidents where dataset_id = $1', [
      report.datasetId,
    ]);
    const inRegion = r10.filter((r) => cover9.has(cellToParent(r.h3, 9))).length;
    expect(fine.cells.reduce((a, c) => a + c.count, 0)).toBe(inRegion);
    for (const c of fine.cells) expect(cover9.has(cellToParent(c.h3, 9))).toBe(true);
  });

  it('serves the bundled place layers with their notes, by type and bounding box', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../../geodata/manifest.json', import.meta.url), 'utf8'));
    const places = JSON.parse(
      gunzipSync(readFileSync(new URL('../../geodata/places.geojson.gz', import.meta.url))).toString(),
    ) as { features: { properties: { type: string } }[] };
    const { types } = await get<{
      types: { type: string; count: number; proxy: boolean; note: string | null; label: string }[];
    }>('/api/places/types');
    for (const type of ['school', 'licensed-premises', 'prison', 'hospital-ed'])
      expect(types.find((x) => x.type === type)?.count).toBe(
        places.features.filter((f) => f.properties.type === type).length,
      );
    expect(types.find((x) => x.type === 'hospital-ed')).toMatchObject({
      proxy: true,
      note: expect.stringMatching(/stroke hospital list standing in/),
    });
    expect(manifest.places).toBeDefined();
    const gwentSchools = await get<{ places: { type: string; lng: number; lat: number }[]; truncated: boolean }>(
      '/api/places?types=school&bbox=-3.34,51.48,-2.65,51.99',
    );
    expect(gwentSchools.places.length).toBeGreaterThan(150);
    for (const p of gwentSchools.places) expect(p.type).toBe('school');
    for (const p of gwentSchools.places) expect(p.lng).toBeGreaterThanOrEqual(-3.34);
    const prisons = await get<{ places: { type: string; name: string }[] }>(
      '/api/places?type=prison&bbox=-3.34,51.48,-2.65,51.99',
    );
    expect(prisons.places.map((p) => p.name)).toEqual(expect.arrayContaining([expect.stringMatching(/Usk/)]));
    for (const p of prisons.places) expect(p.type).toBe('prison');
  });

  it('takes user place layers by lat/lng, BNG or postcode, reporting bad rows, and hides restricted settings', async () => {
    const upload = (file: string, name: string, fields: Record<string, string>) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      body.append('file', new Blob([file]), name);
      return app.request('/api/places', { method: 'POST', body });
    };
    const csv = [
      'name,postcode,opening',
      'Youth centre,NP20 1AA,evenings',
      'Club,XX1 1XX,late',
      ',NP20 1AB,x',
      'Hall,NP10 0AA,day',
    ].join('\n');
    const res = await upload(csv, 'centres.csv', { layer: 'Youth provision', type: 'custom' });
    expect(res.status).toBe(201);
    const { report } = (await res.json()) as {
      report: { rowsAccepted: number; rejections: { line: number; reason: string }[] };
    };
    expect(report.rowsAccepted).toBe(2);
    expect(report.rejections).toEqual([
      {
        file: 'centres.csv',
        line: 3,
        rule: 'unknown postcode',
        reason: expect.stringMatching(/^unknown postcode "XX1 1XX"/),
      },
      { file: 'centres.csv', line: 4, rule: 'no name', reason: 'no name' },
    ]);
    const bng = await upload('name,easting,northing\nDepot,327201,188959\nSea,100,100\n', 'bng.csv', {
      layer: 'Depots',
    });
    expect(((await bng.json()) as { report: { rejections: { reason: string }[] } }).report.rejections).toEqual([
      expect.objectContaining({ line: 3, reason: 'outside England and Wales' }),
    ]);
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Refuge A' }, geometry: { type: 'Point', coordinates: [-3.0, 51.59] } },
      ],
    });
    const refuges = await upload(geojson, 'refuges.geojson', { layer: 'Refuges', type: 'refuge' });
    expect(refuges.status).toBe(201);
    const { layerId } = ((await refuges.json()) as { report: { layerId: number } }).report;
    // The uploader's partnership holds the refuge layer; another partnership sees it only once granted.
    const { places } = await get<{ places: { name: string }[] }>('/api/places?types=custom,refuge');
    expect(places.map((p) => p.name).sort()).toEqual(['Depot', 'Hall', 'Refuge A', 'Youth centre']);
    const other = as(createApp(t.db), await createTestUser(t.db, { role: 'analyst', scopes: ['partnership:2'] }));
    const names = async () =>
      ((await (await other.request('/api/places?types=custom,refuge')).json()) as { places: { name: string }[] }).places
        .map((p) => p.name)
        .sort();
    const types = async () =>
      ((await (await other.request('/api/places/types')).json()) as { types: { type: string }[] }).types.map(
        (x) => x.type,
      );
    expect(await names()).toEqual(['Depot', 'Hall', 'Youth centre']);
    expect(await types()).not.toContain('refuge');
    const grant = await app.request(
      '/api/grants',
      json({
        placeLayerId: layerId,
        granteeScope: 'partnership:2',
        purpose: 'Safeguarding review near hotspots',
        expiresAt: '2099-01-01',
      }),
    );
    expect(grant.status).toBe(201);
    expect(await names()).toEqual(['Depot', 'Hall', 'Refuge A', 'Youth centre']);
    expect(await types()).toContain('refuge');
    const bad = await upload('title,notes\nA,b\n', 'nothing.csv', { layer: 'X' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/nothing\.csv: no position columns/);
  });
});
