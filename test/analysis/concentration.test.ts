import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concentration,
  generalisedGini,
  gini,
  minimumConcentration,
  shareInTop,
} from '../../server/analysis/concentration.js';

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

  it('gives the least attainable Gini and top shares for the total over the cells, worked by hand', () => {
    // 3 incidents over 10 cells: at best 3 cells of 1 and 7 of 0, Gini (N − n)/N = 0.7; top 10% (1 cell) 1/3.
    expect(minimumConcentration(10, 3)).toEqual({ top1: 1 / 3, top5: 1 / 3, top10: 1 / 3, gini: 0.7 });
    expect(gini([1, 1, 1, 0, 0, 0, 0, 0, 0, 0])).toBeCloseTo(0.7, 15);
    // 23 incidents over 10 cells: 3 cells of 3, 7 of 2; Gini r(N − r)/(N n) = 3·7/230; busiest cell 3/23.
    const m = minimumConcentration(10, 23);
    expect(m.gini).toBeCloseTo(21 / 230, 15);
    expect(m.gini).toBeCloseTo(gini([3, 3, 3, 2, 2, 2, 2, 2, 2, 2])!, 15);
    expect(m.top10).toBeCloseTo(3 / 23, 15);
    // 200 cells, 180 incidents: at most one per cell, so the busiest 2 (1%) hold 2/180, 10 (5%) 10/180, 20 (10%) 20/180.
    expect(minimumConcentration(200, 180)).toEqual({ top1: 2 / 180, top5: 10 / 180, top10: 20 / 180, gini: 20 / 200 });
    // 40 incidents over 20 cells, 2 each: the least Gini is 0.
    expect(minimumConcentration(20, 40).gini).toBe(0);
    expect(minimumConcentration(20, 0)).toEqual({ top1: null, top5: null, top10: null, gini: null });
  });

  it('gives the least values no actual spread beats', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 80 }), (x) => {
        const c = concentration(x);
        if (c.total === 0) return c.minimum.gini === null && c.generalisedGini === null;
        return (
          c.gini! >= c.minimum.gini! - 1e-12 &&
          c.top1! >= c.minimum.top1! - 1e-12 &&
          c.top10! >= c.minimum.top10! - 1e-12 &&
          c.generalisedGini! >= -1e-12
        );
      }),
      { numRuns: 500 },
    );
  });

  it("gives Bernasco & Steenbeek's generalised Gini, 0 for the most even spread, worked by hand", () => {
    // 3 incidents over 10 cells. Even (1,1,1,0…): G = 0.7, G' = (10·0.7 − 7)/3 = 0.
    expect(concentration([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]).generalisedGini).toBeCloseTo(0, 15);
    // All in one cell: G = 2·10·3/(10·3) − 11/10 = 0.9, G' = (9 − 7)/3 = 2/3.
    expect(concentration([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]).generalisedGini).toBeCloseTo(2 / 3, 15);
    // (2, 1, 0…): Σ i x(i) = 9·1 + 10·2 = 29, G = 58/30 − 1.1 = 5/6, G' = (25/3 − 7)/3 = 4/9.
    expect(concentration([2, 1, 0, 0, 0, 0, 0, 0, 0, 0]).generalisedGini).toBeCloseTo(4 / 9, 15);
    // The same as 1 − (area under the Lorenz curve)/(area under the line of maximal equality) = 1 − (1 − G)/2 / (n/2N).
    const g = gini([2, 1, 0, 0, 0, 0, 0, 0, 0, 0])!;
    expect(1 - (1 - g) / 2 / (3 / 20)).toBeCloseTo(4 / 9, 15);
    // With at least as many incidents as cells it is the Gini.
    expect(generalisedGini(0.25, 4, 10)).toBe(0.25);
    expect(generalisedGini(null, 4, 0)).toBeNull();
  });
});
