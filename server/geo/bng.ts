import proj4 from 'proj4';

/** British National Grid (OSGB36 / EPSG:27700) with the OS 7-parameter Helmert shift to WGS84. */
const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const converter = proj4(EPSG_27700, 'EPSG:4326');

/** BNG easting/northing (metres) to WGS84 [lng, lat]; accurate to a few metres (Helmert, not OSTN15). */
export function bngToWgs84(easting: number, northing: number): [number, number] {
  const [lng, lat] = converter.forward([easting, northing]);
  return [lng!, lat!];
}

export function wgs84ToBng(lng: number, lat: number): [number, number] {
  const [e, n] = converter.inverse([lng, lat]);
  return [e!, n!];
}

/** The BNG false-origin grid covers Great Britain within these bounds. */
export function isPlausibleBng(easting: number, northing: number): boolean {
  return easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000;
}
