import { booleanPointInPolygon, bbox as turfBbox, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface AreaProps {
  code: string;
  name: string;
}
type AreaFeature = Feature<Polygon | MultiPolygon, AreaProps>;
type Box = [number, number, number, number];

const OUTSIDE = -1;
const UNLABELLED = -2;

/**
 * Point-in-polygon lookup over a set of non-overlapping areas, with a grid index: grid cells
 * no boundary passes through are labelled once with the area they lie in (flood fill, one
 * exact test per connected region), so most points are answered by an array read; only points
 * in boundary cells are tested exactly against the few areas whose boundary crosses the cell.
 *
 * Generalised boundaries cut the coast short, so a point within `coastalToleranceKm` of an
 * area but inside none is given to the nearest one (a seafront snap point is not "outside").
 */
export class AreaIndex {
  private readonly features: AreaFeature[];
  private readonly boxes: Box[];
  private readonly x0: number;
  private readonly y0: number;
  private readonly nx: number;
  private readonly ny: number;
  /** Per grid cell: the area index it lies wholly in, OUTSIDE, or -2 for a boundary cell. */
  private readonly label: Int32Array;
  /** Boundary cells: the areas whose boundary passes through (or next to) them. */
  private readonly edges = new Map<number, number[]>();
  /** Boundary segments by the grid cells they pass through: x1, y1, x2, y2, area, ... */
  private readonly segments = new Map<number, number[]>();
  private readonly padCells: number;

  constructor(
    collection: FeatureCollection<Polygon | MultiPolygon, AreaProps>,
    private readonly coastalToleranceKm = 2,
    private readonly cellDeg = 0.02,
  ) {
    this.features = collection.features;
    this.boxes = this.features.map((f) => turfBbox(f) as Box);
    const pad = coastalToleranceKm / 60 + cellDeg;
    this.x0 = Math.min(...this.boxes.map((b) => b[0])) - pad;
    this.y0 = Math.min(...this.boxes.map((b) => b[1])) - pad;
    this.nx = Math.ceil((Math.max(...this.boxes.map((b) => b[2])) + pad - this.x0) / cellDeg) + 1;
    this.ny = Math.ceil((Math.max(...this.boxes.map((b) => b[3])) + pad - this.y0) / cellDeg) + 1;
    this.padCells = Math.ceil(coastalToleranceKm / 60 / cellDeg) + 1;
    this.label = new Int32Array(this.nx * this.ny).fill(UNLABELLED);
    this.markEdges();
    this.labelInteriors();
  }

  get size(): number {
    return this.features.length;
  }

  /** Code of the area containing (lng, lat), or null. */
  locate(lng: number, lat: number): string | null {
    const ix = Math.floor((lng - this.x0) / this.cellDeg);
    const iy = Math.floor((lat - this.y0) / this.cellDeg);
    if (ix < 0 || iy < 0 || ix >= this.nx || iy >= this.ny) return null;
    const cell = iy * this.nx + ix;
    const label = this.label[cell]!;
    if (label >= 0) return this.features[label]!.properties.code;
    if (label === UNLABELLED) {
      const pt = point([lng, lat]);
      for (const a of this.edges.get(cell)!)
        if (this.contains(a, pt, lng, lat)) return this.features[a]!.properties.code;
    }
    return this.nearestWithinTolerance(lng, lat, ix, iy);
  }

  private contains(a: number, pt: Feature<import('geojson').Point>, lng: number, lat: number): boolean {
    const [w, s, e, n] = this.boxes[a]!;
    return lng >= w && lng <= e && lat >= s && lat <= n && booleanPointInPolygon(pt, this.features[a]!);
  }

  /** Nearest area whose boundary lies within the tolerance, from the segments of nearby cells. */
  private nearestWithinTolerance(px: number, lat: number, ix: number, iy: number): string | null {
    // Local equirectangular metres: exact enough over a couple of kilometres.
    const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
    const ky = 110.57;
    let best = -1;
    let bestKm = this.coastalToleranceKm;
    const seen = new Set<number[]>();
    for (let dy = -this.padCells; dy <= this.padCells; dy++) {
      for (let dx = -this.padCells; dx <= this.padCells; dx++) {
        const x = ix + dx;
        const y = iy + dy;
        if (x < 0 || y < 0 || x >= this.nx || y >= this.ny) continue;
        const list = this.segments.get(y * this.nx + x);
        if (!list || seen.has(list)) continue;
        seen.add(list);
        for (let i = 0; i < list.length; i += 5) {
          const km = segmentDistanceKm(px, lat, list[i]!, list[i + 1]!, list[i + 2]!, list[i + 3]!, kx, ky);
          if (km <= bestKm) {
            bestKm = km;
            best = list[i + 4]!;
          }
        }
      }
    }
    return best >= 0 ? this.features[best]!.properties.code : null;
  }

  /** Marks every grid cell a boundary passes through (and its neighbours, to be safe at corners). */
  private markEdges(): void {
    const half = this.cellDeg / 2;
    this.features.forEach((f, a) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polygons) {
        for (const ring of rings) {
          for (let i = 1; i < ring.length; i++) {
            const [x1, y1] = ring[i - 1]!;
            const [x2, y2] = ring[i]!;
            const steps = Math.ceil(Math.max(Math.abs(x2! - x1!), Math.abs(y2! - y1!)) / half) + 1;
            let lastCell = -1;
            for (let s = 0; s <= steps; s++) {
              const ix = Math.floor((x1! + ((x2! - x1!) * s) / steps - this.x0) / this.cellDeg);
              const iy = Math.floor((y1! + ((y2! - y1!) * s) / steps - this.y0) / this.cellDeg);
              for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) this.markEdge(ix + dx, iy + dy, a);
              const cell = iy * this.nx + ix;
              if (cell !== lastCell && ix >= 0 && iy >= 0 && ix < this.nx && iy < this.ny) {
                lastCell = cell;
                const list = this.segments.get(cell);
                if (list) list.push(x1!, y1!, x2!, y2!, a);
                else this.segments.set(cell, [x1!, y1!, x2!, y2!, a]);
              }
            }
          }
        }
      }
    });
  }

  private markEdge(ix: number, iy: number, area: number): void {
    if (ix < 0 || iy < 0 || ix >= this.nx || iy >= this.ny) return;
    const cell = iy * this.nx + ix;
    const list = this.edges.get(cell);
    if (!list) this.edges.set(cell, [area]);
    else if (!list.includes(area)) list.push(area);
  }

  /** Flood-fills the boundary-free cells: each connected region lies wholly in one area or none. */
  private labelInteriors(): void {
    const stack: number[] = [];
    for (let start = 0; start < this.label.length; start++) {
      if (this.label[start] !== UNLABELLED || this.edges.has(start)) continue;
      const ix = start % this.nx;
      const iy = (start - ix) / this.nx;
      const lng = this.x0 + (ix + 0.5) * this.cellDeg;
      const lat = this.y0 + (iy + 0.5) * this.cellDeg;
      const pt = point([lng, lat]);
      let area = OUTSIDE;
      for (let a = 0; a < this.features.length; a++) if (this.contains(a, pt, lng, lat)) area = a;
      this.label[start] = area;
      stack.push(start);
      while (stack.length > 0) {
        const cell = stack.pop()!;
        const cx = cell % this.nx;
        const cy = (cell - cx) / this.nx;
        for (const [x, y] of [
          [cx + 1, cy],
          [cx - 1, cy],
          [cx, cy + 1],
          [cx, cy - 1],
        ] as const) {
          if (x < 0 || y < 0 || x >= this.nx || y >= this.ny) continue;
          const next = y * this.nx + x;
          if (this.label[next] !== UNLABELLED || this.edges.has(next)) continue;
          this.label[next] = area;
          stack.push(next);
        }
      }
    }
  }
}

/** Distance in km from a point to a segment, in local planar coordinates (kx, ky km per degree). */
function segmentDistanceKm(
  px: number,
  py: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  kx: number,
  ky: number,
): number {
  const ax = (x1 - px) * kx;
  const ay = (y1 - py) * ky;
  const bx = (x2 - px) * kx;
  const by = (y2 - py) * ky;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
