import { bbox as turfBbox, featureCollection, kinks, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { polygonToCells } from 'h3-js';
import { policeForceAreaIndex } from './boundaries.js';
import { STORED_CELL_RESOLUTIONS } from './geodata.js';

export type AreaGeometry = Polygon | MultiPolygon;

/** The outline of several areas: their union (neighbouring LADs merge into one shape). */
export function unionOutline(geometries: readonly AreaGeometry[]): Feature<AreaGeometry> {
  if (geometries.length === 1) return { type: 'Feature', properties: {}, geometry: geometries[0]! };
  const merged = union(
    featureCollection(geometries.map((geometry) => ({ type: 'Feature' as const, properties: {}, geometry }))),
  );
  if (!merged) throw new Error('the areas have no union');
  return merged as Feature<AreaGeometry>;
}

export function bboxOf(geometry: unknown): [number, number, number, number] {
  return turfBbox(geometry as AreaGeometry) as [number, number, number, number];
}

export class InvalidPolygon extends Error {}

/**
 * Checks a user-supplied partnership polygon: GeoJSON (Polygon, MultiPolygon, or a Feature /
 * one-feature FeatureCollection of one) in WGS84 longitude/latitude, closed rings, no
 * self-intersections, and at least partly inside England and Wales.
 */
export function validatePartnershipPolygon(input: unknown): AreaGeometry {
  const geometry = unwrap(input);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) throw new InvalidPolygon('the polygon has no rings');
  const positions: Position[] = [];
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) throw new InvalidPolygon('a polygon has no rings');
    for (const ring of rings) {
      if (!Array.isArray(ring) || ring.length < 4)
        throw new InvalidPolygon('every ring needs at least 4 positions (closed: first = last)');
      for (const p of ring) {
        if (
          !Array.isArray(p) ||
          p.length < 2 ||
          !p.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v))
        )
          throw new InvalidPolygon('every position must be [longitude, latitude] numbers');
        positions.push(p);
      }
      const [first, last] = [ring[0]!, ring[ring.length - 1]!];
      if (first[0] !== last[0] || first[1] !== last[1])
        throw new InvalidPolygon('a ring is not closed (its first and last positions differ)');
    }
  }
  if (positions.some(([x, y]) => Math.abs(x!) > 180 || Math.abs(y!) > 90)) {
    const looksBng = positions.every(([x, y]) => x! >= 0 && x! <= 700_000 && y! >= 0 && y! <= 1_300_000);
    throw new InvalidPolygon(
      looksBng
        ? 'coordinates look like British National Grid metres (EPSG:27700); send WGS84 longitude/latitude (EPSG:4326)'
        : 'coordinates are not WGS84 longitude/latitude (EPSG:4326)',
    );
  }
  if (positions.every(([x, y]) => y! > -10 && y! < 10 && x! > 40))
    throw new InvalidPolygon('coordinates look like [latitude, longitude]; GeoJSON wants [longitude, latitude]');
  const crossings = kinks({ type: 'Feature', properties: {}, geometry } as Feature<AreaGeometry>).features.length;
  if (crossings > 0)
    throw new InvalidPolygon(`the polygon intersects itself (${crossings} crossing${crossings > 1 ? 's' : ''})`);
  const index = policeForceAreaIndex();
  if (!positions.some(([x, y]) => index.locate(x!, y!) !== null)) {
    const [w, s, e, n] = bboxOf(geometry);
    if (index.locate((w + e) / 2, (s + n) / 2) === null)
      throw new InvalidPolygon('the polygon lies outside England and Wales');
  }
  return geometry;
}

function unwrap(input: unknown): AreaGeometry {
  const o = input as { type?: string; geometry?: unknown; features?: unknown[] } | null;
  if (!o || typeof o !== 'object') throw new InvalidPolygon('expected a GeoJSON Polygon or MultiPolygon');
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features) || o.features.length !== 1)
      throw new InvalidPolygon('a FeatureCollection must hold exactly one polygon feature');
    return unwrap(o.features[0]);
  }
  if (o.type === 'Feature') return unwrap(o.geometry);
  if (o.type === 'Polygon' || o.type === 'MultiPolygon') return o as AreaGeometry;
  throw new InvalidPolygon(`expected a GeoJSON Polygon or MultiPolygon, got ${o.type ?? 'no type'}`);
}

/** Cells whose centre lies inside the polygon, at the stored cover resolutions (7-9). */
export function polygonCover(geometry: AreaGeometry): { res: number; h3: string }[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const out: { res: number; h3: string }[] = [];
  for (const res of STORED_CELL_RESOLUTIONS) {
    const seen = new Set<string>();
    for (const rings of polygons) for (const h3 of polygonToCells(rings, res, true)) seen.add(h3);
    for (const h3 of seen) out.push({ res, h3 });
  }
  return out;
}
