/**
 * Builds geodata/cells.csv.gz — the H3 cover of the bundled LSOAs at resolutions 7, 8 and 9
 * with population per cell — from the built boundaries (run after scripts/build-geodata.ts):
 *   npm run build:cells
 * The cover is computed at resolution 10 (server/geo/cell-cover.ts) and written for 7-9;
 * resolution-10 cells take area and population from their resolution-9 parent at query time
 * (two million resolution-10 rows would add minutes to the embedded database's first start).
 * Columns: res,h3,lad,lsoa,cover,population — one row per LAD a cell straddles, with that LAD's
 * residents (3 dp); `cover` = 1 on the row of the area holding the cell (its centre), which
 * also names the LSOA. A cell whose centre is not on land and under 40% of whose area is
 * land (scripts/geodata/land.ts: land is inside the coastline-clipped local authorities, where
 * the LSOAs reach to mean low water, as on the Severn's mudflats) has no `cover` row: it is in
 * no area's cover; a cell centred on a river in town (the Usk in Newport) stays if it is mostly
 * land. Needs ../shared/data.
 */
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { buildCellCover } from '../server/geo/cell-cover.js';
import { localAuthorities, lsoas } from '../server/geo/geodata.js';
import { landTest } from './geodata/land.js';

const started = performance.now();
const pfaOfLad = new Map(localAuthorities().features.map((f) => [f.properties.code, f.properties.pfaCode]));
// Land: cells whose centre lies in a coastline-clipped local authority, or 40% of their area (geodata/land.ts).
const land = landTest(localAuthorities());
const onLand = (h3: string) => land.keeps(h3);
const rows = buildCellCover(
  lsoas().features.map((f) => ({
    code: f.properties.code,
    ladCode: f.properties.ladCode,
    population: f.properties.population,
    geometry: f.geometry,
  })),
  (lad) => pfaOfLad.get(lad) ?? null,
  onLand,
)
  .filter((r) => r.res < 10)
  .sort((a, b) => a.res - b.res || (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0) || (a.ladCode! < b.ladCode! ? -1 : 1));
const csv =
  [
    'res,h3,lad,lsoa,cover,population',
    ...rows.map(
      (r) =>
        `${r.res},${r.h3},${r.ladCode},${r.lsoaCode ?? ''},${r.inCover ? 1 : 0},${Math.round(r.population * 1000) / 1000}`,
    ),
  ].join('\n') + '\n';
const gz = gzipSync(csv, { level: 9 });
await writeFile(new URL('../geodata/cells.csv.gz', import.meta.url), gz);
console.log(
  `cells.csv.gz: ${rows.length} rows, ${(gz.length / 1024).toFixed(0)} KB, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
