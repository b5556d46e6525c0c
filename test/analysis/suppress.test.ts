import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PERTURBATION, perturbation, possiblePerturbations } from '../../server/analysis/cell-key.js';
import {
  effectiveThreshold,
  releaseCells,
  releaseCount,
  secondarySuppression,
} from '../../server/analysis/suppress.js';

describe('primary suppression and perturbation', () => {
  it('withholds 1..k-1, keeps zero, and releases k or more within ±2 and never below k', () => {
    expect([1, 2, 3, 4].map((n) => releaseCount(n, 200, 5))).toEqual([null, null, null, null]);
    expect(releaseCount(0, 200, 5)).toBe(0);
    expect(releaseCount(5, 255, 5)).toBe(5); // n = k is never perturbed: there is no room below
    expect(releaseCount(100, 0, 5)).toBe(98); // key 0 is in the -2 slots of the full row
    expect(releaseCount(100, 255, 5)).toBe(102);
    expect(releaseCount(100, 128, 5)).toBe(100);
    expect(releaseCount(7, 3, null)).toBe(7); // public data untouched
  });

  it('releases no count in 1..k-1 for any count, key and threshold', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.nat({ max: 255 }), fc.integer({ min: 2, max: 20 }), (n, key, k) => {
        const r = releaseCount(n, key, k);
        if (n > 0 && n < k) expect(r).toBeNull();
        else {
          expect(r === 0 ? n === 0 : r! >= k).toBe(true);
          expect(Math.abs(r! - n)).toBeLessThanOrEqual(MAX_PERTURBATION);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('has zero-mean noise at every count: summed over the 256 keys the perturbations cancel', () => {
    for (const k of [2, 5, 10]) {
      for (let n = k; n < k + 6; n++) {
        let sum = 0;
        const seen = new Set<number>();
        for (let key = 0; key < 256; key++) {
          const d = perturbation(n, key, k);
          sum += d;
          seen.add(d);
        }
        expect(sum).toBe(0);
        expect([...seen].sort((a, b) => a - b)).toEqual(possiblePerturbations(n, k));
      }
    }
  });

  it('the full row gives -2, -1, 0, +1, +2 for 13, 51, 128, 51, 13 of the 256 keys', () => {
    const tally = new Map<number, number>();
    for (let key = 0; key < 256; key++)
      tally.set(perturbation(50, key, 5), (tally.get(perturbation(50, key, 5)) ?? 0) + 1);
    expect([-2, -1, 0, 1, 2].map((d) => tally.get(d))).toEqual([13, 51, 128, 51, 13]);
  });

  it('takes the largest threshold of the restricted datasets, none for public only', () => {
    expect(effectiveThreshold([{ sensitivity: 'public', threshold: 0 }])).toBeNull();
    expect(
      effectiveThreshold([
        { sensitivity: 'public', threshold: 0 },
        { sensitivity: 'restricted', threshold: 5 },
        { sensitivity: 'restricted', threshold: 8 },
      ]),
    ).toBe(8);
  });
});

describe('secondary suppression', () => {
  it('withholds the smallest released non-zero count when a group has one withheld count', () => {
    const released = [null, 0, 9, 6, 6, 20];
    expect(secondarySuppression(released, [[0, 1, 2, 3, 4, 5]], (i) => `c${i}`)).toEqual([null, 0, 9, null, 6, 20]);
  });

  it('leaves groups with none or several withheld counts alone', () => {
    expect(secondarySuppression([5, 6, 7], [[0, 1, 2]], String)).toEqual([5, 6, 7]);
    expect(secondarySuppression([null, null, 7], [[0, 1, 2]], String)).toEqual([null, null, 7]);
  });

  it('repeats over rows and columns until no row or column has a lone withheld count', () => {
    // 2 x 3 table, row groups {0,1,2} {3,4,5}, column groups {0,3} {1,4} {2,5}
    const groups = [
      [0, 1, 2],
      [3, 4, 5],
      [0, 3],
      [1, 4],
      [2, 5],
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(null), fc.nat({ max: 30 })), { minLength: 6, maxLength: 6 }),
        (table) => {
          const out = secondarySuppression(table, groups, String);
          for (const [i, v] of table.entries()) if (v === null) expect(out[i]).toBeNull();
          for (const g of groups) {
            const withheld = g.filter((i) => out[i] === null).length;
            const releasable = g.filter((i) => out[i] !== null && out[i] !== 0).length;
            // A lone withheld count is left only where there is nothing else to withhold (the rest are zero).
            if (withheld === 1) expect(releasable).toBe(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('releaseCells drops the cell keys and applies both suppressions', () => {
    const out = releaseCells(
      [
        { h3: 'a', count: 2, key: 9 },
        { h3: 'b', count: 40, key: 128 },
        { h3: 'c', count: 12, key: 128 },
      ],
      5,
    );
    expect(out).toEqual([
      { h3: 'a', count: null },
      { h3: 'b', count: 40 },
      { h3: 'c', count: null },
    ]);
    expect(releaseCells([{ h3: 'a', count: 2, key: 9 }], null)).toEqual([{ h3: 'a', count: 2 }]);
  });
});
