/**
 * WGS84 <-> British National Grid (OSGB36 / EPSG:27700) with proj4.
 * Uses the standard 7-parameter Helmert shift (accurate to a few metres),
 * which is what the ED and council systems that export BNG typically use.
 */
import proj4 from 'proj4';

export const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const converter = proj4('EPSG:4326', EPSG_27700);

/** WGS84 lon/lat (degrees) -> BNG [easting, northing] in metres (unrounded). */
export function wgs84ToBng(lon: number, lat: number): [number, number] {
  const [e, n] = converter.forward([lon, lat]);
  return [e as number, n as number];
}

/** BNG easting/northing (metres) -> WGS84 [lon, lat] in degrees. */
export function bngToWgs84(easting: number, northing: number): [number, number] {
  const [lon, lat] = converter.inverse([easting, northing]);
  return [lon as number, lat as number];
}
