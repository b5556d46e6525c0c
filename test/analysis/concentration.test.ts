import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concentration, gini, shareInTop } from '../../server/analysis/concentration.js';

/** Gini straight from its definition: mean absolute difference over all ordered pairs / (2 × mean). */
function giniByPairs(x: number[]): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let sum = 0;
  for (const a of x) for (const b of x) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

describe('concentration', () => {
  it('computes Gini as worked by hand', () => {
    // [0,0,0,10]: Σ|xi−xj| over ordered pairs = 60; 2 n² μ = 2·16·2.5 = 80 → 0.75
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 15);
    // [1,2,3,4]: ordered-pair differences sum to 20; 2·16·2.5 = 80 → 0.25
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 15);
    expect(gini([5, 5, 5])).toBeCloseTo(0, 15);
    expect(gini([0, 0])).toBeNull();
  });

  it('agrees with the pairwise definition on random counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 60 }), (x) => {
        const g = gini(x);
        if (x.every((v) => v === 0)) return g === null;
        return Math.abs(g! - giniByPairs(x)) < 1e-12;
      }),
      { numRuns: 500 },
    );
  });

  it('gives the share of incidents in the busiest 1%, 5% and 10% of cells (at least one cell)', () => {
    // 200 cells: 2 hold 50 each, 8 hold 10, the rest 0 → total 180.
    const cells = [50, 50, ...Array(8).fill(10), ...Array(190).fill(0)];
    const c = concentration(cells);
    expect(c).toMatchObject({ cells: 200, total: 180 });
    expect(c.top1).toBeCloseTo(100 / 180, 15); // top 2 cells
    expect(c.top5).toBeCloseTo(180 / 180, 15); // top 10 cells
    expect(c.top10).toBeCloseTo(1, 15);
    expect(shareInTop([3, 1], 4, 0.01)).toBeCloseTo(0.75, 15); // ceil(0.02) = 1 cell
    expect(concentration([0, 0]).top1).toBeNull();
  });
});
