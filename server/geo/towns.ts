/**
 * Town and village names for the offline base map: geodata/towns.csv.gz, built from GeoNames
 * (CC BY 4.0) by scripts/build-towns.ts. Rows are most populous first.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export type TownKind = 'city' | 'town' | 'village';

export interface Town {
  name: string;
  kind: TownKind;
  population: number;
  lon: number;
  lat: number;
}

/** Credit GeoNames requires wherever these names are shown. */
export const TOWNS_ATTRIBUTION = 'Place names © GeoNames (geonames.org), CC BY 4.0';

const FILE = new URL('../../geodata/towns.csv.gz', import.meta.url);
const KINDS: ReadonlySet<string> = new Set<TownKind>(['city', 'town', 'village']);

async function readTowns(): Promise<readonly Town[]> {
  const rows = parse(gunzipSync(await readFile(FILE)), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return rows.map((r, i) => {
    const kind = r.kind ?? '';
    if (!KINDS.has(kind)) throw new Error(`towns.csv.gz row ${i + 2}: unknown kind "${kind}"`);
    return {
      name: r.name ?? '',
      kind: kind as TownKind,
      population: Number(r.population),
      lon: Number(r.lon),
      lat: Number(r.lat),
    };
  });
}

let cached: Promise<readonly Town[]> | undefined;

/** Every bundled town and village, most populous first; read once and shared. */
export function loadTowns(): Promise<readonly Town[]> {
  cached ??= readTowns().catch((e: unknown) => {
    cached = undefined; // let a later call retry rather than cache the failure
    throw e;
  });
  return cached;
}
