import { describe, expect, it } from 'vitest';
import {
  funnelCurve,
  funnelLimits,
  poissonInterval,
  rateWithInterval,
} from '../../server/analysis/poisson-interval.js';
import reference from '../fixtures/poisson/gamma-quantiles.json' with { type: 'json' };

// R's qgamma limits (test/fixtures/poisson/gamma-quantiles.R) for counts 0 to 10^7 and for
// non-integer expected counts, at 95% and 99.8%.
const relative = (got: number, want: number) => (want === 0 ? Math.abs(got) : Math.abs(got / want - 1));

describe('exact Poisson intervals', () => {
  it('matches the published Garwood intervals', () => {
    // Tabulated exact 95% limits for an observed count (e.g. Ulm 1990; the same as R's poisson.test).
    const table: [number, number, number][] = [
      [0, 0, 3.6889],
      [1, 0.0253, 5.5716],
      [5, 1.6235, 11.6683],
      [10, 4.7954, 18.3904],
      [20, 12.2165, 30.8884],
    ];
    for (const [x, lo, hi] of table) {
      const [l, h] = poissonInterval(x);
      expect(l).toBeCloseTo(lo, 3);
      expect(h).toBeCloseTo(hi, 3);
    }
    expect(() => poissonInterval(-1)).toThrow(RangeError);
  });

  it("agrees with R's qgamma limits to 1e-9 relative for counts 0 to 10^7 (where @stdlib's chi-square failed)", () => {
    for (const { x, confidence, lower, upper } of reference.counts) {
      const [l, h] = poissonInterval(x, confidence);
      expect(relative(l, lower), `lower ${x} at ${confidence}`).toBeLessThan(1e-9);
      expect(relative(h, upper), `upper ${x} at ${confidence}`).toBeLessThan(1e-9);
    }
    // Count 2,516: R qgamma(0.975, 2517) = 2616.2745 (the chi-square package gave 2616.438).
    expect(poissonInterval(2516)[1]).toBeCloseTo(2616.2745, 4);
  });

  it("funnel limits at non-integer expected counts agree with R's qgamma", () => {
    for (const { x, confidence, lower, upper } of reference.expected) {
      // A population of 10^6 at a target of x per 1,000 gives 1,000 x expected: use 1,000 residents.
      const limits = funnelLimits(x, 1000, confidence);
      expect(relative(limits.lower, lower), `lower ${x}`).toBeLessThan(1e-9);
      expect(relative(limits.upper, upper), `upper ${x}`).toBeLessThan(1e-9);
    }
  });

  it('scales to a rate per 1,000 residents', () => {
    // 10 incidents among 2,000 residents: 5 per 1,000, interval (4.7954, 18.3904)/2.
    const r = rateWithInterval(10, 2000)!;
    expect(r.rate).toBe(5);
    expect(r.lower).toBeCloseTo(2.3977, 3);
    expect(r.upper).toBeCloseTo(9.1952, 3);
    expect(rateWithInterval(3, 0)).toBeNull();
  });

  it('funnel limits: the exact interval around the expected count, narrowing as populations grow', () => {
    // Target 5 per 1,000 at 2,000 residents: 10 expected, limits as the interval of a count of 10.
    const at2k = funnelLimits(5, 2000, 0.95);
    expect(at2k.lower).toBeCloseTo(2.3977, 3);
    expect(at2k.upper).toBeCloseTo(9.1952, 3);
    const at200k = funnelLimits(5, 200_000, 0.95);
    expect(at200k.upper - at200k.lower).toBeLessThan((at2k.upper - at2k.lower) / 5);
    const wider = funnelLimits(5, 2000, 0.998);
    expect(wider.lower).toBeLessThan(at2k.lower);
    expect(wider.upper).toBeGreaterThan(at2k.upper);
  });

  it('funnel curve: limits at populations spaced evenly on a log scale, the same as funnelLimits there', () => {
    const curve = funnelCurve(5, 1000, 1_000_000, 4);
    // log10 spacing from 3 to 6 in three steps: 1,000, 10,000, 100,000, 1,000,000.
    expect(curve.map((p) => p.population)).toEqual([1000, 10_000, 100_000, 1_000_000]);
    // At 10,000 residents and 5 per 1,000 the expected count is 50: exact 95% limits are the
    // Poisson interval for a mean of 50, chi2(0.025; 100)/2 = 37.111 and chi2(0.975; 102)/2 = 65.919
    // (a count of 50 has the Garwood interval (37.111, 65.919)), so 3.7111 and 6.5919 per 1,000.
    expect(curve[1]!.lower95).toBeCloseTo(3.7111, 3);
    expect(curve[1]!.upper95).toBeCloseTo(6.5919, 3);
    for (const point of curve) {
      const l95 = funnelLimits(5, point.population, 0.95);
      const l998 = funnelLimits(5, point.population, 0.998);
      expect([point.lower95, point.upper95, point.lower998, point.upper998]).toEqual([
        l95.lower,
        l95.upper,
        l998.lower,
        l998.upper,
      ]);
      expect(point.lower998).toBeLessThan(point.lower95);
      expect(point.upper998).toBeGreaterThan(point.upper95);
    }
    // The funnel narrows towards the target as populations grow.
    for (let i = 1; i < curve.length; i++)
      expect(curve[i]!.upper95 - curve[i]!.lower95).toBeLessThan(curve[i - 1]!.upper95 - curve[i - 1]!.lower95);
  });
});
