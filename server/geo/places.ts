import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Point } from 'geojson';
import { readBundled } from './geodata.js';

/** A setting (context layer point): school, licensed premises, prison, ED, or a user's own. */
export interface PlaceInput {
  layer: string;
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
  restricted: boolean;
  /** Who holds a restricted layer ('partnership:<id>' or 'pcc:<code>'). */
  ownerScope?: string | null;
}

export const PLACE_TYPE_LABELS: Record<string, string> = {
  school: 'Schools',
  'licensed-premises': 'Licensed premises',
  prison: 'Prisons and YOIs',
  'hospital-ed': 'Hospitals with an emergency department',
  custom: 'Other places',
};

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
    layer: 'bundled',
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
    restricted: false,
  }));
}
