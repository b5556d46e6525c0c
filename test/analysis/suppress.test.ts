import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveThreshold, suppressSmallCounts } from '../../server/analysis/suppress.js';

describe('primary suppression', () => {
  it('hides counts 1..k-1 and keeps counts from k up', () => {
    const cells = [1, 2, 3, 4, 5, 6, 100].map((count, i) => ({ h3: `c${i}`, count }));
    expect(suppressSmallCounts(cells, 5).map((c) => c.count)).toEqual([null, null, null, null, 5, 6, 100]);
    expect(suppressSmallCounts(cells, 7).map((c) => c.count)).toEqual([null, null, null, null, null, null, 100]);
  });

  it('releases no count in 1..k-1 for any counts and threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { maxLength: 200 }), fc.integer({ min: 2, max: 20 }), (counts, k) => {
        const released = suppressSmallCounts(counts.map((count, i) => ({ h3: String(i), count })), k);
        for (const [i, cell] of released.entries()) {
          if (cell.count !== null) expect(cell.count === 0 || cell.count >= k).toBe(true);
          else expect(counts[i]! > 0 && counts[i]! < k).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the largest threshold of the restricted datasets, none for public only', () => {
    expect(effectiveThreshold([{ sensitivity: 'public', threshold: 0 }])).toBeNull();
    expect(effectiveThreshold([{ sensitivity: 'public', threshold: 0 }, { sensitivity: 'restricted', threshold: 5 }, { sensitivity: 'restricted', threshold: 8 }])).toBe(8);
  });
});
