import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalBinomialP } from '../../server/analysis/count-tests.js';
import { mannKendall } from '../../server/analysis/mann-kendall.js';

/** ln n!, summed (independent of any library). */
const logFactorial = (n: number) => {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
};

/** Two-sided exact p by enumeration: the probability of every outcome no more likely than the observed. */
function enumerateP(pmf: (k: number) => number, observed: number, max: number): number {
  const limit = pmf(observed) * (1 + 1e-7);
  let p = 0;
  for (let k = 0; k <= max; k++) if (pmf(k) <= limit) p += pmf(k);
  return Math.min(1, p);
}

describe('exact tests for counts', () => {
  it('conditional binomial test, by hand', () => {
    // 10 against 0: under no change each of the 10 is in either period with probability 1/2; P(10) = P(0) = 1/1024.
    expect(conditionalBinomialP(10, 0)).toBeCloseTo(2 / 1024, 12);
    // 7 against 3: P(X >= 7) = (120 + 45 + 10 + 1)/1024 = 176/1024, doubled by symmetry.
    expect(conditionalBinomialP(7, 3)).toBeCloseTo(352 / 1024, 12);
    expect(conditionalBinomialP(0, 0)).toBe(1);
    expect(conditionalBinomialP(5, 5)).toBe(1);
  });

  it('conditional binomial test agrees with enumeration, unequal periods included', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.nat({ max: 60 }), fc.integer({ min: 1, max: 4 }), (a, b, ratio) => {
        fc.pre(a + b > 0);
        const n = a + b;
        const prob = ratio / (ratio + 1);
        const pmf = (k: number) =>
          Math.exp(
            logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(prob) + (n - k) * Math.log(1 - prob),
          );
        expect(conditionalBinomialP(a, b, ratio, 1)).toBeCloseTo(enumerateP(pmf, a, n), 9);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Mann-Kendall trend test', () => {
  it('a rising series of five, by hand', () => {
    // Every one of the 10 pairs rises: S = 10; Var = 5·4·15/18 = 50/3; z = (10 − 1)/√(50/3).
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.s).toBe(10);
    expect(r.variance).toBeCloseTo(50 / 3, 12);
    expect(r.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 12);
    expect(r.tau).toBe(1);
    expect(r.p).toBeCloseTo(0.027486, 5);
  });

  it('ties reduce the variance', () => {
    // [1, 1, 2, 3]: S = 5 (the tied pair counts 0); Var = (4·3·13 − 2·1·9)/18 = 138/18.
    const r = mannKendall([1, 1, 2, 3]);
    expect(r.s).toBe(5);
    expect(r.variance).toBeCloseTo(138 / 18, 12);
    expect(r.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 12);
    expect(mannKendall([3, 2, 1]).s).toBe(-3);
    expect(mannKendall([4, 4, 4]).p).toBe(1);
  });
});
