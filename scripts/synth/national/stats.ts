/**
 * Shape statistics of a folder of police.uk street-level CSVs, real or synthetic, so the
 * national generator can be checked against the real Gwent files:
 *
 *   npx tsx scripts/synth/national/stats.ts /work/shared/data/police-uk/gwent '^2024'
 *   npx tsx scripts/synth/national/stats.ts /tmp/national '' gwent
 *
 * Arguments: folder (walked recursively), optional regex on file names, optional regex on
 * file names to restrict to one force. Prints rows, distinct map points, rows per point, how
 * concentrated rows are on points and on H3 cells (resolutions 7-9), the crime type mix and
 * the rows per month.
 */
import { parse } from 'csv-parse/sync';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { latLngToCell } from 'h3-js';

const [folder, nameFilter = '', forceFilter = ''] = process.argv.slice(2);
if (!folder) throw new Error('usage: stats.ts <folder> [file-name-regex] [force-regex]');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : /\.csv$/i.test(n) ? [p] : [];
    });
}

const files = walk(folder).filter(
  (p) => new RegExp(nameFilter).test(basename(p)) && new RegExp(forceFilter).test(basename(p)),
);
let rows = 0;
let noLocation = 0;
const points = new Map<string, number>();
const types = new Map<string, number>();
const months = new Map<string, number>();
for (const file of files) {
  const records = parse(readFileSync(file), { bom: true, from_line: 2 }) as string[][];
  for (const v of records) {
    rows++;
    types.set(v[9]!, (types.get(v[9]!) ?? 0) + 1);
    months.set(v[1]!, (months.get(v[1]!) ?? 0) + 1);
    if (!v[4]) {
      noLocation++;
      continue;
    }
    const key = `${v[4]},${v[5]}`;
    points.set(key, (points.get(key) ?? 0) + 1);
  }
}

const share = (sorted: number[], fraction: number) => {
  const total = sorted.reduce((a, b) => a + b, 0);
  return sorted.slice(0, Math.max(1, Math.ceil(sorted.length * fraction))).reduce((a, b) => a + b, 0) / total;
};
const located = rows - noLocation;
console.log(
  `${files.length} files, ${rows} rows, ${noLocation} without a location (${((100 * noLocation) / rows).toFixed(2)}%)`,
);
const counts = [...points.values()].sort((a, b) => b - a);
console.log(
  `map points ${points.size}, rows/point ${(located / points.size).toFixed(1)}, max ${counts[0]}, median ${counts[counts.length >> 1]}, ` +
    `top 1% of points hold ${(100 * share(counts, 0.01)).toFixed(1)}%, top 10% ${(100 * share(counts, 0.1)).toFixed(1)}%`,
);
for (const res of [7, 8, 9]) {
  const cells = new Map<string, number>();
  for (const [key, n] of points) {
    const [lng, lat] = key.split(',').map(Number) as [number, number];
    const h = latLngToCell(lat, lng, res);
    cells.set(h, (cells.get(h) ?? 0) + n);
  }
  const c = [...cells.values()].sort((a, b) => b - a);
  console.log(
    `H3 r${res}: ${cells.size} cells, rows/cell mean ${(located / cells.size).toFixed(1)}, median ${c[c.length >> 1]}, max ${c[0]}, ` +
      `top 10% of cells hold ${(100 * share(c, 0.1)).toFixed(1)}%`,
  );
}
console.log(
  'crime types:',
  [...types]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${((100 * n) / rows).toFixed(1)}%`)
    .join(', '),
);
console.log(
  'rows per month:',
  [...months]
    .sort()
    .map(([m, n]) => `${m} ${n}`)
    .join(', '),
);
