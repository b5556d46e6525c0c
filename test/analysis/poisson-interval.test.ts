import { describe, expect, it } from 'vitest';
import { funnelLimits, poissonInterval, rateWithInterval } from '../../server/analysis/poisson-interval.js';

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
});
