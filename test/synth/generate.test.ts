/**
 * Tests for the synthetic restricted-data generator (scripts/synth/), run on a
 * small subset (Gwent 2024-03 + South Wales 2024-01) with a fixed seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { PointIndex, haversineM, type LonLat } from '../../scripts/synth/geo.js';
import { ED_HOSPITALS } from '../../scripts/synth/hospitals.js';
import { AGE_BANDS, ASSAILANTS, SETTINGS, SEXES, WEAPONS } from '../../scripts/synth/istv-ed.js';
import { OFFENCE_DESCRIPTIONS } from '../../scripts/synth/offences.js';
import { ED_PROFILE, buildWeekProfile, inFriSatWindow, profileShare } from '../../scripts/synth/time-profile.js';
import { PLANTED_CLUSTERS, loadPoliceSource, synthesize, type SynthResult } from '../../scripts/synth/generate.js';
import type { PoliceSource } from '../../scripts/synth/police-violence.js';

const POLICE_UK = fileURLToPath(new URL('../../../shared/data/police-uk/', import.meta.url));
const RESTRICTED = fileURLToPath(new URL('../../geodata/sample/restricted/', import.meta.url));
const SELECTION = { gwent: ['2024-03'], 'south-wales': ['2024-01'] } as const;
const SEED = 777;

const ED_HEADER_EXPECTED =
  'record_id,attendance_date,attendance_time,easting,northing,assault_type,weapon,setting,assailants,age_band,sex,hospital';
const POLICE_HEADER_EXPECTED =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';
const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const VIOLENCE = new Set(['Violence and sexual offences', 'Robbery', 'Possession of weapons']);

/** Independent oracle: violence points from the raw CSVs by plain line splitting (no bbox filter). */
function rawViolence(force: string, month: string): { all: LonLat[]; vso: LonLat[]; byType: Map<string, number> } {
  const text = readFileSync(`${POLICE_UK}${force}/${month}-${force}-street.csv`, 'utf8');
  expect(text.includes('"')).toBe(false);
  const all: LonLat[] = [];
  const vso: LonLat[] = [];
  const byType = new Map<string, number>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line === '') continue;
    const f = line.split(',');
    const type = f[9] ?? '';
    if (!VIOLENCE.has(type) || !f[4] || !f[5]) continue;
    const p = { lon: Number(f[4]), lat: Number(f[5]) };
    all.push(p);
    if (type === 'Violence and sexual offences') vso.push(p);
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  return { all, vso, byType };
}

function parseCsv(gz: Buffer): { header: string; rows: string[][] } {
  const text = gunzipSync(gz).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  expect(text.includes('"')).toBe(false); // no field needs quoting
  const lines = text.slice(0, -1).split('\n');
  return { header: lines[0] ?? '', rows: lines.slice(1).map((l) => l.split(',')) };
}

/** Monday-based weekday of a date. */
function dow(y: number, m: number, d: number): number {
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

const toWgs = proj4(EPSG_27700, 'EPSG:4326');

let source: PoliceSource;
let result: SynthResult;
let realAll: PointIndex;
let realVso: PointIndex;
const rawByType = new Map<string, number>();

beforeAll(async () => {
  source = await loadPoliceSource(POLICE_UK, SELECTION);
  result = synthesize(source, SEED);
  const all: LonLat[] = [];
  const vso: LonLat[] = [];
  for (const [force, months] of Object.entries(SELECTION)) {
    for (const month of months) {
      const r = rawViolence(force, month);
      all.push(...r.all);
      vso.push(...r.vso);
      for (const [t, n] of r.byType) rawByType.set(t, (rawByType.get(t) ?? 0) + n);
    }
  }
  realAll = new PointIndex(all);
  realVso = new PointIndex(vso);
});

describe('determinism', () => {
  it('same seed gives byte-identical outputs', () => {
    const again = synthesize(source, SEED);
    expect(again.edGz.equals(result.edGz)).toBe(true);
    expect(again.policeGz.equals(result.policeGz)).toBe(true);
    expect(again.plantedJson).toBe(result.plantedJson);
  });

  it('a different seed gives different outputs', () => {
    const other = synthesize(source, SEED + 1);
    expect(other.edGz.equals(result.edGz)).toBe(false);
    expect(other.policeGz.equals(result.policeGz)).toBe(false);
  });

  it("one force-month's records do not depend on the other months generated", () => {
    const gwentOnly = synthesize({ months: source.months.filter((m) => m.force === 'gwent') }, SEED);
    const strip = (rows: string[][]): string[] => rows.map((r) => r.slice(1).join(','));
    const full = parseCsv(result.edGz).rows.filter((r) => r[1]?.endsWith('/03/2024'));
    expect(strip(parseCsv(gwentOnly.edGz).rows)).toEqual(strip(full));
  });

  it('gzip header carries no timestamp', () => {
    expect(result.edGz.readUInt32LE(4)).toBe(0);
    expect(result.policeGz.readUInt32LE(4)).toBe(0);
  });
});

describe('ISTV ED output', () => {
  it('has the exact header and well-formed rows', () => {
    const { header, rows } = parseCsv(result.edGz);
    expect(header).toBe(ED_HEADER_EXPECTED);
    expect(rows.length).toBe(result.ed.length);
    const ids = new Set<string>();
    const hospitals = new Set(ED_HOSPITALS.map((h) => h.name));
    for (const r of rows) {
      expect(r).toHaveLength(12);
      const [id, date, time, e, n, type, weapon, setting, assailants, age, sex, hospital] = r as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      expect(id).toMatch(/^ED-\d{6}$/);
      ids.add(id);
      expect(date).toMatch(/^(0[1-9]|[12]\d|3[01])\/(0[1-9]|1[0-2])\/20\d\d$/);
      expect(['03/2024', '01/2024']).toContain(date.slice(3));
      expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(e).toMatch(/^\d{6}$/);
      expect(n).toMatch(/^\d{6}$/);
      expect(type).toBe('Assault');
      expect(WEAPONS as readonly string[]).toContain(weapon);
      expect(SETTINGS as readonly string[]).toContain(setting);
      expect(ASSAILANTS as readonly string[]).toContain(assailants);
      expect(AGE_BANDS as readonly string[]).toContain(age);
      expect(SEXES as readonly string[]).toContain(sex);
      expect(hospitals.has(hospital)).toBe(true);
    }
    expect(ids.size).toBe(rows.length);
  });

  it('uses exactly the allowed weapon and setting vocabularies, with a realistic mix', () => {
    const { rows } = parseCsv(result.edGz);
    const count = (col: number, v: string): number => rows.filter((r) => r[col] === v).length / rows.length;
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(['knife/sharp', 'blunt', 'body', 'glass/bottle', 'other']));
    expect(
      [...new Set(rows.map((r) => r[7]))].every((s) =>
        ['street', 'licensed premises', 'home', 'school', 'other'].includes(s!),
      ),
    ).toBe(true);
    expect(count(6, 'body')).toBeGreaterThan(0.5);
    expect(count(6, 'body')).toBeLessThan(0.7);
    expect(count(6, 'knife/sharp')).toBeGreaterThan(0.04);
    expect(count(6, 'knife/sharp')).toBeLessThan(0.14);
  });

  it('school setting only on weekdays 08:00-16:59 for ages 11-17', () => {
    for (const r of parseCsv(result.edGz).rows.filter((x) => x[7] === 'school')) {
      const [d, m, y] = (r[1] as string).split('/').map(Number) as [number, number, number];
      const hour = Number((r[2] as string).slice(0, 2));
      expect(dow(y, m, d)).toBeLessThan(5);
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(17);
      expect(r[9]).toBe('11-17');
    }
  });

  it('volume is 12-15% of the police.uk VSO count per force-month', () => {
    for (const m of result.months) {
      expect(m.edFromPolicePoints).toBeGreaterThanOrEqual(Math.floor(0.12 * m.policeUkVsoKept));
      expect(m.edFromPolicePoints).toBeLessThanOrEqual(Math.ceil(0.15 * m.policeUkVsoKept));
    }
  });

  it('BNG easting/northing round-trips to the jittered WGS84 point within a few metres', () => {
    const byId = new Map(result.ed.map((r) => [r.recordId, r]));
    for (const row of parseCsv(result.edGz).rows) {
      const rec = byId.get(row[0] as string);
      expect(rec).toBeDefined();
      const [lon, lat] = toWgs.forward([Number(row[3]), Number(row[4])]) as [number, number];
      expect(haversineM(lon, lat, rec!.lon, rec!.lat)).toBeLessThan(2);
    }
  });

  it('every non-planted point is within 100 m of a real police.uk VSO point', () => {
    let planted = 0;
    for (const r of result.ed) {
      if (r.origin.kind === 'planted') {
        planted++;
        const c = PLANTED_CLUSTERS.find((x) => x.id === (r.origin as { clusterId: string }).clusterId)!;
        expect(haversineM(r.lon, r.lat, c.lng, c.lat)).toBeLessThanOrEqual(150 + 0.5);
        continue;
      }
      const d = realVso.nearestWithin(r.lon, r.lat, 100.5);
      expect(d, `${r.recordId} has no real VSO point within 100 m`).not.toBeNull();
    }
    expect(planted).toBeGreaterThan(0);
  });

  it('from the CSV alone: every point is near a real violence point or in a planted cluster', () => {
    for (const row of parseCsv(result.edGz).rows) {
      const [lon, lat] = toWgs.forward([Number(row[3]), Number(row[4])]) as [number, number];
      const nearReal = realAll.nearestWithin(lon, lat, 102) !== null;
      const inCluster = PLANTED_CLUSTERS.some((c) => haversineM(lon, lat, c.lng, c.lat) <= 152);
      expect(nearReal || inCluster, `${row[0]} is far from every real point and cluster`).toBe(true);
    }
  });

  it('Fri 22:00 - Sun 04:00 holds about 35-40% of ED assaults', () => {
    expect(profileShare(buildWeekProfile(ED_PROFILE), inFriSatWindow)).toBeCloseTo(0.375, 6);
    const rows = parseCsv(result.edGz).rows;
    const inWindow = rows.filter((r) => {
      const [d, m, y] = (r[1] as string).split('/').map(Number) as [number, number, number];
      return inFriSatWindow(dow(y, m, d), Number((r[2] as string).slice(0, 2)));
    }).length;
    const share = inWindow / rows.length;
    expect(rows.length).toBeGreaterThan(500);
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.43);
  });

  it('licensed-premises assaults concentrate on Friday and Saturday nights', () => {
    const lic = result.ed.filter((r) => r.setting === 'licensed premises');
    const nte = lic.filter(
      (r) => ((r.t.dow === 4 || r.t.dow === 5) && r.t.hour >= 22) || ((r.t.dow === 5 || r.t.dow === 6) && r.t.hour < 4),
    );
    expect(lic.length).toBeGreaterThan(20);
    expect(nte.length / lic.length).toBeGreaterThan(0.4);
  });
});

describe('planted ED-only clusters', () => {
  it('each cluster of a generated force has 8-15 ED assaults per month within 150 m and little police violence', () => {
    const edPoints = parseCsv(result.edGz).rows.map((row) => {
      const [lon, lat] = toWgs.forward([Number(row[3]), Number(row[4])]) as [number, number];
      return { lon, lat };
    });
    const edIdx = new PointIndex(edPoints);
    const polIdx = new PointIndex(result.police);
    let checked = 0;
    for (const c of PLANTED_CLUSTERS) {
      const months = (SELECTION as Record<string, readonly string[]>)[c.force] ?? [];
      if (months.length === 0) continue;
      checked++;
      const ed = edIdx.countWithin(c.lng, c.lat, 152);
      expect(ed).toBeGreaterThanOrEqual(8 * months.length);
      expect(realAll.countWithin(c.lng, c.lat, 150)).toBeLessThanOrEqual(2);
      expect(polIdx.countWithin(c.lng, c.lat, 150)).toBeLessThan(ed / 4);
    }
    expect(checked).toBe(PLANTED_CLUSTERS.length);
    expect(PLANTED_CLUSTERS.length).toBeGreaterThanOrEqual(3);
  });

  it('planted-clusters.json lists the clusters', () => {
    const parsed = JSON.parse(result.plantedJson) as {
      clusters: { id: string; lat: number; lng: number; planted_ed_records: number }[];
    };
    expect(parsed.clusters.map((c) => c.id)).toEqual(PLANTED_CLUSTERS.map((c) => c.id));
    for (const c of parsed.clusters) expect(c.planted_ed_records).toBeGreaterThanOrEqual(8);
  });

  it('the committed planted-clusters.json (if generated) matches the generator', () => {
    const file = `${RESTRICTED}planted-clusters.json`;
    if (!existsSync(file)) return;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { clusters: { id: string; lat: number; lng: number }[] };
    expect(parsed.clusters.map((c) => [c.id, c.lat, c.lng])).toEqual(PLANTED_CLUSTERS.map((c) => [c.id, c.lat, c.lng]));
  });
});

describe('local police extract', () => {
  it('has the exact header and well-formed rows', () => {
    const { header, rows } = parseCsv(result.policeGz);
    expect(header).toBe(POLICE_HEADER_EXPECTED);
    const refs = new Set<string>();
    const descriptions = new Set(OFFENCE_DESCRIPTIONS.map((o) => o.description));
    for (const r of rows) {
      expect(r).toHaveLength(10);
      const [ref, date, time, lat, lon, offence, da, knife, alcohol, force] = r as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      expect(ref).toMatch(/^(GW|SW)\/20\d\d\/\d{6}$/);
      refs.add(ref);
      expect(date).toMatch(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      expect(time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(lat).toMatch(/^5[12]\.\d{6}$/);
      expect(lon).toMatch(/^-[234]\.\d{6}$/);
      expect(descriptions.has(offence)).toBe(true);
      for (const flag of [da, knife, alcohol]) expect(['Y', 'N']).toContain(flag);
      if (force === 'Gwent Police') {
        expect(ref.startsWith('GW/')).toBe(true);
        expect(date.slice(0, 7)).toBe('2024-03');
      } else {
        expect(force).toBe('South Wales Police');
        expect(ref.startsWith('SW/')).toBe(true);
        expect(date.slice(0, 7)).toBe('2024-01');
      }
      expect(ref.slice(3, 7)).toBe(date.slice(0, 4));
    }
    expect(refs.size).toBe(rows.length);
  });

  it('has one row per real violence-related row, offences mapped from its crime type', () => {
    const byType = new Map<string, number>();
    const crimeTypeOf = new Map(OFFENCE_DESCRIPTIONS.map((o) => [o.description, o.policeUkCrimeType]));
    for (const r of parseCsv(result.policeGz).rows) {
      const t = crimeTypeOf.get(r[5] as string)!;
      byType.set(t, (byType.get(t) ?? 0) + 1);
    }
    const dropped = result.months.reduce((s, m) => s + m.policeUkViolenceOutsideArea, 0);
    let rawTotal = 0;
    for (const [t, n] of rawByType) {
      rawTotal += n;
      expect(byType.get(t) ?? 0).toBeLessThanOrEqual(n);
      expect(byType.get(t) ?? 0).toBeGreaterThanOrEqual(n - dropped);
    }
    expect(result.police.length).toBe(rawTotal - dropped);
  });

  it('every point is within 100 m of its real police.uk point', () => {
    for (const r of result.police) {
      expect(haversineM(r.lon, r.lat, r.source.lon, r.source.lat)).toBeLessThanOrEqual(100.5);
      expect(realAll.nearestWithin(r.lon, r.lat, 100.5)).not.toBeNull();
    }
  });

  it('flags follow the intended rates', () => {
    const rows = result.police;
    const vso = rows.filter((r) => r.offence.policeUkCrimeType === 'Violence and sexual offences');
    const da = vso.filter((r) => r.domesticAbuse).length / vso.length;
    expect(da).toBeGreaterThan(0.24);
    expect(da).toBeLessThan(0.38);
    for (const r of rows) {
      if (r.offence.description === 'Possession of article with blade or point') expect(r.knifeSharp).toBe(true);
      if (r.offence.description === 'Controlling or coercive behaviour') expect(r.domesticAbuse).toBe(true);
      if (r.offence.knifeRate === 0) expect(r.knifeSharp).toBe(false);
    }
    const assaults = rows.filter((r) => r.offence.physicalAssault);
    const alcohol = assaults.filter((r) => r.alcoholRelated).length / assaults.length;
    expect(alcohol).toBeGreaterThan(0.14);
    expect(alcohol).toBeLessThan(0.27);
  });
});
