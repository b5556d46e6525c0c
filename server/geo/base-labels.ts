/**
 * Every name the offline base map can draw, built once from the bundled geodata: towns and
 * villages (GeoNames), council and LSOA names at a point inside each area (polylabel: the
 * centroid of a coastal or hooked area can fall outside it), postcode sectors at the mean of
 * their unit postcodes (Code-Point Open), and the names of bundled schools and licensed premises.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { type BaseLabel, type BaseLabelKind, labelRank, labelShownAt } from '../domain/base-labels.js';
import { localAuthorities, lsoas } from './geodata.js';
import { bundledPlaces } from './places.js';
import { loadTowns } from './towns.js';

/** A label with what decides its zoom (population, for towns). */
export interface LabelSource extends BaseLabel {
  population: number;
}

/** The largest ring set of a (multi)polygon: the label goes in the main island, not an islet. */
function mainPolygon(geometry: Polygon | MultiPolygon): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  const area = (rings: Position[][]) => {
    const ring = rings[0] ?? [];
    let sum = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
    return Math.abs(sum);
  };
  return geometry.coordinates.reduce((best, p) => (area(p) > area(best) ? p : best));
}

function areaLabel(kind: BaseLabelKind, text: string, geometry: Polygon | MultiPolygon): LabelSource {
  // Precision in degrees: about 50 m, ample for placing a name.
  const [lon, lat] = polylabel(mainPolygon(geometry) as [number, number][][], 0.0005);
  return { text, kind, lon: lon!, lat: lat!, rank: labelRank(kind), population: 0 };
}

/** "NP201AB" -> "NP20 1": a unit postcode's sector (outward code, space, first inward digit). */
export function postcodeSector(postcode: string): string {
  return `${postcode.slice(0, -3)} ${postcode.slice(-3, -2)}`;
}

function sectorLabels(): LabelSource[] {
  const file = new URL('../../geodata/postcodes.csv.gz', import.meta.url);
  const sums = new Map<string, { lon: number; lat: number; n: number }>();
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(1)) {
    const [pc, lng, lat] = line.split(',');
    if (!pc || !lng || !lat || pc.length < 5) continue;
    const sector = postcodeSector(pc);
    const s = sums.get(sector) ?? { lon: 0, lat: 0, n: 0 };
    s.lon += Number(lng);
    s.lat += Number(lat);
    s.n++;
    sums.set(sector, s);
  }
  return [...sums].map(([text, s]) => ({
    text,
    kind: 'sector',
    lon: s.lon / s.n,
    lat: s.lat / s.n,
    rank: labelRank('sector'),
    population: 0,
  }));
}

const SETTING_KINDS: Record<string, BaseLabelKind> = { school: 'school', 'licensed-premises': 'pub' };

function settingLabels(): LabelSource[] {
  return bundledPlaces().flatMap((p) => {
    const kind = SETTING_KINDS[p.type];
    return kind && p.name ? [{ text: p.name, kind, lon: p.lng, lat: p.lat, rank: labelRank(kind), population: 0 }] : [];
  });
}

async function buildLabelSources(): Promise<readonly LabelSource[]> {
  const towns = (await loadTowns()).map(
    (t): LabelSource => ({ ...t, text: t.name, rank: labelRank(t.kind, t.population) }),
  );
  const lads = localAuthorities().features.map((f) => areaLabel('lad', f.properties.name, f.geometry));
  const lsoaNames = lsoas().features.map((f) => areaLabel('lsoa', f.properties.name, f.geometry));
  const all = [...towns, ...lads, ...lsoaNames, ...sectorLabels(), ...settingLabels()];
  return all.sort((a, b) => b.rank - a.rank);
}

let cached: Promise<readonly LabelSource[]> | undefined;

/** All label sources, highest rank first; built on first use and shared. */
export function baseLabelSources(): Promise<readonly LabelSource[]> {
  cached ??= buildLabelSources().catch((e: unknown) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

/**
 * The labels drawn in a view: inside the bounding box (west, south, east, north), shown at
 * this zoom, highest rank first, at most `limit` (the client drops those that collide).
 */
export function labelsInView(
  sources: readonly LabelSource[],
  [west, south, east, north]: readonly [number, number, number, number],
  zoom: number,
  limit: number,
): BaseLabel[] {
  const out: BaseLabel[] = [];
  for (const s of sources) {
    if (out.length >= limit) break;
    if (s.lon < west || s.lon > east || s.lat < south || s.lat > north) continue;
    if (!labelShownAt(s.kind, zoom, s.population)) continue;
    out.push({ text: s.text, kind: s.kind, lon: s.lon, lat: s.lat, rank: s.rank });
  }
  return out;
}
