import { cellToBoundary } from 'h3-js';

/**
 * H3 cells as SVG polygon point lists fitted into a width x height box with a margin: longitude
 * scaled by the cosine of the middle latitude, so hexagons keep their shape at British latitudes.
 */
export function projectCells(
  cells: readonly string[],
  width: number,
  height: number,
  margin: number,
): { h3: string; points: string }[] {
  const rings = cells.map((h3) => ({ h3, ring: cellToBoundary(h3) }));
  const lats = rings.flatMap((r) => r.ring.map((p) => p[0]));
  const lngs = rings.flatMap((r) => r.ring.map((p) => p[1]));
  if (lats.length === 0) return [];
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const kx = Math.cos(((south + north) / 2) * (Math.PI / 180));
  const scale = Math.min(
    (width - 2 * margin) / Math.max((east - west) * kx, 1e-6),
    (height - 2 * margin) / Math.max(north - south, 1e-6),
  );
  const x = (lng: number) => margin + (lng - west) * kx * scale;
  const y = (lat: number) => margin + (north - lat) * scale;
  return rings.map(({ h3, ring }) => ({
    h3,
    points: ring.map(([lat, lng]) => `${x(lng).toFixed(1)},${y(lat).toFixed(1)}`).join(' '),
  }));
}
