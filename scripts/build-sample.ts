/**
 * Builds the bundled police.uk sample in geodata/sample/police-uk/ from ../shared/data/police-uk/:
 * Gwent 2023-07..2025-06 (24 months) and South Wales and Avon and Somerset 2024-01..04, each
 * month an unmodified data.police.uk CSV, gzipped (level 9, no timestamp, so rebuilds are
 * byte-identical). Rebuild: `npm run build:sample`. Synthetic restricted data: `npm run synth`.
 */
import { readdir, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const source = new URL('../../shared/data/police-uk/', import.meta.url);
const target = new URL('../geodata/sample/police-uk/', import.meta.url);

const SELECTION: Record<string, { from: string; to: string }> = {
  gwent: { from: '2023-07', to: '2025-06' },
  'south-wales': { from: '2024-01', to: '2024-04' },
  'avon-and-somerset': { from: '2024-01', to: '2024-04' },
};

await rm(target, { recursive: true, force: true });
for (const [force, { from, to }] of Object.entries(SELECTION)) {
  const dir = new URL(`${force}/`, target);
  await mkdir(dir, { recursive: true });
  const files = (await readdir(new URL(`${force}/`, source))).filter((f) => f.endsWith('-street.csv')).sort();
  let n = 0;
  for (const file of files) {
    const month = file.slice(0, 7);
    if (month < from || month > to) continue;
    const csv = await readFile(new URL(`${force}/${file}`, source));
    await writeFile(new URL(`${file}.gz`, dir), gzipSync(csv, { level: 9 }));
    n++;
  }
  console.log(`${force}: ${n} months`);
}
