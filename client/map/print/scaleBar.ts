/** Earth's equatorial circumference (WGS84), m: Web Mercator's ground resolution at the equator. */
const EQUATOR_M = 40_075_016.686;
/** MapLibre's tiles are 512 CSS pixels at zoom 0. */
const TILE_PX = 512;

/** Ground metres per CSS pixel of a Web Mercator map at this latitude and zoom. */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (EQUATOR_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);
}

/**
 * The longest round length (1, 2 or 5 times a power of ten, in m or km) whose bar fits in
 * `maxPixels`, with its length in pixels and its label.
 */
export function scaleBar(metresPerPx: number, maxPixels: number): { metres: number; pixels: number; label: string } {
  const maxMetres = metresPerPx * maxPixels;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= maxMetres) ?? power;
  const label =
    metres >= 1000 ? `${(metres / 1000).toLocaleString('en-GB')} km` : `${metres.toLocaleString('en-GB')} m`;
  return { metres, pixels: metres / metresPerPx, label };
}
