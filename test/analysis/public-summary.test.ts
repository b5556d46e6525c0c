import { describe, expect, it } from 'vitest';
import { publicSummaryProblems, publicThreshold } from '../../server/analysis/public-summary.js';

describe('public summary rules', () => {
  it('raises a restricted threshold to at least 10 and leaves public data alone', () => {
    expect(publicThreshold(5)).toBe(10);
    expect(publicThreshold(12)).toBe(12);
    expect(publicThreshold(null)).toBeNull();
  });

  it('passes a coarse export with no small restricted count and no sensitive setting', () => {
    expect(
      publicSummaryProblems({
        res: 7,
        restricted: true,
        counts: [0, null, 10, 250],
        settings: [{ type: 'school' }, { type: 'licensed-premises' }],
      }),
    ).toEqual([]);
    // Public data may carry small counts: police.uk publishes them itself.
    expect(publicSummaryProblems({ res: 7, restricted: false, counts: [1, 2, 3], settings: [] })).toEqual([]);
  });

  it('refuses, saying why, an export that would reveal a small count, name a refuge, or use fine cells', () => {
    expect(
      publicSummaryProblems({
        res: 8,
        restricted: true,
        counts: [9, 4, 0, 12],
        settings: [{ type: 'refuge' }, { type: 'childrens-home' }, { type: 'refuge' }],
      }),
    ).toEqual([
      'cells of resolution 8 are too fine for publication: use resolution 7 or coarser',
      '2 counts from 1 to 9 would be published from restricted data',
      'sensitive settings would be named (refuge, childrens-home)',
    ]);
    expect(publicSummaryProblems({ res: 7, restricted: true, counts: [5], settings: [] })).toEqual([
      '1 count from 1 to 9 would be published from restricted data',
    ]);
  });
});
