import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/index.js';
import { ImportError } from '../../server/ingest/errors.js';
import { POLICE_UK_HEADER } from '../../server/ingest/police-uk.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { countRows, importPaths } from '../helpers/import.js';

/**
 * Property-based fuzzing of police.uk CSV ingest: whatever the bytes, an import either stores a
 * dataset whose every rejected row has a reason, or is refused with a message and stores nothing.
 * FUZZ_RUNS raises the case count for a long run by hand.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
/** One import per case: about 30 s for the default 2000 on a loaded machine. */
const FUZZ_TIMEOUT = Math.max(120_000, RUNS * 60);
const tmp = mkdtempSync(join(tmpdir(), 'hotspot-fuzz-'));

const field = fc.oneof(
  fc.constantFrom(
    '',
    '-2.99',
    '51.59',
    '2024-01',
    '2024-13',
    'Robbery',
    'Violence and sexual offences',
    'Gwent Police',
    'W01001440',
    'x',
    '"quoted, comma"',
    'NaN',
    '1e999',
    '\u0000',
    'é',
    '\r',
  ),
  fc.string({ maxLength: 12 }),
);
const row = fc.array(field, { minLength: 0, maxLength: 14 }).map((fs) => fs.join(','));
const goodRow = fc
  .record({ lng: fc.double({ min: -6, max: 2, noNaN: true }), lat: fc.double({ min: 49, max: 56, noNaN: true }) })
  .map(
    ({ lng, lat }) =>
      `id,2024-01,Gwent Police,Gwent Police,${lng.toFixed(6)},${lat.toFixed(6)},On or near X,W01001440,Newport 001A,Robbery,Under investigation,`,
  );
const file = fc.record({
  header: fc.oneof(fc.constant(POLICE_UK_HEADER.join(',')), fc.constant('\uFEFF' + POLICE_UK_HEADER.join(',')), row),
  rows: fc.array(fc.oneof(row, goodRow), { maxLength: 30 }),
  eol: fc.constantFrom('\n', '\r\n'),
});

describe.each(backends)('fuzzed police.uk CSV ingest on $name', (backend) => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await backend.open();
    db = t.db;
  });
  afterAll(async () => t?.dispose());

  it(`never crashes, hangs or half-stores (${RUNS} cases)`, { timeout: FUZZ_TIMEOUT }, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ header, rows, eol }) => {
        const path = join(tmp, `f${n++}.csv`);
        writeFileSync(path, [header, ...rows].join(eol));
        const before = await countRows(db);
        const datasets = await countRows(db, 'select count(*)::int as n from datasets');
        try {
          const report = await importPaths(db, [path], { kind: 'police-uk', name: `fuzz ${n}` });
          expect(report.rowsAccepted + report.rowsRejected).toBe(report.rowsRead);
          for (const r of report.rejections) expect(r.reason.length).toBeGreaterThan(0);
          expect(Object.values(report.rejectionCounts).reduce((a, b) => a + b, 0)).toBe(report.rowsRejected);
          expect(await countRows(db)).toBe(before + report.rowsAccepted);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as Error).message).toMatch(/\S/);
          expect(await countRows(db)).toBe(before);
          expect(await countRows(db, 'select count(*)::int as n from datasets')).toBe(datasets);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
