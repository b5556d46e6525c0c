import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { AreaIndex } from './area-index.js';
import type { CellRow } from './cell-cover.js';

/** Files built by scripts/build-geodata.ts and committed; the app reads only these. */
const geodata = new URL('../../geodata/', import.meta.url);

export interface LadProps {
  code: string;
  name: string;
  nameWelsh: string | null;
  pfaCode: string;
  population: number;
}

export interface LsoaProps {
  code: string;
  name: string;
  ladCode: string;
  population: number;
}

type Areas<P> = FeatureCollection<Polygon | MultiPolygon, P>;

const readJson = <T>(path: string): T => {
  const bytes = readFileSync(new URL(path, geodata));
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
};

let lads: Areas<LadProps> | undefined;
let ladIndex: AreaIndex | undefined;

export function localAuthorities(): Areas<LadProps> {
  lads ??= readJson<Areas<LadProps>>('boundaries/lad.geojson');
  return lads;
}

export function lsoas(): Areas<LsoaProps> {
  return readJson<Areas<LsoaProps>>('boundaries/lsoa.geojson.gz');
}

/** LAD lookup for incidents; points outside the bundled councils get none. */
export function localAuthorityIndex(): AreaIndex {
  ladIndex ??= new AreaIndex(localAuthorities());
  return ladIndex;
}

export const GEODATA_FILES = [
  'boundaries/pfa.geojson',
  'boundaries/lad.geojson',
  'boundaries/lsoa.geojson.gz',
  'places.geojson.gz',
  'cells.csv.gz',
];

/** Resolutions stored per cell; resolution 10 takes area and population from its parent at 9. */
export const STORED_CELL_RESOLUTIONS = [7, 8, 9] as const;

/** The precomputed H3 cover with population (scripts/build-cells.ts). */
export function cellRows(pfaOfLad: (lad: string) => string | null): CellRow[] {
  const text = gunzipSync(readFileSync(new URL('cells.csv.gz', geodata))).toString('utf8');
  const rows: CellRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const [res, h3, lad, lsoa, cover, population] = line.split(',');
    rows.push({
      res: Number(res),
      h3: h3!,
      lsoaCode: lsoa || null,
      ladCode: lad!,
      pfaCode: pfaOfLad(lad!),
      population: Number(population),
      inCover: cover === '1',
    });
  }
  return rows;
}

/** Changes whenever a bundled geodata file changes, so start-up reloads them exactly then. */
export function geodataVersion(): string {
  const hash = createHash('sha256');
  for (const file of GEODATA_FILES) hash.update(file).update(readFileSync(new URL(file, geodata)));
  return hash.digest('hex').slice(0, 16);
}

export function readBundled<T>(path: string): T {
  return readJson<T>(path);
}
