import { describe, expect, it } from 'vitest';
import { gammaQuantile, poissonCdf, regularisedGamma } from '../../server/analysis/gamma.js';
import reference from '../fixtures/poisson/gamma-quantiles.json' with { type: 'json' };

// Reference values: R's pgamma/qgamma, from test/fixtures/poisson/gamma-quantiles.R.
const relative = (got: number, want: number) => (want === 0 ? Math.abs(got) : Math.abs(got / want - 1));

describe('regularised incomplete gamma', () => {
  it("matches R's pgamma in both tails, shapes 0.5 to 10^7", () => {
    for (const { a, x, p, q } of reference.pgamma) {
      const r = regularisedGamma(a, x);
      // Each tail to 1e-12 relative where it is the smaller one (the other is 1 minus it).
      if (p <= 0.5) expect(relative(r.p, p), `P(${a}, ${x})`).toBeLessThan(1e-12);
      if (q <= 0.5) expect(relative(r.q, q), `Q(${a}, ${x})`).toBeLessThan(1e-12);
      expect(Math.abs(r.p - p)).toBeLessThan(1e-13);
    }
  });

  it('is exact at the edges and refuses a bad shape', () => {
    expect(regularisedGamma(3, 0)).toEqual({ p: 0, q: 1 });
    // P(1, x) = 1 − e^(−x)
    expect(relative(regularisedGamma(1, 0.5).p, -Math.expm1(-0.5))).toBeLessThan(1e-15);
    expect(() => regularisedGamma(0, 1)).toThrow(RangeError);
  });
});

describe('gamma quantile', () => {
  it("matches R's qgamma to 1e-12 relative where @stdlib's chi-square quantile was 0.006% out", () => {
    // The case: count 2,516, upper 95% limit = qgamma(0.975, 2517) = 2616.2745.
    expect(gammaQuantile(0.975, 2517)).toBeCloseTo(2616.2745271427, 9);
    for (const { x, confidence, lower, upper } of [...reference.counts, ...reference.expected]) {
      const alpha = 1 - confidence;
      if (x > 0) expect(relative(gammaQuantile(alpha / 2, x), lower), `lower ${x}`).toBeLessThan(1e-12);
      expect(relative(gammaQuantile(1 - alpha / 2, x + 1), upper), `upper ${x}`).toBeLessThan(1e-12);
    }
  });

  it('inverts P for tiny shapes and extreme tails', () => {
    for (const [p, a] of [
      [0.025, 0.01],
      [0.999, 0.3],
      [1e-10, 5],
      [1 - 1e-10, 5],
    ] as const) {
      const x = gammaQuantile(p, a);
      const r = regularisedGamma(a, x);
      const tail = p > 0.5 ? r.q : r.p;
      expect(relative(tail, p > 0.5 ? 1 - p : p)).toBeLessThan(1e-9);
    }
    expect(gammaQuantile(0, 2)).toBe(0);
    expect(gammaQuantile(1, 2)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('Poisson CDF', () => {
  // R 4.2: k <- c(0,3,10,100,2516,2516,99000,9994000); m <- c(0.5,7.2,25,130,2616.27,2500,1e5,1e7);
  // sprintf("%.17g", ppois(k, m))
  const ppois: [number, number, number][] = [
    [0, 0.5, 0.60653065971263342],
    [3, 7.2, 0.071917117749308757],
    [10, 25, 0.00058646162975308088],
    [100, 130, 0.0036752107255873679],
    [2516, 2616.27, 0.025005140215320406],
    [2516, 2500, 0.63042071605564498],
    [99000, 1e5, 0.00077420082944473746],
    [9994000, 1e7, 0.028891175130886858],
  ];
  it.each(ppois)('P(X ≤ %d; %d) as R ppois', (k, mean, p) =>
    expect(Math.abs(poissonCdf(k, mean) / p - 1)).toBeLessThan(1e-9),
  );
  it('is 0 below zero and 1 for a mean of zero', () => {
    expect(poissonCdf(-1, 3)).toBe(0);
    expect(poissonCdf(0, 0)).toBe(1);
  });
});
