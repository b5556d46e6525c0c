import { gridDisk } from 'h3-js';

/** A cell's Gi* class over the combined areas and over its own area alone (null = withheld). */
export interface CrossBorderCell {
  h3: string;
  /** Index of the area the cell belongs to. */
  area: number;
  combined: number | null;
  alone: number | null;
}

/**
 * - `both`: a hot spot over the combined areas and over its own area alone;
 * - `cross-border`: a hot spot only when the areas are analysed together, at a boundary (within
 *   k steps of another area, or in a hot cluster that straddles one): its neighbourhood reaches
 *   across, the pattern the combined analysis is for;
 * - `combined-only`: a hot spot only together, away from any boundary: the wider region's mean
 *   and spread moved it past the threshold, not the neighbours across the border;
 * - `alone-only`: a hot spot alone that the wider picture does not bear out;
 * - `none`: neither.
 */
export type CrossBorderPattern = 'both' | 'cross-border' | 'combined-only' | 'alone-only' | 'none';

export interface HotCluster {
  /** The cluster's cells (hot over the combined areas, joined by shared edges). */
  cells: string[];
  /** Cells of the cluster in each area, by area index. */
  byArea: number[];
  /** The cluster has cells on both sides of a boundary. */
  straddles: boolean;
  /** Cells of the cluster that are hot spots only when the areas are combined. */
  combinedOnly: number;
}

/** Hot spot at 95% confidence or more (ArcGIS Gi_Bin 2 or 3): the level that names priority locations. */
export const HOT = 2;

const isHot = (c: number | null) => c !== null && c >= HOT;

export function crossBorderPattern(
  cell: Pick<CrossBorderCell, 'combined' | 'alone'>,
  atBoundary: boolean,
): CrossBorderPattern {
  const combined = isHot(cell.combined);
  const alone = isHot(cell.alone);
  return combined && alone
    ? 'both'
    : combined
      ? atBoundary
        ? 'cross-border'
        : 'combined-only'
      : alone
        ? 'alone-only'
        : 'none';
}

/**
 * Hot clusters over the combined areas: connected groups of cells hot at 95%+ (neighbours are
 * cells one grid step apart), with how many lie in each area, whether they straddle a boundary,
 * and how many of their cells are hot only when combined. Largest first.
 */
export function hotClusters(cells: readonly CrossBorderCell[], areaCount: number): HotCluster[] {
  const hot = new Map(cells.filter((c) => isHot(c.combined)).map((c) => [c.h3, c]));
  const seen = new Set<string>();
  const clusters: HotCluster[] = [];
  for (const start of hot.keys()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const members: CrossBorderCell[] = [];
    for (const queue = [start]; queue.length > 0; ) {
      const cell = hot.get(queue.pop()!)!;
      members.push(cell);
      for (const next of gridDisk(cell.h3, 1)) {
        if (hot.has(next) && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    const byArea = Array.from({ length: areaCount }, (_, i) => members.filter((m) => m.area === i).length);
    clusters.push({
      cells: members.map((m) => m.h3).sort(),
      byArea,
      straddles: byArea.filter((n) => n > 0).length > 1,
      combinedOnly: members.filter((m) => !isHot(m.alone)).length,
    });
  }
  return clusters.sort((a, b) => b.cells.length - a.cells.length || a.cells[0]!.localeCompare(b.cells[0]!));
}

/** The cells within k grid steps of a cell of another area: where the combined analysis can differ. */
export function borderCells(cells: readonly Pick<CrossBorderCell, 'h3' | 'area'>[], k: number): Set<string> {
  const areaOf = new Map(cells.map((c) => [c.h3, c.area]));
  const out = new Set<string>();
  for (const c of cells) {
    for (const h of gridDisk(c.h3, k)) {
      const other = areaOf.get(h);
      if (other !== undefined && other !== c.area) {
        out.add(c.h3);
        break;
      }
    }
  }
  return out;
}
