import { cellToBoundary } from 'h3-js';

/** Longitude and latitude to SVG x and y, as the cells are fitted into the box. */
export interface CellProjection {
  x: (lng: number) => number;
  y: (lat: number) => number;
}

/**
 * The projection that fits H3 cells into a width x height box with a margin: longitude scaled by
 * the cosine of the middle latitude, so hexagons keep their shape at British latitudes. Null
 * when there are no cells.
 */
export function cellProjection(
  cells: readonly string[],
  width: number,
  height: number,
  margin: number,
): CellProjection | null {
  const rings = cells.map((h3) => cellToBoundary(h3));
  const lats = rings.flatMap((ring) => ring.map((p) => p[0]));
  const lngs = rings.flatMap((ring) => ring.map((p) => p[1]));
  if (lats.length === 0) return null;
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)];
  const kx = Math.cos(((south + north) / 2) * (Math.PI / 180));
  const scale = Math.min(
    (width - 2 * margin) / Math.max((east - west) * kx, 1e-6),
    (height - 2 * margin) / Math.max(north - south, 1e-6),
  );
  return { x: (lng) => margin + (lng - west) * kx * scale, y: (lat) => margin + (north - lat) * scale };
}

/** H3 cells as SVG polygon point lists, fitted into the box by cellProjection. */
export function projectCells(
  cells: readonly string[],
  width: number,
  height: number,
  margin: number,
): { h3: string; points: string }[] {
  const projection = cellProjection(cells, width, height, margin);
  if (!projection) return [];
  const { x, y } = projection;
  return cells.map((h3) => ({
    h3,
    points: cellToBoundary(h3)
      .map(([lat, lng]) => `${x(lng).toFixed(1)},${y(lat).toFixed(1)}`)
      .join(' '),
  }));
}
