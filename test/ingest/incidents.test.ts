import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bngToWgs84, wgs84ToBng } from '../../server/geo/bng.js';
import { MAPPING_PRESETS, resolveMapping } from '../../server/ingest/mapping.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { countRows, importPaths } from '../helpers/import.js';

const tmp = mkdtempSync(join(tmpdir(), 'hotspot-incidents-'));
const write = (name: string, lines: string[]) => {
  const path = join(tmp, name);
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
};

const ED_HEADER =
  'record_id,attendance_date,attendance_time,easting,northing,assault_type,weapon,setting,assailants,age_band,sex,hospital';
const POLICE_HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';
// Newport city centre, as BNG from the WGS84 point.
const [E, N] = wgs84ToBng(-2.997664, 51.588311).map(Math.round) as [number, number];

describe.each(backends)('mapped incident ingest on $name', (backend) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await backend.open();
  });
  afterEach(async () => t.dispose());

  it('loads ISTV ED rows with BNG locations and dd/mm/yyyy dates, rejecting bad rows with reasons', async () => {
    const file = write(`ed-${backend.name}.csv`, [
      '\uFEFF' + ED_HEADER,
      `ED-1,06/01/2024,23:40,${E},${N},Assault,knife/sharp,street,1,18-24,M,Grange`, // 2 ok
      `ED-2,31/02/2024,01:10,${E},${N},Assault,body,home,1,25-34,F,Grange`, // 3 impossible date
      `ED-3,07/01/2024,25:10,${E},${N},Assault,body,home,1,25-34,F,Grange`, // 4 bad time
      `ED-4,07/01/2024,02:15,${E},${N},Assault,spoon,home,1,25-34,F,Grange`, // 5 unknown weapon
      `ED-5,07/01/2024,02:15,${E},${N},Assault,glass,pub,2,35-44,M,Grange`, // 6 ok (synonyms)
      `ED-6,07/01/2024,02:15,,,Assault,body,street,1,18-24,M,Grange`, // 7 no coordinates
      `ED-7,07/01/2024,02:15,900000,${N},Assault,body,street,1,18-24,M,Grange`, // 8 not BNG
      `ED-1,08/01/2024,03:00,${E},${N},Assault,body,street,1,18-24,M,Grange`, // 9 duplicate id
      `ED-8,08/01/2024,03:00,${E},${N},Mugging,body,street,1,18-24,M,Grange`, // 10 unknown offence
    ]);
    const report = await importPaths(t.db, [file], {
      kind: 'incidents',
      name: 'ED',
      mapping: resolveMapping('istv-ed'),
      sensitivity: 'restricted',
      threshold: 5,
    });
    expect(report.rowsAccepted).toBe(2);
    expect(report.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'unparseable date "31/02/2024" (expected dd/mm/yyyy)'],
      [4, 'unparseable time "25:10"'],
      [5, 'unknown weapon "spoon"'],
      [7, 'no easting/northing'],
      [8, 'easting/northing are not British National Grid metres'],
      [9, 'duplicate record id (first seen on line 2)'],
      [10, 'unknown offence "Mugging" (no offence-group mapping)'],
    ]);
    const rows = await t.db.query<Record<string, unknown>>(
      `select external_id, to_char(occurred_on, 'YYYY-MM-DD') as d, to_char(occurred_time, 'HH24:MI') as t, weapon, setting, knife,
              age_band, offence_group, lat, lng, pfa_code from incidents order by external_id`,
    );
    expect(rows.map(({ lat, lng, ...r }) => r)).toEqual([
      {
        external_id: 'ED-1',
        d: '2024-01-06',
        t: '23:40',
        weapon: 'knife/sharp',
        setting: 'street',
        knife: true,
        age_band: '18-24',
        offence_group: 'assault-injury-ed',
        pfa_code: 'W15000002',
      },
      {
        external_id: 'ED-5',
        d: '2024-01-07',
        t: '02:15',
        weapon: 'glass/bottle',
        setting: 'licensed premises',
        knife: false,
        age_band: '35-44',
        offence_group: 'assault-injury-ed',
        pfa_code: 'W15000002',
      },
    ]);
    // BNG rounded to the metre comes back within a couple of metres of the original point.
    expect(Math.abs((rows[0]!.lat as number) - 51.588311)).toBeLessThan(0.00003);
    expect(Math.abs((rows[0]!.lng as number) + 2.997664)).toBeLessThan(0.00003);
    const [d] = await t.db.query<{ date_precision: string; sensitivity: string; threshold: number }>(
      'select date_precision, sensitivity, threshold from datasets',
    );
    expect(d).toEqual({ date_precision: 'datetime', sensitivity: 'restricted', threshold: 5 });
  });

  it('loads a local police extract with flags and replaces re-supplied records by id', async () => {
    const file = write(`police-${backend.name}.csv`, [
      POLICE_HEADER,
      'GW/1,2024-03-01,21:05,51.588311,-2.997664,Assault occasioning actual bodily harm,Y,N,Y,Gwent Police',
      'GW/2,2024-03-02,14:00,51.588311,-2.997664,Possession of article with blade or point,N,Y,N,Gwent Police',
      'GW/3,2024-03-02,14:00,51.588311,-2.997664,Common assault,maybe,N,N,Gwent Police',
    ]);
    const mapping = resolveMapping('local-police');
    const first = await importPaths(t.db, [file], { kind: 'incidents', name: 'Local', mapping });
    expect(first.rowsAccepted).toBe(2);
    expect(first.rejections).toEqual([
      {
        file: `police-${backend.name}.csv`,
        line: 4,
        rule: expect.any(String),
        reason: 'unknown domestic_abuse value "maybe" (expected Y or N)',
      },
    ]);
    expect(first.rejections[0]!.rule).not.toMatch(/maybe/);
    const flags = await t.db.query(
      'select external_id, offence_group, domestic_abuse, knife, alcohol, source_force from incidents order by 1',
    );
    expect(flags).toEqual([
      {
        external_id: 'GW/1',
        offence_group: 'violence-with-injury',
        domestic_abuse: true,
        knife: false,
        alcohol: true,
        source_force: 'Gwent Police',
      },
      {
        external_id: 'GW/2',
        offence_group: 'weapons',
        domestic_abuse: false,
        knife: true,
        alcohol: false,
        source_force: 'Gwent Police',
      },
    ]);
    const corrected = write(`police2-${backend.name}.csv`, [
      POLICE_HEADER,
      'GW/2,2024-03-02,14:00,51.588311,-2.997664,Possession of offensive weapon,N,N,N,Gwent Police',
      'GW/4,2024-03-05,02:00,51.588311,-2.997664,Common assault,N,N,Y,Gwent Police',
    ]);
    const second = await importPaths(t.db, [corrected], { kind: 'incidents', name: 'Local', mapping });
    expect(second.rowsReplaced).toBe(1);
    expect(await countRows(t.db)).toBe(3);
    expect(await t.db.query("select knife from incidents where external_id = 'GW/2'")).toEqual([{ knife: false }]);
  });

  it('places postcode-only records at the postcode centroid and rejects unknown postcodes', async () => {
    const file = write(`postcode-${backend.name}.csv`, [
      'ref,date,postcode,type',
      'P1,2024-05-01,NP10 0AA,Common assault',
      'P2,2024-05-02,ZZ9 9ZZ,Common assault',
    ]);
    const mapping = resolveMapping({
      date: 'date',
      dateFormat: 'iso',
      location: { kind: 'postcode', postcode: 'postcode' },
      offence: 'type',
      externalId: 'ref',
    });
    const report = await importPaths(t.db, [file], { kind: 'incidents', name: 'Postcodes', mapping });
    expect(report.rowsAccepted).toBe(1);
    expect(report.rejections).toEqual([
      {
        file: `postcode-${backend.name}.csv`,
        line: 3,
        rule: 'unknown postcode',
        reason: expect.stringMatching(/^unknown postcode "ZZ9 9ZZ"/),
      },
    ]);
    // Code-Point Open: NP10 0AA is at 327201 E, 188959 N.
    const [expectedLng, expectedLat] = bngToWgs84(327201, 188959);
    const [row] = await t.db.query<{ lat: number; lng: number; lad_code: string }>(
      'select lat, lng, lad_code from incidents',
    );
    expect(row!.lat).toBeCloseTo(expectedLat, 5);
    expect(row!.lng).toBeCloseTo(expectedLng, 5);
    expect(row!.lad_code).toBe('W06000022');
  });

  it('refuses a file whose header lacks the mapped columns, storing nothing', async () => {
    const file = write(`bad-header-${backend.name}.csv`, ['id,when,where', '1,2024-01-01,here']);
    await expect(
      importPaths(t.db, [file], { kind: 'incidents', name: 'Bad', mapping: resolveMapping('local-police') }),
    ).rejects.toThrow(/bad-header-.*\.csv: header lacks the mapped columns "committed_date", "offence_description"/);
    expect(await countRows(t.db, 'select count(*)::int as n from datasets')).toBe(0);
  });
});

describe('column mappings', () => {
  it('validates custom mappings with a reason', () => {
    expect(() => resolveMapping({ date: 'd' })).toThrow(/invalid column mapping: dateFormat/);
    expect(() => resolveMapping('cardiff')).toThrow(/unknown mapping preset "cardiff"/);
    expect(() =>
      resolveMapping({ ...MAPPING_PRESETS['local-police'], offenceGroups: { Affray: 'no-such-group' } }),
    ).toThrow(/unknown offence group/);
    expect(
      resolveMapping({ ...MAPPING_PRESETS['local-police'], offenceGroups: { Affray: 'public-order' } }).offenceGroups,
    ).toEqual({ Affray: 'public-order' });
  });
});
