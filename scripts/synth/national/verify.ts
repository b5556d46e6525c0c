/**
 * Checks a folder written by generate.ts against the app's real importer: imports it into an
 * in-memory PGlite database with importDataset and checks that
 * - every row was read and every row with coordinates was stored (the only rejections are the
 *   generator's "No Location" rows, as "no coordinates");
 * - every stored row's point-in-polygon force area (pfa_code) is the force that reported it,
 *   with the row counts per force in manifest.json;
 * - the crime type mix is the Gwent mix it was drawn from (within 1 percentage point).
 *
 *   npx tsx scripts/synth/national/verify.ts /tmp/national-200k
 *
 * Meant for up to ~1M rows (the database is in memory).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../server/db/index.js';
import { pfaCodeForForce } from '../../../server/geo/force-names.js';
import { importDataset } from '../../../server/ingest/import.js';
import { expandInputs } from '../../../server/ingest/sources.js';
import { CRIME_TYPES, FORCES } from './tables.js';

interface Manifest {
  rows: number;
  rowsWithoutLocation: number;
  forces: Record<string, { code: string; rows: number; noLocation: number }>;
}

const folder = process.argv[2];
if (!folder) throw new Error('usage: verify.ts <folder written by generate.ts>');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;

let failures = 0;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

const { db } = await openDatabase({});
const started = performance.now();
const report = await importDataset(db, {
  kind: 'police-uk',
  name: 'national-synthetic',
  files: await expandInputs([folder]),
});
const seconds = (performance.now() - started) / 1000;
console.log(
  `imported ${report.rowsRead} rows (${report.rowsAccepted} stored) from ${report.files.length} files in ${seconds.toFixed(1)} s`,
);

check(report.rowsRead === manifest.rows, `rows read ${report.rowsRead} = rows written ${manifest.rows}`);
const rejections = Object.entries(report.rejectionCounts);
check(
  rejections.length === (manifest.rowsWithoutLocation > 0 ? 1 : 0) &&
    (report.rejectionCounts['no coordinates'] ?? 0) === manifest.rowsWithoutLocation,
  `only rejections are the ${manifest.rowsWithoutLocation} No Location rows: ${JSON.stringify(report.rejectionCounts)}`,
);
check((report.rejectionCounts['outside England and Wales'] ?? 0) === 0, 'no row outside England and Wales');
check(
  report.outsideForce.total === 0,
  `no stored row outside the force that reported it (${report.outsideForce.total})`,
);

const byForce = await db.query<{ source_force: string; pfa_code: string; n: number }>(
  'select source_force, pfa_code, count(*)::int as n from incidents group by 1, 2 order by 1, 2',
);
let forceRowsOk = true;
for (const [slug, f] of Object.entries(manifest.forces)) {
  const spec = FORCES.find((x) => x.slug === slug)!;
  const rows = byForce.filter((r) => r.source_force === spec.name);
  const expected = f.rows - f.noLocation;
  const ok =
    rows.length === (expected > 0 ? 1 : 0) &&
    (expected === 0 || (rows[0]!.pfa_code === f.code && rows[0]!.n === expected));
  if (!ok) {
    forceRowsOk = false;
    console.log(`     ${slug}: expected ${expected} rows in ${f.code}, got ${JSON.stringify(rows)}`);
  }
}
check(
  forceRowsOk,
  `each of ${Object.keys(manifest.forces).length} forces' rows are all in its own force area, with the manifest's counts`,
);
check(
  byForce.every((r) => pfaCodeForForce(r.source_force) === r.pfa_code),
  'pfa_code from point-in-polygon = the PFA of "Reported by" for every group',
);

const types = await db.query<{ offence_text: string; n: number }>(
  'select offence_text, count(*)::int as n from incidents group by 1',
);
const typeRows = CRIME_TYPES.reduce((a, t) => a + t.rows, 0);
const worst = CRIME_TYPES.map((t) => {
  const got = (types.find((r) => r.offence_text === t.type)?.n ?? 0) / report.rowsAccepted;
  return { type: t.type, diff: Math.abs(got - t.rows / typeRows) };
}).sort((a, b) => b.diff - a.diff)[0]!;
check(
  worst.diff < 0.01,
  `crime type mix within 1 point of Gwent's (largest gap ${worst.type}, ${(100 * worst.diff).toFixed(2)} points)`,
);

const cells = await db.query<{ res: string; cells: number }>(
  `select 'r7' as res, count(distinct h3_r7)::int as cells from incidents union all
   select 'r9', count(distinct h3_r9)::int from incidents union all
   select 'r10', count(distinct h3_r10)::int from incidents`,
);
console.log(`distinct H3 cells: ${cells.map((c) => `${c.res} ${c.cells}`).join(', ')}`);
await db.close();
console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
