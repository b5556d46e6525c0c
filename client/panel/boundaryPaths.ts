import type { MultiPolygon, Polygon } from 'geojson';
import type { CellProjection } from './projectCells';

export interface BoundaryPath {
  code: string;
  name: string;
  /** SVG path data of the outline. */
  d: string;
  /** Where the name goes (in the middle of the area's part that is on the map), or null when none is. */
  label: { x: number; y: number } | null;
}

interface Area {
  properties: { code: string; name: string };
  geometry: Polygon | MultiPolygon;
}

type Ring = [number, number][];

/** Even-odd rule over a polygon's rings (holes included). */
function contains(rings: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/**
 * A label point for an area: of a grid of points over the map (inside the margin), those in the
 * area, the one nearest their mean; null when no grid point falls in it.
 */
function labelPoint(polygons: readonly Ring[][], width: number, height: number, margin: number) {
  const grid: { x: number; y: number }[] = [];
  for (let gx = 0; gx <= 12; gx++)
    for (let gy = 0; gy <= 8; gy++) {
      const x = margin + ((width - 2 * margin) * gx) / 12;
      const y = margin / 2 + ((height - margin) * gy) / 8;
      if (polygons.some((rings) => contains(rings, x, y))) grid.push({ x, y });
    }
  if (grid.length === 0) return null;
  const mx = grid.reduce((sum, p) => sum + p.x, 0) / grid.length;
  const my = grid.reduce((sum, p) => sum + p.y, 0) / grid.length;
  return grid.reduce((best, p) =>
    (p.x - mx) ** 2 + (p.y - my) ** 2 < (best.x - mx) ** 2 + (best.y - my) ** 2 ? p : best,
  );
}

/**
 * Areas (local authorities) as SVG outlines in the change map's projection, only those that reach
 * into the width x height box, each with a label point where the area is on the map, so the map
 * says which authority a cell is in even when it shows a few streets of one authority.
 */
export function boundaryPaths(
  areas: readonly Area[],
  project: CellProjection,
  width: number,
  height: number,
  labelMargin = 40,
): BoundaryPath[] {
  const out: BoundaryPath[] = [];
  for (const area of areas) {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    const projected = polygons.map((rings) =>
      rings.map((ring) => ring.map(([lng, lat]) => [project.x(lng!), project.y(lat!)] as [number, number])),
    );
    const xs = projected.flatMap((p) => p[0]!.map((q) => q[0]));
    const ys = projected.flatMap((p) => p[0]!.map((q) => q[1]));
    if (Math.max(...xs) < 0 || Math.min(...xs) > width || Math.max(...ys) < 0 || Math.min(...ys) > height) continue;
    const d = projected
      .flatMap((rings) => rings.map((ring) => `M${ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`))
      .join('');
    const label = labelPoint(projected, width, height, labelMargin);
    out.push({ code: area.properties.code, name: area.properties.name, d, label });
  }
  return out;
}
