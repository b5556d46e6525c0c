import { bngToWgs84, isPlausibleBng } from '../geo/bng.js';
import { policeForceAreaIndex } from '../geo/boundaries.js';
import { postcodePosition } from './postcode-position.js';
import { ImportError } from './errors.js';
import { parseCoordinate } from './locate.js';

const NAME = ['name', 'site_name', 'place', 'premises', 'school name', 'title'];
const LAT = ['lat', 'latitude'];
const LNG = ['lng', 'lon', 'long', 'longitude'];
const EASTING = ['easting', 'eastings', 'x'];
const NORTHING = ['northing', 'northings', 'y'];
const POSTCODE = ['postcode', 'post_code', 'post code'];

export type PlaceLocator = (values: string[]) => { lng: number; lat: number } | { category: string; reason: string };

export interface PlaceColumns {
  name: number;
  locate: PlaceLocator;
  /** How positions are read, for the report. */
  positionSource: string;
  attributes: { column: string; index: number }[];
}

/** Finds the name and position columns of a place CSV: lat/lng, BNG easting/northing, or postcode. */
export function placeColumns(header: string[], fileName: string): PlaceColumns {
  const lower = header.map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => lower.findIndex((h) => names.includes(h));
  const name = find(NAME);
  if (name < 0) throw new ImportError(`${fileName}: no name column (expected one of: ${NAME.join(', ')})`);
  const [lat, lng, e, n, pc] = [find(LAT), find(LNG), find(EASTING), find(NORTHING), find(POSTCODE)];
  const used = new Set([name, lat, lng, e, n, pc].filter((i) => i >= 0));
  const attributes = header
    .map((column, index) => ({ column: column.trim(), index }))
    .filter((a) => !used.has(a.index));
  if (lat >= 0 && lng >= 0)
    return {
      name,
      attributes,
      positionSource: 'latitude/longitude as supplied',
      locate: (v) => checkPoint(parseCoordinate(v[lng]), parseCoordinate(v[lat])),
    };
  if (e >= 0 && n >= 0)
    return {
      name,
      attributes,
      positionSource: 'British National Grid easting/northing as supplied',
      locate: (v) => {
        const [x, y] = [parseCoordinate(v[e]), parseCoordinate(v[n])];
        if (x === null || y === null) return { category: 'no coordinates', reason: 'no easting/northing' };
        if (Number.isNaN(x) || Number.isNaN(y) || !isPlausibleBng(x, y))
          return { category: 'invalid coordinates', reason: 'easting/northing are not British National Grid metres' };
        const [lngV, latV] = bngToWgs84(x, y);
        return checkPoint(lngV, latV);
      },
    };
  if (pc >= 0)
    return {
      name,
      attributes,
      positionSource: 'postcode centroid (OS Code-Point Open)',
      locate: (v) => postcodePosition(v[pc] ?? ''),
    };
  throw new ImportError(
    `${fileName}: no position columns (expected latitude/longitude, easting/northing, or postcode)`,
  );
}

function checkPoint(
  lng: number | null,
  lat: number | null,
): { lng: number; lat: number } | { category: string; reason: string } {
  if (lng === null || lat === null) return { category: 'no coordinates', reason: 'no coordinates' };
  if (Number.isNaN(lng) || Number.isNaN(lat) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    return { category: 'invalid coordinates', reason: 'latitude/longitude are not valid numbers' };
  if (policeForceAreaIndex().locate(lng, lat) === null)
    return { category: 'outside England and Wales', reason: 'outside England and Wales' };
  return { lng, lat };
}
