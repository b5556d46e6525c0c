import type { ChangeClass } from '../domain/classes.js';
import { conditionalBinomialP } from './count-tests.js';
import { benjaminiHochberg } from './fdr.js';

export type { ChangeClass };

export interface ChangeInput {
  h3: string;
  current: number;
  /** The count compared with: the previous or year-earlier period's, or the baseline mean (per baseline period). */
  comparison: number;
}

export interface CellChange extends ChangeInput {
  p: number;
  /** Benjamini-Hochberg adjusted p over the cells tested. */
  q: number;
  class: ChangeClass;
}

export interface ChangeOptions {
  /**
   * Two counts, or a count against a baseline of several periods: both tested conditionally on
   * their total (binomial), the baseline as the sum of its periods over all their days.
   */
  test: 'two-periods' | 'baseline';
  currentDays: number;
  /** Days of the period compared with; for a baseline, of all its periods together. */
  comparisonDays: number;
  /** How many periods a baseline mean is over (its sum is the mean times this); 1 for two periods. */
  baselinePeriods?: number;
  /** Cells that are Gi* hot spots in both periods: persistent when nothing significant changed. */
  hotInBoth?: ReadonlySet<string>;
  alpha?: number;
}

/**
 * Change per cell with an exact test suited to Poisson counts (the conditional binomial test of
 * the two counts, or of the count against a baseline's sum), corrected for the number of cells
 * tested (Benjamini-Hochberg), and its class: new, increasing, decreasing, ceased (significant
 * changes, by direction and whether a side is zero), persistent (a hot spot in both periods
 * with no significant change), or no significant change.
 */
export function classifyChanges(cells: readonly ChangeInput[], o: ChangeOptions): CellChange[] {
  const alpha = o.alpha ?? 0.05;
  // A baseline is estimated too: the current count against the baseline's sum (not its mean taken
  // as known), Binomial(current + sum, current days / (current days + baseline days)) under no change.
  const periods = o.test === 'baseline' ? (o.baselinePeriods ?? 1) : 1;
  const sumOf = (c: ChangeInput) => Math.round(c.comparison * periods);
  const p = cells.map((c) => conditionalBinomialP(c.current, sumOf(c), o.currentDays, o.comparisonDays));
  const q = benjaminiHochberg(p);
  const scale = o.currentDays / o.comparisonDays;
  return cells.map((c, i) => {
    const expected = sumOf(c) * scale;
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
