import { cellToParent, gridDisk } from 'h3-js';

/**
 * The resolution-7 cells ("tiles") that incidents lying in `cells` (all of resolution `res`,
 * 7 to 10) can have as their own resolution-7 cell. At resolution 7, the cells themselves.
 * Finer, each cell's parent and the ring around it: H3 cells do not nest exactly, but a cell's
 * centre lies in its parent, and any point of a resolution-8 cell is far nearer that centre
 * than a resolution-7 cell is wide, so its own resolution-7 cell is the parent or a neighbour.
 */
export function tilesOf(cells: readonly string[], res: number): string[] {
  if (res === 7) return [...new Set(cells)].sort();
  const parents = new Set(cells.map((h3) => cellToParent(h3, 7)));
  const tiles = new Set<string>();
  for (const parent of parents) for (const tile of gridDisk(parent, 1)) tiles.add(tile);
  return [...tiles].sort();
}
