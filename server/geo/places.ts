import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Point } from 'geojson';
import { readBundled } from './geodata.js';

/**
 * A setting (context layer point): school, licensed premises, prison, ED, or a user's own, as
 * stored in its layer (the layer holds its owner and whether it is restricted).
 */
export interface PlaceInput {
  type: string;
  name: string;
  lat: number;
  lng: number;
  attributes: Record<string, unknown>;
  source: string;
  licence: string | null;
  positionSource: string | null;
  note: string | null;
  proxy: boolean;
}

interface BundledPlaceProps {
  type: string;
  name: string;
  attributes?: Record<string, unknown>;
  source: string;
  licence?: string | null;
  positionSource?: string | null;
  note?: string | null;
  proxy?: boolean;
}

export const BUNDLED_PLACES_FILE = 'places.geojson.gz';

/** The bundled context layers built by scripts/build-geodata.ts. */
export function bundledPlaces(): PlaceInput[] {
  if (!existsSync(fileURLToPath(new URL(`../../geodata/${BUNDLED_PLACES_FILE}`, import.meta.url)))) return [];
  const fc = readBundled<FeatureCollection<Point, BundledPlaceProps>>(BUNDLED_PLACES_FILE);
  return fc.features.map((f) => ({
    type: f.properties.type,
    name: f.properties.name,
    lng: f.geometry.coordinates[0]!,
    lat: f.geometry.coordinates[1]!,
    attributes: f.properties.attributes ?? {},
    source: f.properties.source,
    licence: f.properties.licence ?? null,
    positionSource: f.properties.positionSource ?? null,
    note: f.properties.note ?? null,
    proxy: f.properties.proxy ?? false,
  }));
}
