import type { ChangeClass } from './change.js';
import type { DisclosureMethod } from './disclosure-method.js';
import type { Period } from './periods.js';

/** A cell as a review freezes it: released counts and the change class. */
export interface ReviewCell {
  h3: string;
  current: number | null;
  comparison: number | null;
  class: ChangeClass;
}

/** Panels read changes in this order: what is new or worse first. */
const CLASS_ORDER: readonly ChangeClass[] = [
  'new',
  'increasing',
  'persistent',
  'decreasing',
  'ceased',
  'no-significant-change',
];

/**
 * The review's priority locations: every cell whose class is not "no significant change", by
 * class (new, increasing, persistent, decreasing, ceased) then by released count, at most `limit`.
 * A withheld count sorts as zero: the order tells nothing more than the counts.
 */
export function reviewPriorities(cells: readonly ReviewCell[], limit: number): ReviewCell[] {
  return cells
    .filter((c) => c.class !== 'no-significant-change')
    .sort(
      (a, b) =>
        CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class) ||
        (b.current ?? 0) - (a.current ?? 0) ||
        (a.h3 < b.h3 ? -1 : 1),
    )
    .slice(0, limit);
}

export interface WatchedMovement {
  h3: string;
  reason: string | null;
  addedAt: string;
  /** The cell in the review it was added in (null if it had no incidents then, or that review is gone). */
  then: ReviewCell | null;
  now: ReviewCell | null;
}

/** Each watched location's movement since it was added: its cell then and now. */
export function watchedMovement(
  watched: readonly { h3: string; reason: string | null; addedAt: string; addedReviewId: number | null }[],
  cellsOfReview: (reviewId: number) => readonly ReviewCell[] | undefined,
  now: readonly ReviewCell[],
): WatchedMovement[] {
  const current = new Map(now.map((c) => [c.h3, c]));
  return watched.map((w) => ({
    h3: w.h3,
    reason: w.reason,
    addedAt: w.addedAt,
    then: (w.addedReviewId === null ? undefined : cellsOfReview(w.addedReviewId)?.find((c) => c.h3 === w.h3)) ?? null,
    now: current.get(w.h3) ?? null,
  }));
}

export interface ReviewComparison {
  h3: string;
  before: ReviewCell | null;
  after: ReviewCell | null;
  /** What moved between the two reviews. */
  movement: 'joined' | 'left' | 'class changed' | 'unchanged';
}

/** Two frozen reviews' priority locations side by side: which joined, left, or changed class. */
export function compareReviews(before: readonly ReviewCell[], after: readonly ReviewCell[]): ReviewComparison[] {
  const a = new Map(before.map((c) => [c.h3, c]));
  const b = new Map(after.map((c) => [c.h3, c]));
  return [...new Set([...a.keys(), ...b.keys()])].sort().map((h3) => {
    const x = a.get(h3) ?? null;
    const y = b.get(h3) ?? null;
    const movement = !x ? 'joined' : !y ? 'left' : x.class !== y.class ? 'class changed' : 'unchanged';
    return { h3, before: x, after: y, movement };
  });
}

/** What a review freezes: the change answer as released, its priorities, watched movement and period series. */
export interface ReviewResults {
  period: string;
  asOf: string;
  current: Period;
  comparison: Period[];
  res: number;
  datasets: { id: number; name: string }[];
  groups: readonly string[];
  definition: { id: number | string; name: string; version: number } | null;
  restricted: boolean;
  threshold: number | null;
  disclosure: DisclosureMethod;
  area: string;
  method: Record<string, string>;
  total: { current: number | null; comparison: number | null; p: number | null; class: ChangeClass | null };
  /** What the selected datasets cover of the periods and area (absent from reviews frozen before it was recorded). */
  coverage?: { covered: boolean; leftOut: string[]; notes: string[] };
  classes: Record<string, number>;
  cells: ReviewCell[];
  priorities: ReviewCell[];
  watched: WatchedMovement[];
  /**
   * Released counts of the priority and watched locations over the last periods, oldest first;
   * `covered[i]` false (and the counts null) where no selected dataset covers period i.
   */
  series: { periods: Period[]; covered?: boolean[]; cells: Record<string, (number | null)[]> };
}
