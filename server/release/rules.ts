/**
 * Post-processing of released values: what every statistic of restricted data is computed from.
 * A released count is 0, a number of at least k (perturbed), or null (withheld: 1 to k-1).
 */

/** What a withheld count (1 to k-1) stands for in statistics made from released values: the middle of its range, rounded half up. */
export function standIn(threshold: number): number {
  return Math.round(threshold / 2);
}

/** A released count as a number for statistics: itself, or the stand-in where it is withheld. */
export function statValue(released: number | null, threshold: number | null): number {
  if (released !== null) return released;
  if (threshold === null) throw new RangeError('public data has no withheld counts');
  return standIn(threshold);
}

/** Released counts keyed by cell (or any unit) as numbers for statistics. */
export function statValues(
  released: ReadonlyMap<string, number | null>,
  threshold: number | null,
): Map<string, number> {
  return new Map([...released].map(([unit, n]) => [unit, statValue(n, threshold)]));
}

/**
 * The total of released parts (an area's local authorities, a drawn area's cells): exact where
 * every part is released, each withheld part counted as its stand-in, and withheld (null) where
 * the parts are nothing but withheld ones, whose sum could be below k. Made only from released
 * values, so any number of such totals over any areas tells nothing the parts do not.
 */
export function sumReleased(parts: Iterable<number | null>, threshold: number | null): number | null {
  let released = 0;
  let withheld = 0;
  for (const part of parts) {
    if (part === null) withheld++;
    else released += part;
  }
  if (withheld === 0) return released;
  if (released === 0) return null;
  return released + withheld * standIn(threshold!);
}

/** A cell's released count: itself (null where withheld), 0 where the released table has no row for it. */
export function releasedCount(released: ReadonlyMap<string, number | null>, h3: string): number | null {
  return released.has(h3) ? released.get(h3)! : 0;
}

/** How statistics of restricted data are made, in words for `disclosure.rules` (none for public data). */
export function fromReleasedRule(threshold: number | null, what: string): string[] {
  return threshold === null
    ? []
    : [
        `${what} computed from the released counts alone, a withheld count (1 to ${threshold - 1}) counted as ${standIn(threshold)}`,
      ];
}
