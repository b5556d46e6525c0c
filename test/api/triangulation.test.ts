/**
 * Triangulation of police-recorded and hospital (ED) violence: the real Gwent police.uk data
 * (2023-07..2024-06) with the synthetic ISTV ED data, whose generator planted ED-only clusters
 * (geodata/sample/restricted/planted-clusters.json), and a police-only cluster planted here in
 * the police data, where the ED data has nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import binomialTest from '@stdlib/stats-binomial-test';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../server/analysis/fdr.js';
import { areaCover } from '../../server/db/areas.js';
import { expandGroups } from '../../server/domain/offence-groups.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { appAs, type as } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { checkReleased, trueCountsAndKeys } from '../helpers/disclosure.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

const MONTHS = [
  '2023-07',
  '2023-08',
  '2023-09',
  '2023-10',
  '2023-11',
  '2023-12',
  '2024-01',
  '2024-02',
  '2024-03',
  '2024-04',
  '2024-05',
  '2024-06',
];
const ED_FILE = `${process.cwd()}/geodata/sample/restricted/istv-ed-gwent-south-wales.csv.gz`;
const PLANTED = JSON.parse(
  readFileSync(`${process.cwd()}/geodata/sample/restricted/planted-clusters.json`, 'utf8'),
) as { clusters: { id: string; force: string; lat: number; lng: number }[] };
/** A police-only cluster: 80 violence records in a rural Monmouthshire cell near Raglan, with no ED record within two rings. */
const POLICE_ONLY = latLngToCell(51.76, -2.8, 8);
const POLICE_ONLY_COUNT = 80;

interface Body {
  restricted: boolean;
  threshold: number | null;
  edShare: number | null;
  cells: {
    h3: string;
    lad: string | null;
    police: number | null;
    ed: number | null;
    class: string | null;
    p: number | null;
    q: number | null;
    policeLevel: number;
    edLevel: number;
  }[];
  areas: { lad: string; police: number | null; ed: number | null; class: string | null }[];
  classCells: Record<string, { h3: string; nearest: Record<string, unknown> }[]>;
  breakdown: {
    edTotal: number | null;
    bySetting: { value: string; count: number | null }[];
    byWeapon: { value: string; count: number | null }[];
    nightTimeEconomy: { ed: { nightTimeEconomy: number | null; rest: number | null } | null; police: unknown };
  };
  error?: string;
}

describe.each(backends)('GET /api/triangulation on $name', (backend) => {
  let t: TestDb;
  let api: ReturnType<typeof as>;
  const ids = { gwent: 0, planted: 0, ed: 0, edPublic: 0 };
  let body: Body;
  const path = (police: number[], ed: number[], extra = '') =>
    `/api/triangulation?police=${police.join(',')}&ed=${ed.join(',')}&from=2023-07&to=2024-06&res=8&area=pfa:W15000002${extra}`;

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    const owner = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    ({ api } = await appAs(t.db, { scopes: [owner] }));
    ids.gwent = (
      await importPaths(
        t.db,
        MONTHS.map((m) => policeUkFile('gwent', m)),
        { kind: 'police-uk', name: 'Gwent' },
      )
    ).datasetId;
    const [lat, lng] = cellToLatLng(POLICE_ONLY);
    const header =
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const rows = Array.from(
      { length: POLICE_ONLY_COUNT },
      (_, i) =>
        `police-only-${i},2024-0${1 + (i % 6)},Gwent Police,Gwent Police,${lng.toFixed(6)},${lat.toFixed(6)},On or near planted,,,Violence and sexual offences,Under investigation,`,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'hotspot-tri-')), '2024-01-planted-street.csv');
    writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    ids.planted = (await importPaths(t.db, [file], { kind: 'police-uk', name: 'Planted police-only' })).datasetId;
    ids.ed = (
      await importPaths(t.db, [ED_FILE], {
        kind: 'incidents',
        name: 'ED',
        mapping: resolveMapping('istv-ed'),
        sensitivity: 'restricted',
        threshold: 5,
        basis: 's16',
        ownerScope: owner,
      })
    ).datasetId;
    // The same ED file as public data, only to check the test statistics against the released counts.
    ids.edPublic = (
      await importPaths(t.db, [ED_FILE], {
        kind: 'incidents',
        name: 'ED (public copy for the test)',
        mapping: resolveMapping('istv-ed'),
        sensitivity: 'public',
        threshold: 0,
        basis: 'public',
      })
    ).datasetId;
    const res = await api.request(path([ids.gwent, ids.planted], [ids.ed]));
    body = (await res.json()) as Body;
    expect(res.status, body.error).toBe(200);
  }, 300_000);
  afterAll(async () => t?.dispose());

  it('finds the planted ED-only clusters as ED excess, and the planted police-only cluster as police excess', () => {
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    const gwentClusters = PLANTED.clusters.filter((c) => c.force === 'Gwent Police');
    expect(gwentClusters.length).toBe(3);
    for (const cluster of gwentClusters) {
      const cell = byCell.get(latLngToCell(cluster.lat, cluster.lng, 8))!;
      expect(cell.class, cluster.id).toBe('ed-excess');
      expect(cell.edLevel, cluster.id).toBe(2);
      expect(
        body.classCells['ed-excess']!.map((c) => c.h3),
        cluster.id,
      ).toContain(cell.h3);
    }
    const policeOnly = byCell.get(POLICE_ONLY)!;
    expect(policeOnly.class).toBe('police-excess');
    expect(policeOnly.police).toBeGreaterThanOrEqual(POLICE_ONLY_COUNT);
    expect(policeOnly.policeLevel).toBe(2);
    expect(body.classCells['police-excess']!.map((c) => c.h3)).toContain(POLICE_ONLY);
    // Each listed cell carries the settings near it (types within 300 m).
    expect(body.classCells['ed-excess']!.every((c) => typeof c.nearest === 'object')).toBe(true);
  });

  it('releases restricted data only as released counts, and computes every test from them alone', async () => {
    expect(body.restricted).toBe(true);
    const cover = await areaCover(t.db, { kind: 'pfa', code: 'W15000002' }, 8);
    expect(body.cells.map((c) => c.h3).sort()).toEqual([...cover].sort());
    const truth = await trueCountsAndKeys(
      t.db,
      'h3_r8',
      `dataset_id = $1 and month between '2023-07-01' and '2024-06-01'`,
      [ids.ed],
    );
    let withheld = 0;
    for (const c of body.cells) {
      if (c.ed === null) withheld++;
      else expect(c.ed === 0 || c.ed >= 5, c.h3).toBe(true);
      if (truth.has(c.h3)) checkReleased(c.ed, truth.get(c.h3)!, 5, c.h3);
    }
    expect(withheld).toBeGreaterThan(10);
    // The share test redone by a reader from the released counts alone (a withheld count as 3,
    // the middle of 1..4): the answer is that, and nothing computed from the true counts.
    const v = (n: number | null) => n ?? 3;
    const P = body.cells.reduce((a, c) => a + v(c.police), 0);
    const E = body.cells.reduce((a, c) => a + v(c.ed), 0);
    expect(body.edShare).toBeCloseTo(E / (E + P), 12);
    const tested = body.cells.filter((c) => v(c.police) + v(c.ed) > 0);
    const p = tested.map((c) => binomialTest(v(c.ed), v(c.police) + v(c.ed), { p: E / (E + P) }).pValue);
    const q = benjaminiHochberg(Float64Array.from(p));
    tested.forEach((c, i) => {
      expect(c.p, c.h3).toBeCloseTo(p[i]!, 12);
      expect(c.q, c.h3).toBeCloseTo(q[i]!, 12);
    });
    for (const row of [...body.breakdown.bySetting, ...body.breakdown.byWeapon])
      if (row.count !== null) expect(row.count === 0 || row.count >= 5, row.value).toBe(true);
  });

  it('computes the share test on the counts as a public run shows them (exact binomial, FDR)', async () => {
    const res = await api.request(path([ids.gwent, ids.planted], [ids.edPublic]));
    const open = (await res.json()) as Body;
    expect(open.restricted).toBe(false);
    const P = open.cells.reduce((a, c) => a + c.police!, 0);
    const E = open.cells.reduce((a, c) => a + c.ed!, 0);
    expect(open.edShare).toBeCloseTo(E / (E + P), 12);
    const tested = open.cells.filter((c) => c.police! + c.ed! > 0);
    const p = tested.map((c) => binomialTest(c.ed!, c.police! + c.ed!, { p: E / (E + P) }).pValue);
    const q = benjaminiHochberg(Float64Array.from(p));
    tested.forEach((c, i) => {
      expect(c.p, c.h3).toBeCloseTo(p[i]!, 12);
      expect(c.q, c.h3).toBeCloseTo(q[i]!, 12);
      if (q[i]! < 0.05)
        expect(c.class, c.h3).toBe(c.ed! / (c.ed! + c.police!) > E / (E + P) ? 'ed-excess' : 'police-excess');
    });
    // Area by area: each local authority's totals are the incidents the import placed in it (lad_code).
    // Police: violence and sexual offences (the default); ED: every group.
    const inLad = async (datasets: number[], lad: string, groups: string[] | null) =>
      (
        await t.db.query<{ n: number }>(
          `select count(*)::int as n from incidents where dataset_id = any($1::int[]) and lad_code = $2
              and month between '2023-07-01' and '2024-06-01' and ($3::text[] is null or offence_group = any($3::text[]))`,
          [datasets, lad, groups],
        )
      )[0]!.n;
    for (const lad of open.areas) {
      expect(lad.police, lad.lad).toBe(
        await inLad([ids.gwent, ids.planted], lad.lad, expandGroups(['violence-sexual'])),
      );
      expect(lad.ed, lad.lad).toBe(await inLad([ids.edPublic], lad.lad, null));
    }
    expect(open.areas.map((a) => a.lad)).toEqual(['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022']);
    // By setting and weapon, and the night-time economy against the rest, adding up to the total.
    expect(open.breakdown.bySetting.reduce((a, r) => a + r.count!, 0)).toBe(E);
    expect(open.breakdown.byWeapon.reduce((a, r) => a + r.count!, 0)).toBe(E);
    expect(open.breakdown.nightTimeEconomy.ed!.nightTimeEconomy! + open.breakdown.nightTimeEconomy.ed!.rest!).toBe(E);
    expect(open.breakdown.nightTimeEconomy.police).toBeNull(); // police.uk has no times
    const nte = await trueCountsAndKeys(
      t.db,
      `'all'`,
      `dataset_id = $1 and month between '2023-07-01' and '2024-06-01' and h3_r8 = any($2::text[])
      and ((extract(isodow from occurred_on) in (5, 6) and extract(hour from occurred_time) >= 22) or (extract(isodow from occurred_on) in (6, 7) and extract(hour from occurred_time) < 4))`,
      [ids.edPublic, open.cells.map((c) => c.h3)],
    );
    expect(open.breakdown.nightTimeEconomy.ed!.nightTimeEconomy).toBe(nte.get('all')!.count);
  });

  it('filters the ED records by setting and weapon', async () => {
    const res = await api.request(
      path([ids.gwent], [ids.edPublic], '&settings=licensed premises&weapons=glass/bottle'),
    );
    const filtered = (await res.json()) as Body;
    expect(res.status, filtered.error).toBe(200);
    expect(filtered.breakdown.bySetting.map((r) => r.value)).toEqual(['licensed premises']);
    expect(filtered.breakdown.byWeapon.map((r) => r.value)).toEqual(['glass/bottle']);
    const truth = await trueCountsAndKeys(
      t.db,
      `'all'`,
      `dataset_id = $1 and month between '2023-07-01' and '2024-06-01' and setting = 'licensed premises' and weapon = 'glass/bottle' and h3_r8 = any($2::text[])`,
      [ids.edPublic, filtered.cells.map((c) => c.h3)],
    );
    expect(filtered.breakdown.edTotal).toBe(truth.get('all')!.count);
  });

  it('refuses what cannot be answered, saying why', async () => {
    const nte = await api.request(path([ids.gwent], [ids.ed], '&nte=true'));
    expect(nte.status).toBe(400);
    expect(((await nte.json()) as Body).error).toBe(
      'the night-time economy filter needs times: "Gwent" has month precision',
    );
    const twice = await api.request(path([ids.ed], [ids.ed]));
    expect(twice.status).toBe(400);
    expect(((await twice.json()) as Body).error).toMatch(/given as both police and ED data/);
    const badSetting = await api.request(path([ids.gwent], [ids.ed], '&settings=nightclub'));
    expect(badSetting.status).toBe(400);
    expect(((await badSetting.json()) as Body).error).toMatch(/unknown setting/);
  });

  it('exports the cells for the SNA pack: CSV with ONS codes and a BOM for Excel, GeoJSON for GIS, each audited', async () => {
    const csvRes = await api.request(
      path([ids.gwent, ids.planted], [ids.ed]).replace('/api/triangulation?', '/api/triangulation/export/cells.csv?'),
    );
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toBe(
      'attachment; filename="triangulation-pfa-W15000002-2023-07-2024-06.csv"',
    );
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(body.cells.length);
    expect(Object.keys(rows[0]!)).toEqual([
      'h3',
      'lad_code',
      'lad_name',
      'pfa_code',
      'police_count',
      'ed_count',
      'police_level',
      'ed_level',
      'police_gi_class',
      'ed_gi_class',
      'class',
      'p',
      'q',
    ]);
    const byCell = new Map(body.cells.map((c) => [c.h3, c]));
    for (const row of rows) {
      const cell = byCell.get(row.h3!)!;
      expect(row.ed_count, row.h3).toBe(cell.ed === null ? 'suppressed' : String(cell.ed));
      if (row.ed_count !== 'suppressed') expect(Number(row.ed_count) === 0 || Number(row.ed_count) >= 5).toBe(true);
      expect(row.pfa_code).toBe('W15000002');
      expect(row.lad_code).toMatch(/^W060000(18|19|20|21|22)$/);
      // p as the route gives it: computed from the released counts.
      if (cell.p === null) expect(row.p, row.h3).toBe('');
      else expect(Number(row.p), row.h3).toBeCloseTo(cell.p, 12);
    }
    expect(rows.find((r) => r.h3 === POLICE_ONLY)).toMatchObject({
      lad_code: 'W06000021',
      lad_name: 'Monmouthshire',
      class: 'police-excess',
    });

    const geoRes = await api.request(
      path([ids.gwent, ids.planted], [ids.ed]).replace(
        '/api/triangulation?',
        '/api/triangulation/export/cells.geojson?',
      ),
    );
    expect(geoRes.headers.get('content-type')).toBe('application/geo+json');
    const geo = (await geoRes.json()) as {
      type: string;
      metadata: { restricted: boolean };
      features: {
        properties: { h3: string; ed: number | null; ladName: string | null };
        geometry: { type: string; coordinates: number[][][] };
      }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.metadata.restricted).toBe(true);
    expect(geo.features.length).toBe(body.cells.length);
    for (const f of geo.features.slice(0, 50)) {
      expect(f.geometry.type).toBe('Polygon');
      const ring = f.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
      expect(
        latLngToCell(
          ring.slice(0, -1).reduce((a, p) => a + p[1]!, 0) / (ring.length - 1),
          ring.slice(0, -1).reduce((a, p) => a + p[0]!, 0) / (ring.length - 1),
          8,
        ),
      ).toBe(f.properties.h3);
    }
    const audited = await t.db.query<{ summary: { format: string } }>(
      `select summary from audit_log where action = 'export' order by id`,
    );
    expect(audited.map((a) => a.summary.format)).toEqual(['cells.csv', 'cells.geojson']);
  });

  it('exports a GeoPackage that reads back: three layers in WGS84, every cell, the local authorities and the settings', async () => {
    const res = await api.request(
      path([ids.gwent, ids.planted], [ids.ed]).replace('/api/triangulation?', '/api/triangulation/export/pack.gpkg?'),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geopackage+sqlite3');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const SQL = await initSqlJs();
    const gpkg = new SQL.Database(bytes);
    const one = (sql: string) => gpkg.exec(sql)[0]!.values;
    expect(one('pragma application_id')[0]![0]).toBe(0x47504b47);
    expect(one('select table_name, data_type, srs_id from gpkg_contents order by table_name')).toEqual([
      ['areas', 'features', 4326],
      ['cells', 'features', 4326],
      ['settings', 'features', 4326],
    ]);
    expect(one('select table_name, geometry_type_name from gpkg_geometry_columns order by table_name')).toEqual([
      ['areas', 'MULTIPOLYGON'],
      ['cells', 'POLYGON'],
      ['settings', 'POINT'],
    ]);
    expect(one('select organization, organization_coordsys_id from gpkg_spatial_ref_sys where srs_id = 4326')).toEqual([
      ['EPSG', 4326],
    ]);
    expect(one('select count(*) from cells')[0]![0]).toBe(body.cells.length);
    expect(one('select count(*) from areas')[0]![0]).toBe(5);
    expect(Number(one('select count(*) from settings')[0]![0])).toBeGreaterThan(100);
    expect(one(`select class, lad_name from cells where h3 = '${POLICE_ONLY}'`)).toEqual([
      ['police-excess', 'Monmouthshire'],
    ]);
    // Withheld ED counts are NULL, never 1 to 4.
    expect(one('select count(*) from cells where ed_count between 1 and 4')[0]![0]).toBe(0);
    expect(Number(one('select count(*) from cells where ed_count is null')[0]![0])).toBeGreaterThan(10);
    // A geometry blob: "GP", version 0, little endian with an xy envelope, srs 4326, then WKB polygon.
    const blob = one(`select geom from cells where h3 = '${POLICE_ONLY}'`)[0]![0] as Uint8Array;
    const view = new DataView(blob.buffer, blob.byteOffset);
    expect([blob[0], blob[1], blob[2], blob[3]]).toEqual([0x47, 0x50, 0, 3]);
    expect(view.getInt32(4, true)).toBe(4326);
    expect([blob[40], view.getUint32(41, true), view.getUint32(45, true), view.getUint32(49, true)]).toEqual([
      1, 3, 1, 7,
    ]); // one ring of 6 corners, closed
    const [minX, maxX, minY, maxY] = [0, 1, 2, 3].map((i) => view.getFloat64(8 + i * 8, true));
    const [lat, lng] = cellToLatLng(POLICE_ONLY);
    expect(lng).toBeGreaterThan(minX!);
    expect(lng).toBeLessThan(maxX!);
    expect(lat).toBeGreaterThan(minY!);
    expect(lat).toBeLessThan(maxY!);
    gpkg.close();

    // And as GDAL reads it (QGIS and ArcGIS open GeoPackages through the same kind of reader), where installed.
    if (existsSync('/usr/bin/ogrinfo')) {
      const file = join(mkdtempSync(join(tmpdir(), 'hotspot-gpkg-')), 'pack.gpkg');
      writeFileSync(file, bytes);
      const info = execFileSync('/usr/bin/ogrinfo', ['-ro', '-so', '-al', file], { encoding: 'utf8' });
      for (const [layer, geometry, count] of [
        ['cells', 'Polygon', body.cells.length],
        ['areas', 'Multi Polygon', 5],
      ] as const) {
        const section = info.slice(info.indexOf(`Layer name: ${layer}`));
        expect(section, layer).toMatch(new RegExp(`Geometry: ${geometry}`));
        expect(section, layer).toMatch(new RegExp(`Feature Count: ${count}\\b`));
      }
      expect(info).toMatch(/ID\["EPSG",4326\]|AUTHORITY\["EPSG","4326"\]/);
      expect(info).toMatch(/ed_count: Integer/);
    }
  });

  it("describes the SNA chapter's data: legal basis and completeness of each source in the area, audited as an export", async () => {
    const res = await api.request(
      `/api/sna/report?datasets=${ids.gwent},${ids.ed}&from=2023-07&to=2024-06&area=pfa:W15000002&groups=violence-sexual`,
    );
    const report = (await res.json()) as {
      area: { name: string; wales: boolean };
      restricted: boolean;
      threshold: number;
      sources: {
        name: string;
        legalBasis: string;
        monthsCovered: number;
        months: { month: string; count: number | null; low: boolean }[];
      }[];
    };
    expect(res.status).toBe(200);
    expect(report.area).toMatchObject({ name: 'Gwent', wales: true });
    expect([report.restricted, report.threshold]).toEqual([true, 5]);
    const [gwent, edSource] = report.sources;
    expect(gwent!.legalBasis).toMatch(/^Open Government Licence/);
    expect(edSource!.legalBasis).toMatch(/section 16/);
    expect(gwent!.monthsCovered).toBe(12);
    expect(gwent!.months.map((m) => m.month)).toEqual(MONTHS);
    // The police months: the force's incidents by the local authority the import placed each in
    // (test/api/compare-lad-counts.test.ts checks those against R sf point-in-polygon).
    for (const [i, month] of MONTHS.entries()) {
      const [{ n }] = (await t.db.query<{ n: number }>(
        `select count(*)::int as n from incidents i join areas a on a.level = 'lad' and a.code = i.lad_code
          where dataset_id = $1 and offence_group = 'violence-sexual' and a.parent_code = 'W15000002'
            and to_char(month, 'YYYY-MM') = $2`,
        [ids.gwent, month],
      )) as [{ n: number }];
      expect(gwent!.months[i]!.count, month).toBe(n);
    }
    expect(gwent!.months.some((m) => m.low)).toBe(false);
    for (const m of edSource!.months) if (m.count !== null) expect(m.count === 0 || m.count >= 5).toBe(true);
    const audited = await t.db.query<{ summary: { format: string } }>(
      `select summary from audit_log where action = 'export' and summary->>'format' = 'sna-report'`,
    );
    expect(audited.length).toBe(1);
  });

  it('publishes a public summary only within its rules: coarse cells, restricted counts of 10 or more, checked before release', async () => {
    const fine = await api.request(
      path([ids.gwent], [ids.ed], '&public=true').replace(
        '/api/triangulation?',
        '/api/triangulation/export/pack.gpkg?',
      ),
    );
    expect(fine.status).toBe(422);
    expect(((await fine.json()) as Body & { problems: string[] }).problems).toEqual([
      'cells of resolution 8 are too fine for publication: use resolution 7 or coarser',
    ]);
    const res = await api.request(path([ids.gwent], [ids.ed], '&public=true').replace('res=8', 'res=7'));
    const summary = (await res.json()) as Body & { publicSummary: { minThreshold: number } };
    expect(res.status, summary.error).toBe(200);
    expect(summary.publicSummary.minThreshold).toBe(10);
    expect(summary.threshold).toBe(10);
    let withheld = 0;
    for (const c of summary.cells) {
      if (c.ed === null) withheld++;
      else expect(c.ed === 0 || c.ed >= 10, c.h3).toBe(true);
    }
    expect(withheld).toBeGreaterThan(0);
    for (const row of [...summary.breakdown.bySetting, ...summary.breakdown.byWeapon])
      if (row.count !== null) expect(row.count === 0 || row.count >= 10).toBe(true);
    // A refuge layer the partnership holds: in its own GeoPackage, never in a public one.
    const upload = new FormData();
    upload.set('layer', 'Refuges');
    upload.set('type', 'refuge');
    upload.append(
      'file',
      new Blob([
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { name: 'Refuge A' },
              geometry: { type: 'Point', coordinates: [-2.99, 51.59] },
            },
          ],
        }),
      ]),
      'refuges.geojson',
    );
    expect((await api.request('/api/places', { method: 'POST', body: upload })).status).toBe(201);
    const SQL = await initSqlJs();
    const own = await api.request(
      path([ids.gwent], [ids.ed]).replace('/api/triangulation?', '/api/triangulation/export/pack.gpkg?'),
    );
    const ownDb = new SQL.Database(new Uint8Array(await own.arrayBuffer()));
    expect(ownDb.exec(`select name from settings where type = 'refuge'`)[0]!.values).toEqual([['Refuge A']]);
    ownDb.close();
    const gpkg = await api.request(
      path([ids.gwent], [ids.ed], '&public=true')
        .replace('res=8', 'res=7')
        .replace('/api/triangulation?', '/api/triangulation/export/pack.gpkg?'),
    );
    expect(gpkg.status).toBe(200);
    const db = new SQL.Database(new Uint8Array(await gpkg.arrayBuffer()));
    expect(db.exec('select count(*) from cells where ed_count between 1 and 9')[0]!.values[0]![0]).toBe(0);
    expect(db.exec(`select count(*) from settings where type in ('refuge', 'childrens-home')`)[0]!.values[0]![0]).toBe(
      0,
    );
    expect(Number(db.exec(`select count(*) from settings`)[0]!.values[0]![0])).toBeGreaterThan(100);
    db.close();
  });
  it("makes the SNA chapter's other figures public too: summary, hot spots, trend and sources held to the rules, or refused", async () => {
    const area = 'pfa:W15000002';
    const sel = `datasets=${ids.ed}&from=2023-07&to=2024-06&groups=violence-sexual`;
    type Hot = { status: number; json(): Promise<unknown> };
    const read = async <T>(res: Hot) => ({
      status: res.status,
      body: (await res.json()) as T & {
        error?: string;
        problems?: string[];
        threshold: number | null;
        publicSummary: { checked: boolean } | null;
      },
    });
    // Cells finer than resolution 7 are refused before anything leaves the server, whatever the data.
    const fine = await read(await api.request(`/api/hotspots?${sel}&res=8&area=${area}&public=true`));
    expect(fine.status).toBe(422);
    expect(fine.body.problems).toEqual([
      'cells of resolution 8 are too fine for publication: use resolution 7 or coarser',
    ]);
    const fineSummary = await read(await api.request(`/api/areas/${area}/summary?${sel}&res=9&public=true`));
    expect(fineSummary.status).toBe(422);

    // Resolution 7: the analysts' version shows restricted counts from 5, the public one only from 10.
    type Cells = { cells: { h3: string; count: number | null }[] };
    const own = await read<Cells>(await api.request(`/api/hotspots?${sel}&res=7&area=${area}`));
    const pub = await read<Cells>(await api.request(`/api/hotspots?${sel}&res=7&area=${area}&public=true`));
    expect([own.status, pub.status]).toEqual([200, 200]);
    expect([own.body.threshold, pub.body.threshold]).toEqual([5, 10]);
    expect(own.body.publicSummary).toBeNull();
    expect(pub.body.publicSummary!.checked).toBe(true);
    // Released counts carry a perturbation of at most 2, so one of 5 to 7 is a true count under 10.
    const between = own.body.cells.filter((c) => c.count !== null && c.count >= 5 && c.count <= 7).map((c) => c.h3);
    expect(between.length).toBeGreaterThan(0);
    const pubCount = new Map(pub.body.cells.map((c) => [c.h3, c.count]));
    for (const h3 of between) expect(pubCount.get(h3) ?? 0, h3).not.toBeGreaterThan(0);
    for (const c of pub.body.cells) if (c.count !== null) expect(c.count === 0 || c.count >= 10, c.h3).toBe(true);

    // Settings near the priority locations: a refuge is named to the partnership, never in public.
    const upload = new FormData();
    upload.set('layer', 'Refuges (public-summary test)');
    upload.set('type', 'refuge');
    const [lat, lng] = cellToLatLng(
      pub.body.cells.filter((c) => c.count !== null).sort((a, b) => b.count! - a.count!)[0]!.h3,
    );
    upload.append(
      'file',
      new Blob([
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { name: 'Refuge B' }, geometry: { type: 'Point', coordinates: [lng, lat] } },
          ],
        }),
      ]),
      'refuges.geojson',
    );
    expect((await api.request('/api/places', { method: 'POST', body: upload })).status).toBe(201);
    type Summary = { count: number | null; priorities: { count: number | null; nearest: { type: string }[] }[] };
    const types = (b: Summary) => new Set(b.priorities.flatMap((p) => p.nearest.map((n) => n.type)));
    const ownSummary = await read<Summary>(await api.request(`/api/areas/${area}/summary?${sel}&res=7&within=3000`));
    const pubSummary = await read<Summary>(
      await api.request(`/api/areas/${area}/summary?${sel}&res=7&within=3000&public=true`),
    );
    expect([ownSummary.status, pubSummary.status]).toEqual([200, 200]);
    expect(types(ownSummary.body).has('refuge')).toBe(true);
    expect(types(pubSummary.body).has('refuge')).toBe(false);
    expect(types(pubSummary.body).size).toBeGreaterThan(2);
    for (const p of pubSummary.body.priorities) if (p.count !== null) expect(p.count === 0 || p.count >= 10).toBe(true);

    // Area totals: the trend and the sources' months, at the public threshold and audited as public.
    const trend = await read<{ series: { count: number | null }[] }>(
      await api.request(
        `/api/areas/${area}/trend?datasets=${ids.ed}&groups=violence-sexual&period=month&asOf=2024-06-30&periods=12&public=true`,
      ),
    );
    expect(trend.status, trend.body.error).toBe(200);
    expect(trend.body.threshold).toBe(10);
    for (const s of trend.body.series) if (s.count !== null) expect(s.count === 0 || s.count >= 10).toBe(true);
    const report = await read<{ sources: { threshold: number | null }[] }>(
      await api.request(
        `/api/sna/report?datasets=${ids.gwent},${ids.ed}&from=2023-07&to=2024-06&area=${area}&groups=violence-sexual&public=true`,
      ),
    );
    expect(report.status).toBe(200);
    expect(report.body.sources.map((s) => s.threshold)).toEqual([null, 10]);
    const audited = await t.db.query<{ summary: { public: boolean } }>(
      `select summary from audit_log where action = 'export' and summary->>'format' = 'sna-report' order by id desc limit 1`,
    );
    expect(audited[0]!.summary.public).toBe(true);
  });
});
