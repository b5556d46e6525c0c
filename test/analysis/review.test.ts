import { describe, expect, it } from 'vitest';
import { compareReviews, reviewPriorities, watchedMovement, type ReviewCell } from '../../server/analysis/review.js';

const cell = (h3: string, cls: ReviewCell['class'], current: number | null = 10): ReviewCell => ({
  h3,
  current,
  comparison: 5,
  class: cls,
});

describe('review assembly', () => {
  it('lists priorities by class, then released count, leaving out cells with no significant change', () => {
    const out = reviewPriorities(
      [
        cell('a', 'ceased', 0),
        cell('b', 'increasing', 30),
        cell('c', 'new', 8),
        cell('d', 'no-significant-change', 99),
        cell('e', 'increasing', 50),
        cell('f', 'persistent', null),
      ],
      10,
    );
    expect(out.map((c) => c.h3)).toEqual(['c', 'e', 'b', 'f', 'a']);
    expect(reviewPriorities([cell('a', 'new'), cell('b', 'new')], 1)).toHaveLength(1);
  });

  it('shows each watched location then (in the review it was added in) and now', () => {
    const reviews = new Map([[1, [cell('x', 'new', 12)]]]);
    const out = watchedMovement(
      [
        { h3: 'x', reason: 'CCTV installed', addedAt: '2024-03-01T10:00:00Z', addedReviewId: 1 },
        { h3: 'y', reason: null, addedAt: '2024-03-01T10:00:00Z', addedReviewId: 1 },
      ],
      (id) => reviews.get(id),
      [cell('x', 'decreasing', 6)],
    );
    expect(out).toEqual([
      {
        h3: 'x',
        reason: 'CCTV installed',
        addedAt: '2024-03-01T10:00:00Z',
        then: cell('x', 'new', 12),
        now: cell('x', 'decreasing', 6),
      },
      { h3: 'y', reason: null, addedAt: '2024-03-01T10:00:00Z', then: null, now: null },
    ]);
  });

  it('compares two reviews: joined, left, class changed, unchanged', () => {
    const out = compareReviews(
      [cell('a', 'new'), cell('b', 'increasing'), cell('c', 'persistent')],
      [cell('b', 'persistent'), cell('c', 'persistent'), cell('d', 'new')],
    );
    expect(out.map((r) => [r.h3, r.movement])).toEqual([
      ['a', 'left'],
      ['b', 'class changed'],
      ['c', 'unchanged'],
      ['d', 'joined'],
    ]);
  });
});
