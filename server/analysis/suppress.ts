import { perturbation } from './cell-key.js';

/**
 * One count as released. Public data (no threshold): unchanged. Restricted data: zero stays zero,
 * 1 to k-1 is withheld (null), and k or more gets its cell-key perturbation, which never takes
 * it below k. `key` is the cell key of the records counted (see cell-key.ts).
 */
export function releaseCount(count: number, key: number, threshold: number | null): number | null {
  if (threshold === null || count === 0) return count;
  if (count < threshold) return null;
  return count + perturbation(count, key, threshold);
}

/**
 * Secondary suppression over groups whose totals are published (an area's cells; the rows and
 * columns of a weekday-by-hour table): wherever a group has exactly one withheld count, the total
 * minus the others would give it back, so the group's smallest released non-zero count is
 * withheld too, repeating until no group has a lone withheld count. The choice uses only released
 * values (then the label), so it tells nothing more about the true counts.
 */
export function secondarySuppression(
  released: readonly (number | null)[],
  groups: readonly (readonly number[])[],
  label: (index: number) => string,
): (number | null)[] {
  const out = [...released];
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      if (group.filter((i) => out[i] === null).length !== 1) continue;
      let pick = -1;
      for (const i of group) {
        const v = out[i]!;
        if (v === null || v === 0) continue;
        if (pick < 0 || v < out[pick]! || (v === out[pick] && label(i) < label(pick))) pick = i;
      }
      if (pick >= 0) {
        out[pick] = null;
        changed = true;
      }
    }
  }
  return out;
}

/**
 * A group of cells as released: each count through `releaseCount`, then secondary suppression
 * over the group (an area's total is published by the summary). Keys are dropped: a cell key
 * would tell the noise.
 */
export function releaseCells<T extends { h3: string; count: number; key: number }>(
  cells: readonly T[],
  threshold: number | null,
): (Omit<T, 'key' | 'count'> & { count: number | null })[] {
  const counts = cells.map((c) => releaseCount(c.count, c.key, threshold));
  const released =
    threshold === null ? counts : secondarySuppression(counts, [cells.map((_, i) => i)], (i) => cells[i]!.h3);
  return cells.map(({ key: _key, count: _count, ...rest }, i) => ({ ...rest, count: released[i]! }));
}

/** The threshold for a mix of datasets: mixing in any restricted data makes the result restricted. */
export function effectiveThreshold(
  datasets: readonly { sensitivity: 'public' | 'restricted'; threshold: number }[],
): number | null {
  const restricted = datasets.filter((d) => d.sensitivity === 'restricted');
  return restricted.length === 0 ? null : Math.max(...restricted.map((d) => d.threshold));
}
