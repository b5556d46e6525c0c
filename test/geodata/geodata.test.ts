/**
 * The committed geography in geodata/ (built by scripts/build-geodata.ts): valid geometry,
 * complete LAD/LSOA sets with population, topology kept between neighbours, and place and
 * postcode counts that match an independent recount of ../shared/data (no build code reused).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED } from '../helpers/shared-data.js';
import { repairOpenPubsRow } from '../../scripts/geodata/pubs.js';

const GEODATA = new URL('../../geodata/', import.meta.url);
const read = (path: string): Buffer => readFileSync(new URL(path, GEODATA));
const readJson = <T>(path: string): T =>
  JSON.parse((path.endsWith('.gz') ? gunzipSync(read(path)) : read(path)).toString('utf8')) as T;
const csv = (path: string, opts: Record<string, unknown> = {}): string[][] =>
  parse(readFileSync(`${SHARED}${path}`), {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ...opts,
  }) as string[][];

const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const bng = proj4(EPSG_27700, 'EPSG:4326');
const toWgs = (e: number, n: number): [number, number] => bng.forward([e, n]) as [number, number];

function metres(a: readonly number[], b: readonly number[]): number {
  const k = (Math.PI / 180) * 6_371_000;
  return Math.hypot((a[0]! - b[0]!) * k * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * k);
}

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
const polygonsOf = (f: Area): Position[][][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
const key = (c: Position): string => `${c[0]},${c[1]}`;

/** Self-intersections that are proper crossings (not two rings or parts meeting at a vertex). */
function crossings(f: Area): number {
  const vertices = turf.coordAll(f);
  const exact = new Set(vertices.map(key));
  return turf.kinks(f).features.filter((k) => {
    const [x, y] = k.geometry.coordinates as [number, number];
    return !exact.has(`${x},${y}`) && !vertices.some((v) => Math.abs(v[0]! - x) < 1e-9 && Math.abs(v[1]! - y) < 1e-9);
  }).length;
}

function checkRings(f: Area): string[] {
  const problems: string[] = [];
  for (const poly of polygonsOf(f)) {
    for (const ring of poly) {
      if (ring.length < 4) problems.push(`${f.properties.code}: ring of ${ring.length} positions`);
      if (key(ring[0]!) !== key(ring[ring.length - 1]!)) problems.push(`${f.properties.code}: ring not closed`);
      for (const c of ring) {
        if (c.length !== 2 || !c.every(Number.isFinite))
          problems.push(`${f.properties.code}: bad position ${JSON.stringify(c)}`);
        else if (c[0]! < -6 || c[0]! > -1.5 || c[1]! < 50.5 || c[1]! > 53.5)
          problems.push(`${f.properties.code}: outside the area ${key(c)}`);
        else if (c.some((v) => Math.abs(Math.round(v * 1e5) / 1e5 - v) > 1e-9))
          problems.push(`${f.properties.code}: more than 5 dp ${key(c)}`);
      }
    }
  }
  return problems;
}

const WELSH = [
  'W06000001',
  'W06000002',
  'W06000003',
  'W06000004',
  'W06000005',
  'W06000006',
  'W06000008',
  'W06000009',
  'W06000010',
  'W06000011',
  'W06000012',
  'W06000013',
  'W06000014',
  'W06000015',
  'W06000016',
  'W06000018',
  'W06000019',
  'W06000020',
  'W06000021',
  'W06000022',
  'W06000023',
  'W06000024',
];
const ENGLISH = [
  'E06000022',
  'E06000023',
  'E06000024',
  'E06000025',
  'E07000078',
  'E07000079',
  'E07000080',
  'E07000081',
  'E07000082',
  'E07000083',
  'E07000187',
  'E07000188',
  'E07000189',
  'E07000190',
  'E07000191',
];
const GWENT = ['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022'];

let lad: FeatureCollection<
  Polygon | MultiPolygon,
  { code: string; name: string; nameWelsh: string | null; pfaCode: string; population: number }
>;
let lsoa: FeatureCollection<
  Polygon | MultiPolygon,
  { code: string; name: string; ladCode: string; population: number }
>;
let ladPopulation: Map<string, number>;
let lsoaPopulation: Map<string, number>;
let codePoint: Map<string, [number, number]>; // postcode (no spaces) -> easting, northing
let codePointRows: number;
let manifest: any;

beforeAll(() => {
  lad = readJson('boundaries/lad.geojson');
  lsoa = readJson('boundaries/lsoa.geojson.gz');
  manifest = readJson('manifest.json');
  ladPopulation = new Map(
    csv('population/lad2021_mid2020_population_ew.csv')
      .slice(1)
      .map((r) => [r[0]!, Number(r[2])]),
  );
  lsoaPopulation = new Map(
    csv('population/lsoa2011_mid2020_population_ew.csv')
      .slice(1)
      .map((r) => [r[1]!, Number(r[2])]),
  );
  codePoint = new Map();
  codePointRows = 0;
  for (const area of ['np', 'cf', 'sa', 'ld', 'bs', 'gl', 'ba', 'ta', 'hr']) {
    for (const line of readFileSync(`${SHARED}places/postcodes/codepoint_open_2014/${area}.csv`, 'utf8').split(
      /\r?\n/,
    )) {
      if (!line) continue;
      const f = line.split(',');
      codePointRows++;
      codePoint.set(f[0]!.replace(/"/g, '').replace(/ /g, ''), [Number(f[2]), Number(f[3])]);
    }
  }
});

describe('geodata/boundaries/lad.geojson', () => {
  it('holds the 22 Welsh LADs and the 15 English neighbours of Gwent with the agreed properties', () => {
    const codes = lad.features.map((f) => f.properties.code).sort();
    expect(codes).toEqual([...WELSH, ...ENGLISH].sort());
    for (const f of lad.features) {
      expect(Object.keys(f.properties).sort()).toEqual(['code', 'name', 'nameWelsh', 'pfaCode', 'population']);
      expect(f.properties.name.length).toBeGreaterThan(2);
      if (f.properties.code.startsWith('W')) expect(typeof f.properties.nameWelsh).toBe('string');
      else expect(f.properties.nameWelsh).toBeNull();
    }
    const byCode = new Map(lad.features.map((f) => [f.properties.code, f.properties]));
    expect(byCode.get('W06000022')).toMatchObject({
      name: 'Newport',
      nameWelsh: 'Casnewydd',
      pfaCode: 'W15000002',
      population: 156_447,
    });
    expect(byCode.get('W06000015')).toMatchObject({ name: 'Cardiff', pfaCode: 'W15000003', population: 369_202 });
  });

  it('gives each LAD its force area (Welsh forces are unions of LADs; English codes as in the PFA file)', () => {
    const pfa =
      readJson<FeatureCollection<Polygon | MultiPolygon, { code: string; name: string }>>('boundaries/pfa.geojson');
    const pfaByName = new Map(pfa.features.map((f) => [f.properties.name, f.properties.code]));
    const expected: Record<string, string> = {};
    for (const c of ['W06000001', 'W06000002', 'W06000003', 'W06000004', 'W06000005', 'W06000006'])
      expected[c] = pfaByName.get('North Wales')!;
    for (const c of ['W06000008', 'W06000009', 'W06000010', 'W06000023']) expected[c] = pfaByName.get('Dyfed-Powys')!;
    for (const c of ['W06000011', 'W06000012', 'W06000013', 'W06000014', 'W06000015', 'W06000016', 'W06000024'])
      expected[c] = pfaByName.get('South Wales')!;
    for (const c of GWENT) expected[c] = pfaByName.get('Gwent')!;
    for (const c of ENGLISH)
      expected[c] = pfaByName.get(
        c.startsWith('E07000') && Number(c.slice(-3)) <= 83 ? 'Gloucestershire' : 'Avon and Somerset',
      )!;
    for (const f of lad.features)
      expect([f.properties.code, f.properties.pfaCode]).toEqual([f.properties.code, expected[f.properties.code]]);
    expect(expected.W06000022).toBe('W15000002');
    // and each LAD lies in its force area (a point inside the LAD is in the PFA polygon or within 2 km of it)
    const pfaByCode = new Map(pfa.features.map((f) => [f.properties.code, f]));
    for (const f of lad.features) {
      const p = turf.pointOnFeature(f);
      const area = pfaByCode.get(f.properties.pfaCode)!;
      const km = turf.booleanPointInPolygon(p, area)
        ? 0
        : turf.pointToPolygonDistance(p, area, { units: 'kilometers' });
      expect([f.properties.code, km < 2]).toEqual([f.properties.code, true]);
    }
  });

  it('has mid-2020 populations: the LAD file where the code matches, LSOA sums for Taunton Deane and West Somerset', () => {
    for (const f of lad.features) {
      const fromFile = ladPopulation.get(f.properties.code);
      if (fromFile !== undefined)
        expect([f.properties.code, f.properties.population]).toEqual([f.properties.code, fromFile]);
    }
    const summed = lad.features
      .filter((f) => !ladPopulation.has(f.properties.code))
      .map((f) => f.properties.code)
      .sort();
    expect(summed).toEqual(['E07000190', 'E07000191']);
    const pop = (c: string) => lad.features.find((f) => f.properties.code === c)!.properties.population;
    // the two pre-2019 districts merged into Somerset West and Taunton: their sums must add up to it
    expect(pop('E07000190') + pop('E07000191')).toBe(ladPopulation.get('E07000246'));
    expect(manifest.lad.populationSummedFromLsoas.map((s: { code: string }) => s.code)).toEqual([
      'E07000190',
      'E07000191',
    ]);
  });

  it('has valid geometry: closed rings of 4+ positions, 5 dp, no self-intersections', () => {
    const problems = lad.features.flatMap((f) => checkRings(f));
    expect(problems).toEqual([]);
    for (const f of lad.features) {
      expect([f.properties.code, crossings(f)]).toEqual([f.properties.code, 0]);
      // each polygon part on its own is OGC-valid (parts of a MultiPolygon may touch at a point)
      for (const poly of polygonsOf(f))
        expect([f.properties.code, turf.booleanValid(turf.polygon(poly))]).toEqual([f.properties.code, true]);
    }
  });

  it('is small enough for the browser', () => {
    expect(read('boundaries/lad.geojson').length).toBeLessThan(600_000);
  });

  it('keeps topology in Gwent: no overlaps or gaps between neighbours, shared borders use the same vertices', () => {
    const gwent = lad.features.filter((f) => GWENT.includes(f.properties.code));
    const fod = lad.features.find((f) => f.properties.code === 'E07000080')!; // across the Wye, from the other source
    const set = [...gwent, fod];
    const union = turf.union(turf.featureCollection(set))!;
    const sum = set.reduce((a, f) => a + turf.area(f), 0);
    const overlap = sum - turf.area(union);
    expect(Math.abs(overlap)).toBeLessThan(1_000); // m2; a few hundred km2 in all
    // gaps between neighbours would show as holes in the union
    const holes = polygonsOf(union as Area)
      .flatMap((p) => p.slice(1))
      .reduce((a, r) => a + turf.area(turf.polygon([r])), 0);
    expect(holes).toBeLessThan(1_000);
    // every vertex of A lying on B's boundary is one of B's vertices (shared arcs, not two copies)
    const pairs: [string, string][] = [
      ['W06000022', 'W06000021'],
      ['W06000022', 'W06000018'],
      ['W06000020', 'W06000021'],
      ['W06000019', 'W06000018'],
      ['W06000020', 'W06000022'],
      ['W06000021', 'E07000080'],
    ];
    const byCode = new Map(set.map((f) => [f.properties.code, f]));
    for (const [a, b] of pairs) {
      const A = byCode.get(a)!;
      const B = byCode.get(b)!;
      const bVertices = new Set(turf.coordAll(B).map(key));
      const bLines = turf.polygonToLine(B);
      const lines = (bLines.type === 'FeatureCollection' ? bLines.features : [bLines]) as Feature<any>[];
      let onBorder = 0;
      let shared = 0;
      for (const c of turf.coordAll(A)) {
        if (bVertices.has(key(c))) {
          shared++;
          continue;
        }
        const d = Math.min(...lines.map((l) => turf.pointToLineDistance(turf.point(c), l, { units: 'meters' })));
        if (d < 1) onBorder++;
      }
      expect([a, b, shared > 5, onBorder]).toEqual([a, b, true, 0]);
    }
  });
});

describe('geodata/boundaries/lsoa.geojson.gz', () => {
  it('holds every LSOA 2011 of the bundled councils, with ladCode from its source file and a population', () => {
    const expected = new Map<string, string>();
    for (const dir of ['lsoa2011_wales_by_lad', 'lsoa2011_england_by_lad']) {
      for (const file of readdirSync(`${SHARED}boundaries/${dir}`)) {
        const fc = JSON.parse(readFileSync(`${SHARED}boundaries/${dir}/${file}`, 'utf8')) as FeatureCollection;
        for (const f of fc.features) expected.set(String(f.properties!.LSOA11CD), file.replace('.geojson', ''));
      }
    }
    expect(expected.size).toBe(1909 + 1378);
    expect(lsoa.features.length).toBe(expected.size);
    const seen = new Set<string>();
    for (const f of lsoa.features) {
      const p = f.properties;
      expect(Object.keys(p).sort()).toEqual(['code', 'ladCode', 'name', 'population']);
      expect(seen.has(p.code)).toBe(false);
      seen.add(p.code);
      expect([p.code, p.ladCode]).toEqual([p.code, expected.get(p.code)]);
      expect([p.code, p.population]).toEqual([p.code, lsoaPopulation.get(p.code)]);
      expect(p.population).toBeGreaterThan(0);
    }
  });

  it('sums to the LAD population file for every Welsh LAD (and every English LAD with a 2021 code)', () => {
    const sums = new Map<string, number>();
    for (const f of lsoa.features)
      sums.set(f.properties.ladCode, (sums.get(f.properties.ladCode) ?? 0) + f.properties.population);
    const mismatches = [...sums].filter(([code, s]) => ladPopulation.has(code) && ladPopulation.get(code) !== s);
    expect(mismatches).toEqual([]);
    for (const code of WELSH) expect([code, sums.get(code)]).toEqual([code, ladPopulation.get(code)]);
    expect(sums.get('W06000022')).toBe(156_447);
  });

  it('has valid geometry: closed rings of 4+ positions, 5 dp, no crossing rings', () => {
    const problems = lsoa.features.flatMap((f) => checkRings(f));
    expect(problems.slice(0, 5)).toEqual([]);
    const crossing = lsoa.features.filter((f) => crossings(f) > 0).map((f) => f.properties.code);
    expect(crossing).toEqual([]);
  });

  it('is under 3 MB gzipped and tiles Newport without overlaps', () => {
    expect(read('boundaries/lsoa.geojson.gz').length).toBeLessThan(3_000_000);
    const newport = lsoa.features.filter((f) => f.properties.ladCode === 'W06000022');
    expect(newport.length).toBe(95);
    const union = turf.union(turf.featureCollection(newport))!;
    const sum = newport.reduce((a, f) => a + turf.area(f), 0);
    expect(Math.abs(sum - turf.area(union)) / sum).toBeLessThan(1e-5);
  });
});

describe('Open Pubs backslash-quote repair', () => {
  it('splits the merged name and address back into their columns', () => {
    const line =
      '7499,"J D Wetherspoon \\""The Star\\"",""105 High Street, Hoddesdon, Hertfordshire",EN11 8TN,537293,208856,51.761556,-0.012036,Broxbourne,';
    const [row] = parse(line, { relax_column_count: true }) as string[][];
    expect(repairOpenPubsRow(row!)).toEqual({
      repaired: true,
      row: [
        '7499',
        'J D Wetherspoon "The Star"',
        '105 High Street, Hoddesdon, Hertfordshire',
        'EN11 8TN',
        '537293',
        '208856',
        '51.761556',
        '-0.012036',
        'Broxbourne',
      ],
    });
    const ok = ['1', 'Anchor Inn', 'Upper Street', 'CO7 6LW', '604748', '234405', '51.97039', '0.979328', 'Babergh'];
    expect(repairOpenPubsRow(ok)).toEqual({ repaired: false, row: ok });
  });
});

describe('geodata/places.geojson.gz', () => {
  type Rec = {
    id: string;
    type: string;
    name: string;
    lng: number;
    lat: number;
    ladCode: string | null;
    attributes: Record<string, any>;
    source: string;
    licence: string;
    positionSource: string;
    proxy: boolean;
    note: string | null;
  };
  let places: Rec[];
  let features: Feature<Point, Rec>[];
  beforeAll(() => {
    features = readJson<FeatureCollection<Point, Rec>>('places.geojson.gz').features;
    places = features.map((f) => f.properties);
  });
  const ofType = (t: string) => places.filter((p) => p.type === t);
  const dropped = (layer: string, reason: string): number => manifest.places.layers[layer].dropped[reason] ?? 0;

  it('has well-formed records with positions that match their geometry', () => {
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    for (const f of features) {
      const p = f.properties;
      expect(['school', 'licensed-premises', 'prison', 'hospital-ed']).toContain(p.type);
      expect(f.geometry.coordinates).toEqual([p.lng, p.lat]);
      expect(p.lng).toBeGreaterThan(-6.5);
      expect(p.lng).toBeLessThan(1.8);
      expect(p.lat).toBeGreaterThan(49.9);
      expect(p.lat).toBeLessThan(55.9);
      for (const field of ['name', 'source', 'licence', 'positionSource'] as const)
        expect(p[field].length).toBeGreaterThan(0);
      expect(typeof p.proxy).toBe('boolean');
      expect(typeof p.attributes).toBe('object');
    }
    expect(manifest.places.byType).toEqual(
      Object.fromEntries(['hospital-ed', 'licensed-premises', 'prison', 'school'].map((t) => [t, ofType(t).length])),
    );
  });

  it('schools: source rows less the 15 dummy rows and the postcodes Code-Point cannot place, at Code-Point centroids', () => {
    const rows = csv('places/schools/wales_schools_geocoded_20250907_124222.csv');
    const header = rows[0]!;
    const iNum = header.indexOf('School Number');
    const iPc = header.indexOf('Postcode');
    const iLat = header.indexOf('latitude');
    const iLng = header.indexOf('longitude');
    const body = rows.slice(1);
    expect(body.length).toBe(1464);
    const real = body.filter((r) => r[iNum] !== '');
    expect(body.length - real.length).toBe(15);
    const placeable = real.filter((r) => codePoint.has(r[iPc]!.replace(/\s/g, '').toUpperCase()));
    const schools = ofType('school');
    expect(schools.length).toBe(placeable.length);
    expect(schools.length).toBe(976);
    const m = manifest.places.layers.school;
    expect(m.sourceRows - m.kept).toBe(Object.values(m.dropped as Record<string, number>).reduce((a, b) => a + b, 0));
    // positions: the Code-Point centroid, never the file's (Google) coordinates
    const byNumber = new Map(real.map((r) => [r[iNum]!, r]));
    let atGoogle = 0;
    for (const s of schools) {
      const r = byNumber.get(s.attributes.schoolNumber)!;
      const [e, n] = codePoint.get(r[iPc]!.replace(/\s/g, '').toUpperCase())!;
      expect(metres([s.lng, s.lat], toWgs(e, n))).toBeLessThan(0.2);
      expect(s.positionSource).toMatch(/Code-Point/);
      if (s.lng === Number(r[iLng]) && s.lat === Number(r[iLat])) atGoogle++;
    }
    expect(atGoogle).toBe(0);
    expect(schools.filter((s) => s.ladCode === s.attributes.statedLadCode).length).toBeGreaterThan(
      schools.length * 0.99,
    );
  });

  it('licensed premises: Open Pubs rows of the bundled councils less the \\N rows and the stated position drops', () => {
    const councils = new Set([
      'Isle of Anglesey',
      'Gwynedd',
      'Conwy',
      'Denbighshire',
      'Flintshire',
      'Wrexham',
      'Ceredigion',
      'Pembrokeshire',
      'Carmarthenshire',
      'Swansea',
      'Neath Port Talbot',
      'Bridgend',
      'Vale of Glamorgan',
      'Cardiff',
      'Rhondda Cynon Taf',
      'Caerphilly',
      'Blaenau Gwent',
      'Torfaen',
      'Monmouthshire',
      'Newport',
      'Powys',
      'Merthyr Tydfil',
      'Bath and North East Somerset',
      'Bristol, City of',
      'North Somerset',
      'South Gloucestershire',
      'Mendip',
      'Sedgemoor',
      'South Somerset',
      'Taunton Deane',
      'West Somerset',
      'Cheltenham',
      'Cotswold',
      'Forest of Dean',
      'Gloucester',
      'Stroud',
      'Tewkesbury',
    ]);
    // the two rows with backslash-escaped quotes parse shifted; both are outside the area
    const rows = csv('places/pubs/open_pubs.csv').slice(1);
    expect(rows.length).toBe(51_566);
    const inArea = rows.filter((r) => councils.has(r[8]!));
    const noCoords = inArea.filter((r) => r.slice(4, 8).includes('\\N'));
    expect(inArea.length).toBe(5_501);
    expect(noCoords.length).toBe(6);
    const positionDrops = Object.entries(manifest.places.layers['licensed-premises'].dropped as Record<string, number>)
      .filter(([reason]) => /outside its stated council/.test(reason))
      .reduce((a, [, n]) => a + n, 0);
    expect(positionDrops).toBeLessThan(10);
    expect(dropped('licensed-premises', 'no coordinates (\\N)')).toBe(6);
    const pubs = ofType('licensed-premises');
    expect(pubs.length).toBe(inArea.length - noCoords.length - positionDrops);
    expect(pubs.filter((p) => p.attributes.localAuthority === 'Blaenau Gwent')).toEqual([]);
    expect(pubs.filter((p) => p.attributes.localAuthority === 'Newport').length).toBe(110 - 1); // The Llanwern Bull has \N
    // Code-Point positions wherever the postcode is in Code-Point
    for (const p of pubs) {
      const cp = codePoint.get(p.attributes.postcode.replace(/\s/g, ''));
      if (cp) expect(metres([p.lng, p.lat], toWgs(cp[0], cp[1]))).toBeLessThan(0.2);
      else expect(p.positionSource).toMatch(/Open Pubs/);
    }
  });

  it('prisons: source rows less the establishment not in use and the two IRCs; Code-Point in the bundled areas, flagged elsewhere', () => {
    const rows = csv('places/prisons/prison_estate_geocoded.csv', { columns: true }) as unknown as Record<
      string,
      string
    >[];
    expect(rows.length).toBe(121);
    const kept = rows.filter((r) => r.Designation !== 'Not in use' && r.Designation !== 'Immigration Removal Centre');
    const prisons = ofType('prison');
    expect(prisons.length).toBe(kept.length);
    expect(prisons.length).toBe(118);
    const usk = prisons.find((p) => p.name === 'Usk / Prescoed')!;
    expect(usk.positionSource).toMatch(/Code-Point/);
    expect(metres([usk.lng, usk.lat], toWgs(...codePoint.get('NP151XP')!))).toBeLessThan(0.2);
    expect(usk.note).toMatch(/Prescoed/);
    for (const name of ['Cardiff', 'Swansea', 'Parc', 'Bristol', 'Ashfield', 'Eastwood Park', 'Leyhill']) {
      expect([name, prisons.find((p) => p.name === name)?.positionSource]).toEqual([
        name,
        'Code-Point Open 2014.3 postcode centroid',
      ]);
    }
    expect(prisons.filter((p) => p.positionSource === 'geocoded (commercial geocoder; test data)').length).toBe(110);
  });

  it('hospital EDs: England less the stated non-ED rows, Wales from the stroke list as a labelled stand-in', () => {
    const england = csv('places/hospitals/emergency_departments_england.csv', { columns: true }) as unknown as Record<
      string,
      string
    >[];
    expect(england.length).toBe(185);
    const notEds = england.filter(
      (r) =>
        /DUMMY|Crisis Team|Revalidation|^MIU|Dental Hospital|Edinburgh/i.test(r.Name!) ||
        (/Northampton General/.test(r.Name!) && r.Postcode!.startsWith('RG24')),
    );
    expect(notEds.length).toBe(7);
    const eds = ofType('hospital-ed');
    const eng = eds.filter((p) => p.attributes.country === 'England');
    expect(eng.length).toBe(england.length - notEds.length);
    expect(
      Object.values(manifest.places.layers['hospital-ed (England)'].dropped as Record<string, number>).reduce(
        (a, b) => a + b,
        0,
      ),
    ).toBe(7);
    for (const name of [
      'Bristol Royal Infirmary',
      'Southmead',
      'Weston General',
      'Gloucester Royal',
      'Royal United Hospital',
    ]) {
      expect([name, eng.some((p) => p.name.includes(name))]).toEqual([name, true]);
    }
    const stroke = csv('places/hospitals/stroke_hospitals_2022.csv', { columns: true }) as unknown as Record<
      string,
      string
    >[];
    const welshRows = stroke.filter((r) => r.Country === 'Wales');
    expect(welshRows.length).toBe(13);
    const wales = eds.filter((p) => p.attributes.country === 'Wales');
    expect(wales.length).toBe(13 - 2 + 1); // less Royal Gwent and Prince Philip, plus Royal Glamorgan
    expect(wales.every((p) => p.proxy && /stand/i.test(p.note ?? ''))).toBe(true);
    const names = wales.map((p) => p.name);
    expect(names).toContain('Grange University Hospital');
    expect(names).toContain('Royal Glamorgan Hospital');
    expect(names.some((n) => /Royal Gwent|Nevill Hall|Prince Philip/.test(n))).toBe(false);
    const grange = wales.find((p) => p.name === 'Grange University Hospital')!;
    expect(grange.ladCode).toBe('W06000020');
  });
});

describe('geodata/postcodes.csv.gz', () => {
  let rows: string[][];
  beforeAll(() => {
    rows = gunzipSync(read('postcodes.csv.gz'))
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
  });

  it('has one row per Code-Point postcode with a position, normalised and sorted', () => {
    expect(rows[0]).toEqual(['postcode', 'lng', 'lat']);
    const body = rows.slice(1);
    expect(codePointRows).toBe(141_214);
    expect(body.length).toBe(codePoint.size);
    expect(body.length).toBe(141_214 - manifest.postcodes.skippedNoPosition);
    expect(manifest.postcodes.rows).toBe(body.length);
    for (let i = 0; i < body.length; i++) {
      const [pc, lng, lat] = body[i]!;
      if (
        !/^[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}$/.test(pc!) ||
        !/^-?\d+\.\d{6}$/.test(lng!) ||
        !/^\d+\.\d{6}$/.test(lat!)
      )
        throw new Error(`bad row ${body[i]}`);
      if (i > 0 && body[i - 1]![0]! >= pc!) throw new Error(`not sorted at ${pc}`);
    }
  });

  it('places known postcodes at their converted Code-Point position', () => {
    const lookup = new Map(rows.slice(1).map((r) => [r[0]!, [Number(r[1]), Number(r[2])]]));
    const [lng, lat] = toWgs(327201, 188959);
    expect(lookup.get('NP100AA')![0]).toBeCloseTo(lng, 6);
    expect(lookup.get('NP100AA')![1]).toBeCloseTo(lat, 6);
    for (const [pc, e, n] of [
      ['CF101AA', 318278, 176229],
      ['BS11AD', 360204, 173429],
      ['HR11AA', 351420, 240489],
      ['NP151XP', ...codePoint.get('NP151XP')!],
    ] as const) {
      expect(metres(lookup.get(pc)!, toWgs(e, n))).toBeLessThan(0.2);
    }
    expect(lookup.has('LL572PW')).toBe(false); // no LL file bundled
  });
});

describe('geodata/ATTRIBUTION.md and manifest.json', () => {
  it('covers every file in geodata/ and records the sizes written', () => {
    const text = read('ATTRIBUTION.md').toString('utf8');
    const walk = (dir: string): string[] =>
      readdirSync(new URL(dir, GEODATA)).flatMap((name) =>
        statSync(new URL(dir + name, GEODATA)).isDirectory() ? walk(`${dir}${name}/`) : [dir + name],
      );
    for (const file of walk('')) {
      if (file === 'ATTRIBUTION.md' || file === 'manifest.json') continue;
      const mention = file.startsWith('sample/') ? file.split('/').slice(0, 2).join('/') : file;
      expect([file, text.includes(mention)]).toEqual([file, true]);
    }
    for (const statement of [
      'Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
      'Contains OS data © Crown copyright and database right 2014',
      'Contains Royal Mail data © Royal Mail copyright and database right 2014',
      'Contains National Statistics data © Crown copyright and database right 2014',
      'Contains public sector information licensed under the Open Government Licence v3.0',
    ])
      expect(text).toContain(statement);
    for (const [file, { bytes }] of Object.entries(manifest.files as Record<string, { bytes: number }>))
      expect([file, read(file).length]).toEqual([file, bytes]);
  });
});
