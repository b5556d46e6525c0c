import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cellToLatLng, getResolution } from 'h3-js';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../helpers/databases.js';
import { countRows, groupCounts, importPaths } from '../helpers/import.js';
import { policeUkFile, tallyPoliceUk } from '../helpers/shared-data.js';

const tmp = mkdtempSync(join(tmpdir(), 'hotspot-test-'));

function writeZip(path: string, entries: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const [name, file] of Object.entries(entries)) zip.addFile(file, name);
    zip.outputStream
      .pipe(createWriteStream(path))
      .on('close', () => resolve())
      .on('error', reject);
    zip.end();
  });
}

describe.each(backends)('police.uk ingest on $name', (backend) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await backend.open();
  });
  afterEach(async () => t.dispose());

  it('loads a full Gwent month: every row with coordinates, by crime type, at four H3 resolutions', async () => {
    const file = policeUkFile('gwent', '2024-01');
    const tally = tallyPoliceUk(file);
    const report = await importPaths(t.db, [file], { kind: 'police-uk', name: 'Gwent' });
    expect(report.rowsRead).toBe(tally.rows);
    expect(report.rowsAccepted).toBe(tally.withCoordinates);
    expect(report.rejectionCounts).toEqual({ 'no coordinates': tally.rows - tally.withCoordinates });
    expect(await groupCounts(t.db, report.datasetId)).toEqual(tally.byCrimeType);
    const [row] = await t.db.query<{
      lat: number;
      lng: number;
      h3_r7: string;
      h3_r10: string;
      pfa_code: string;
      month: string;
    }>(
      `select lat, lng, h3_r7, h3_r10, pfa_code, to_char(month, 'YYYY-MM') as month from incidents where crime_id = $1`,
      ['75f70c5c366d1dc6c6527ed1f76b08715c865b6a54dd3299493eb3a40a453d04'],
    );
    expect(row).toMatchObject({ lat: 51.79485, lng: -3.197173, pfa_code: 'W15000002', month: '2024-01' });
    expect(getResolution(row!.h3_r7)).toBe(7);
    expect(getResolution(row!.h3_r10)).toBe(10);
    const [cLat, cLng] = cellToLatLng(row!.h3_r10);
    expect(Math.abs(cLat - row!.lat)).toBeLessThan(0.001);
    expect(Math.abs(cLng - row!.lng)).toBeLessThan(0.001);
  });

  it('reads a CRLF South Wales month and a gzipped copy to the same counts', async () => {
    const file = policeUkFile('south-wales', '2024-03');
    expect(readFileSync(file, 'latin1')).toContain('\r\n');
    const tally = tallyPoliceUk(file);
    const plain = await importPaths(t.db, [file], { kind: 'police-uk', name: 'South Wales' });
    expect(plain.rowsAccepted).toBe(tally.withCoordinates);
    const gz = join(tmp, '2024-03-south-wales-street.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(file)));
    const zipped = await importPaths(t.db, [gz], { kind: 'police-uk', name: 'South Wales (gz)' });
    expect(zipped.rowsAccepted).toBe(tally.withCoordinates);
    expect(await groupCounts(t.db, zipped.datasetId)).toEqual(tally.byCrimeType);
  });

  it('opens the data.police.uk zip layout (YYYY-MM/YYYY-MM-force-street.csv)', async () => {
    const zip = join(tmp, `download-${backend.name}.zip`);
    await writeZip(zip, {
      '2024-01/2024-01-gwent-street.csv': policeUkFile('gwent', '2024-01'),
      '2024-02/2024-02-gwent-street.csv': policeUkFile('gwent', '2024-02'),
    });
    const jan = tallyPoliceUk(policeUkFile('gwent', '2024-01'));
    const feb = tallyPoliceUk(policeUkFile('gwent', '2024-02'));
    const report = await importPaths(t.db, [zip], { kind: 'police-uk', name: 'Gwent' });
    expect(report.files.map((f) => f.name)).toEqual([
      `download-${backend.name}.zip/2024-01/2024-01-gwent-street.csv`,
      `download-${backend.name}.zip/2024-02/2024-02-gwent-street.csv`,
    ]);
    expect(report.acceptedByMonth).toEqual({ '2024-01': jan.withCoordinates, '2024-02': feb.withCoordinates });
  });

  it('replaces a re-imported month instead of doubling it, keeping other months', async () => {
    const jan = policeUkFile('gwent', '2024-01');
    const feb = policeUkFile('gwent', '2024-02');
    const first = await importPaths(t.db, [jan, feb], { kind: 'police-uk', name: 'Gwent' });
    const again = await importPaths(t.db, [jan], { kind: 'police-uk', name: 'Gwent' });
    expect(again.datasetId).toBe(first.datasetId);
    expect(again.monthsReplaced).toEqual(['2024-01']);
    expect(again.rowsReplaced).toBe(tallyPoliceUk(jan).withCoordinates);
    expect(await countRows(t.db)).toBe(first.rowsAccepted);
    const [d] = await t.db.query<{ rows_accepted: number }>('select rows_accepted from datasets where id = $1', [
      first.datasetId,
    ]);
    expect(d!.rows_accepted).toBe(first.rowsAccepted);
  });

  it('reports each rejected row with its line and reason, and keeps the good rows', async () => {
    const header =
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
    const ok = (id: string, lng = '-2.99', lat = '51.59', type = 'Robbery', month = '2024-01') =>
      `${id},${month},Gwent Police,Gwent Police,${lng},${lat},On or near X,W01001440,Newport 001A,${type},Under investigation,`;
    const lines = [
      header,
      ok('a1'), // line 2 ok
      ok('a2', '', ''), // 3 no coordinates
      ok('a3', '2.35', '48.85'), // 4 Paris
      ok('a4', '-4.25', '55.86'), // 5 Glasgow
      ok('a5', '-2.99', '51.59', 'Alien abduction'), // 6 unknown crime type
      ok('a6', '-2.99', '51.59', 'Robbery', '2024-13'), // 7 bad month
      'a7,2024-01,Gwent Police', // 8 short row
      ok('a8', 'west', '51.5'), // 9 not a number
      ok('', '-2.99', '51.59', 'Anti-social behaviour'), // 10 ASB without Crime ID: kept
    ];
    const file = join(tmp, `rejects-${backend.name}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    const report = await importPaths(t.db, [file], { kind: 'police-uk', name: 'Rejects' });
    expect(report.rowsAccepted).toBe(2);
    expect(report.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'no coordinates'],
      [4, 'outside England and Wales'],
      [5, 'outside England and Wales'],
      [6, 'unknown crime type "Alien abduction"'],
      [7, 'unparseable month "2024-13"'],
      [8, 'wrong number of columns (3, expected 12)'],
      [9, 'coordinates are not numbers'],
    ]);
    expect(report.rejectionCounts).toEqual({
      'no coordinates': 1,
      'outside England and Wales': 2,
      'unknown mapping value': 1,
      'unparseable date': 1,
      'wrong number of columns': 1,
      'invalid coordinates': 1,
    });
    const groups = await t.db.query<{ offence_group: string; crime_id: string | null }>(
      'select offence_group, crime_id from incidents order by 1',
    );
    expect(groups).toEqual([
      { offence_group: 'asb', crime_id: null },
      { offence_group: 'robbery', crime_id: 'a1' },
    ]);
  });

  it('refuses a file that is not what it claims and stores nothing, even with good files in the same import', async () => {
    const good = policeUkFile('gwent', '2024-01');
    const wrongHeader = join(tmp, 'wrong.csv');
    writeFileSync(wrongHeader, 'name,value\nx,1\n');
    const binary = join(tmp, 'binary.csv');
    writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    const empty = join(tmp, 'empty.csv');
    writeFileSync(empty, '');
    const headerOnly = join(tmp, 'header-only.csv');
    writeFileSync(headerOnly, readFileSync(good, 'utf8').split('\n')[0] + '\n');
    const cases: [string, RegExp][] = [
      [wrongHeader, /wrong\.csv: not a data\.police\.uk street-level CSV/],
      [binary, /binary\.csv: is a binary file/],
      [empty, /empty\.csv: the file is empty/],
      [headerOnly, /header-only\.csv: has a header but no rows/],
    ];
    for (const [bad, message] of cases) {
      await expect(importPaths(t.db, [good, bad], { kind: 'police-uk', name: 'Gwent' })).rejects.toThrow(message);
    }
    expect(await countRows(t.db)).toBe(0);
    expect(await countRows(t.db, 'select count(*)::int as n from datasets')).toBe(0);
  });

  it('refuses the same month twice in one import', async () => {
    const jan = policeUkFile('gwent', '2024-01');
    const gz = join(tmp, `dup-${backend.name}.csv.gz`);
    writeFileSync(gz, gzipSync(readFileSync(jan)));
    await expect(importPaths(t.db, [jan, gz], { kind: 'police-uk', name: 'Gwent' })).rejects.toThrow(
      /month 2024-01 for Gwent Police is also in/,
    );
    expect(await countRows(t.db)).toBe(0);
  });
});
