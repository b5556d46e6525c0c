export interface CellCount {
  h3: string;
  count: number;
}

/** A released cell: `count` is null when suppressed ("fewer than threshold"). */
export interface ReleasedCell {
  h3: string;
  count: number | null;
}

/**
 * Primary suppression: counts from 1 to threshold-1 are replaced by null. Zero counts never
 * appear (cells are only listed where something happened). threshold 0 or 1 releases all.
 */
export function suppressSmallCounts(cells: readonly CellCount[], threshold: number): ReleasedCell[] {
  return cells.map(({ h3, count }) => ({ h3, count: releaseCount(count, threshold) }));
}

/** One count as released: null from 1 to threshold-1; unchanged otherwise, or with no threshold (public data). */
export function releaseCount(count: number, threshold: number | null): number | null {
  return threshold !== null && count > 0 && count < threshold ? null : count;
}

/** The threshold for a mix of datasets: mixing in any restricted data makes the result restricted. */
export function effectiveThreshold(datasets: readonly { sensitivity: 'public' | 'restricted'; threshold: number }[]): number | null {
  const restricted = datasets.filter((d) => d.sensitivity === 'restricted');
  return restricted.length === 0 ? null : Math.max(...restricted.map((d) => d.threshold));
}
