/**
 * Synthetic map points for one police force area: the fixed set of locations police.uk-style
 * rows are snapped to, each with a weight (how often crimes are placed there), a street name and
 * an LSOA. The geography depends only on the seed and the force, never on how many rows are
 * drawn, so a small run is a thin sample of the same national map.
 *
 * Model (calibrated against the real Gwent 2024 files with stats.ts):
 * - Points: POINTS_PER_ANNUAL_ROW x the force's national annual volume (Gwent: ~8,000, of
 *   which ~7,300 receive a row in a year; the real 2024 files use 7,206).
 * - Towns: 3 + 1.3 x sqrt(annual thousands) centres (1 for the City of London), uniform in the
 *   force area; sizes Zipf (1/rank, or 1/sqrt(rank) for metropolitan forces). A town's points
 *   are Gaussian around its centre with sigma = sqrt(points / (2 pi x POINT_DENSITY)) km.
 * - Villages: RURAL_SHARE of the points (3% for metropolitan forces) in clusters of 3-15 with
 *   sigma 0.35 km, centres uniform in the force area.
 * - Weights: lognormal (sigma WEIGHT_SIGMA) x (1 + CORE_BOOST near a town centre), so a few
 *   town-centre points carry most rows, as police.uk's do.
 * Synthetic Gwent in the 6.5M-row national year (seed 1) against the real Gwent 2024 files:
 *                       synthetic            real
 *   rows                69,581               72,040
 *   map points used     7,332 (median 5)     7,206 (median 5)
 *   top 10% of points   43.5% of rows        46.1%
 *   H3 r7 cells         257, top 10% 66.9%   307, top 10% 65.6%
 *   H3 r8 cells         952, top 10% 59.6%   877, top 10% 55.4%
 *   H3 r9 cells         3,023, top 10% 49.8% 2,420, top 10% 47.0%
 * (South Wales and Avon and Somerset Jan-Apr 2024 are as close.)
 * Every point, at the 6 decimals written, lies strictly inside its force polygon (exact
 * point-in-polygon, no coastal tolerance) and is placed in that force by the importer's own
 * lookup; points that fail either test are redrawn.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { AreaIndex } from '../../../server/geo/area-index.js';
import { policeForceAreaIndex, policeForceAreas } from '../../../server/geo/boundaries.js';
import { childRng, type Rng } from '../random.js';
import { POINT_NAMES, STREET_KINDS, STREET_STEMS, type ForceSpec } from './tables.js';

export const POINTS_PER_ANNUAL_ROW = 0.115;
const POINT_DENSITY = 80; // map points per km² in a town
const RURAL_SHARE = 0.2;
const WEIGHT_SIGMA = 1.0;
const CORE_BOOST = 6;
const KM_PER_DEG_LAT = 110.57;

export interface ForceGeography {
  force: ForceSpec;
  /** Per point: `lng,lat,Location,LSOA code,LSOA name` ready to write. */
  fields: string[];
  sampler: AliasSampler;
}

let strictIndex: AreaIndex | undefined;
/** PFA lookup with no coastal tolerance: a point it places is inside that polygon. */
function pfaIndex(): AreaIndex {
  strictIndex ??= new AreaIndex(policeForceAreas(), 0);
  return strictIndex;
}

function bboxOf(feature: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const rings of polygons)
    for (const [x, y] of rings[0]!) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
    }
  return [w, s, e, n];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function gaussian(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Builds the map points of one force; `seed` and the force alone decide them. */
export function buildForceGeography(
  force: ForceSpec,
  seed: number,
  nationalAnnualRows: number,
  forceIndex: number,
): ForceGeography {
  const feature = policeForceAreas().features.find((f) => f.properties.code === force.code);
  if (!feature) throw new Error(`no PFA ${force.code} in geodata/boundaries/pfa.geojson`);
  const index = pfaIndex();
  const [w, s, e, n] = bboxOf(feature);
  const rng = childRng(seed, 'national', 'geography', force.slug);
  // Tested as written (6 decimals), by the exact polygon and by the importer's own lookup (which
  // gives coastal points within 2 km to the nearest force), so the import places every point here.
  const appIndex = policeForceAreaIndex();
  const inside = (lng: number, lat: number) => {
    const x = round6(lng);
    const y = round6(lat);
    return index.locate(x, y) === force.code && appIndex.locate(x, y) === force.code;
  };
  const uniformPoint = (): [number, number] => {
    for (let i = 0; i < 100_000; i++) {
      const lng = rng.uniform(w, e);
      const lat = rng.uniform(s, n);
      if (inside(lng, lat)) return [round6(lng), round6(lat)];
    }
    throw new Error(`could not sample a point inside ${force.name}`);
  };
  /** Gaussian around a centre, redrawn until inside the force (falls back to the centre). */
  const around = (lng0: number, lat0: number, sigmaKm: number): [number, number] => {
    const kmPerDegLng = 111.32 * Math.cos((lat0 * Math.PI) / 180);
    for (let i = 0; i < 50; i++) {
      const lng = lng0 + (gaussian(rng) * sigmaKm) / kmPerDegLng;
      const lat = lat0 + (gaussian(rng) * sigmaKm) / KM_PER_DEG_LAT;
      if (inside(lng, lat)) return [round6(lng), round6(lat)];
    }
    return [lng0, lat0];
  };

  const total = Math.max(50, Math.round(POINTS_PER_ANNUAL_ROW * nationalAnnualRows));
  const ruralShare = force.metro ? 0.03 : RURAL_SHARE;
  const townCount = force.slug === 'city-of-london' ? 1 : Math.round(3 + 1.3 * Math.sqrt(force.annualK));
  const zipf = force.metro ? 0.5 : 1;
  const townShares = Array.from({ length: townCount }, (_, i) => 1 / (i + 1) ** zipf);
  const shareSum = townShares.reduce((a, b) => a + b, 0);
  const urbanPoints = Math.round(total * (1 - ruralShare));

  const lng = new Float64Array(total);
  const lat = new Float64Array(total);
  const weight = new Float64Array(total);
  let k = 0;
  for (let t = 0; t < townCount; t++) {
    const [cx, cy] = uniformPoint();
    const count = t === townCount - 1 ? urbanPoints - k : Math.round((urbanPoints * townShares[t]!) / shareSum);
    const sigmaKm = Math.max(0.4, Math.sqrt(count / (2 * Math.PI * POINT_DENSITY)));
    const kmPerDegLng = 111.32 * Math.cos((cy * Math.PI) / 180);
    for (let i = 0; i < count && k < total; i++, k++) {
      const [x, y] = around(cx, cy, sigmaKm);
      const dKm = Math.hypot((x - cx) * kmPerDegLng, (y - cy) * KM_PER_DEG_LAT);
      const core = Math.exp(-(dKm * dKm) / (2 * (0.25 * sigmaKm) ** 2));
      lng[k] = x;
      lat[k] = y;
      weight[k] = Math.exp(WEIGHT_SIGMA * gaussian(rng)) * (1 + CORE_BOOST * core);
    }
  }
  while (k < total) {
    const [cx, cy] = uniformPoint();
    const size = rng.int(3, 15);
    for (let i = 0; i < size && k < total; i++, k++) {
      const [x, y] = around(cx, cy, 0.35);
      lng[k] = x;
      lat[k] = y;
      weight[k] = Math.exp(WEIGHT_SIGMA * gaussian(rng));
    }
  }

  // Names and LSOAs. An LSOA here is a ~1.1 km x 1.4 km grid square (real ones are smaller in
  // towns, larger in the country); codes are unique across forces, names use the force name.
  const prefix = force.code.startsWith('W') ? 'W01' : 'E01';
  const lsoas = new Map<string, string>();
  const genericTotal = POINT_NAMES.reduce((a, [, p]) => a + p, 0);
  const fields = new Array<string>(total);
  for (let i = 0; i < total; i++) {
    const x = lng[i]!;
    const y = lat[i]!;
    let name: string;
    if (rng.next() * 100 < genericTotal) name = rng.weighted(POINT_NAMES);
    else name = `${rng.pick(STREET_STEMS)} ${rng.pick(STREET_KINDS)}`;
    const cell = `${Math.floor(x / 0.02)},${Math.floor(y / 0.01)}`;
    let lsoa = lsoas.get(cell);
    if (!lsoa) {
      const n = lsoas.size;
      const code = `${prefix}${String(forceIndex * 20_000 + n + 1).padStart(6, '0')}`;
      lsoa = `${code},${force.name.replace(/ (Police|Constabulary|Police Service)$/, '')} ${String(Math.floor(n / 4) + 1).padStart(3, '0')}${'ABCD'[n % 4]}`;
      lsoas.set(cell, lsoa);
    }
    fields[i] = `${x.toFixed(6)},${y.toFixed(6)},On or near ${name},${lsoa}`;
  }
  return { force, fields, sampler: new AliasSampler(weight) };
}

/** Walker/Vose alias table: O(1) draws from a fixed discrete distribution. */
export class AliasSampler {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += weights[i]!;
    if (!(sum > 0)) throw new Error('AliasSampler needs a positive weight');
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / sum;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const l = small.pop()!;
      const g = large.pop()!;
      this.prob[l] = scaled[l]!;
      this.alias[l] = g;
      scaled[g] = scaled[g]! + scaled[l]! - 1;
      (scaled[g]! < 1 ? small : large).push(g);
    }
    for (const i of [...small, ...large]) this.prob[i] = 1;
  }

  get size(): number {
    return this.prob.length;
  }

  /** Index for two uniforms in [0, 1). */
  sample(u1: number, u2: number): number {
    const i = Math.floor(u1 * this.prob.length);
    return u2 < this.prob[i]! ? i : this.alias[i]!;
  }
}
