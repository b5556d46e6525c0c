import type { ChangeClass } from '../domain/classes.js';
import { conditionalBinomialP, poissonP } from './count-tests.js';
import { benjaminiHochberg } from './fdr.js';

export type { ChangeClass };

export interface ChangeInput {
  h3: string;
  current: number;
  /** The count compared with: the previous or year-earlier period's, or the baseline mean. */
  comparison: number;
}

export interface CellChange extends ChangeInput {
  p: number;
  /** Benjamini-Hochberg adjusted p over the cells tested. */
  q: number;
  class: ChangeClass;
}

export interface ChangeOptions {
  /** Two counts (binomial, conditional on their total), or a count against a baseline mean (Poisson). */
  test: 'two-periods' | 'baseline';
  currentDays: number;
  comparisonDays: number;
  /** Cells that are Gi* hot spots in both periods: persistent when nothing significant changed. */
  hotInBoth?: ReadonlySet<string>;
  alpha?: number;
}

/**
 * Change per cell with an exact test suited to Poisson counts, corrected for the number of cells
 * tested (Benjamini-Hochberg), and its class: new, increasing, decreasing, ceased (significant
 * changes, by direction and whether a side is zero), persistent (a hot spot in both periods
 * with no significant change), or no significant change.
 */
export function classifyChanges(cells: readonly ChangeInput[], o: ChangeOptions): CellChange[] {
  const alpha = o.alpha ?? 0.05;
  // A baseline mean is per period of the current length already; two periods may differ in length.
  const p = cells.map((c) =>
    o.test === 'baseline'
      ? poissonP(c.current, c.comparison)
      : conditionalBinomialP(c.current, c.comparison, o.currentDays, o.comparisonDays),
  );
  const q = benjaminiHochberg(p);
  const scale = o.test === 'baseline' ? 1 : o.currentDays / o.comparisonDays;
  return cells.map((c, i) => {
    const expected = c.comparison * scale;
    const significant = q[i]! < alpha;
    const cls: ChangeClass =
      significant && c.current > expected
        ? c.comparison === 0
          ? 'new'
          : 'increasing'
        : significant && c.current < expected
          ? c.current === 0
            ? 'ceased'
            : 'decreasing'
          : o.hotInBoth?.has(c.h3)
            ? 'persistent'
            : 'no-significant-change';
    return { ...c, p: p[i]!, q: q[i]!, class: cls };
  });
}
