import { describe, expect, it } from 'vitest';
import {
  normalTwoSided,
  overdispersedLimits,
  overdispersion,
  winsorise,
} from '../../server/analysis/overdispersion.js';
import reference from '../fixtures/funnel/overdispersion.json' with { type: 'json' };

// R reference (test/fixtures/funnel/overdispersion.R): 12 Welsh local authorities' police.uk
// violence, Jan-Apr 2024, with ONS residents; φ, τ² and limits from Spiegelhalter's formulas in base R.
const relative = (got: number, want: number) => Math.abs(got / want - 1);

describe('funnel plot over-dispersion (Spiegelhalter 2005)', () => {
  const areas = reference.areas.map((a) => ({ count: a.count, population: a.population }));
  const d = overdispersion(areas, reference.target)!;

  it('gives the z-scores, φ, τ² and the χ² test that R gives', () => {
    expect(d.areas).toBe(12);
    d.z.forEach((z, i) => expect(relative(z!, reference.z[i]!)).toBeLessThan(1e-12));
    expect(relative(d.phi, reference.phi)).toBeLessThan(1e-12);
    expect(relative(d.tau2, reference.tau2)).toBeLessThan(1e-12);
    expect(d.df).toBe(11);
    expect(relative(d.chiSquare, reference.chiSquare)).toBeLessThan(1e-12);
    expect(relative(d.p, reference.p)).toBeLessThan(1e-9);
  });

  it('winsorises to the 10th and 90th percentiles (R type 7)', () => {
    const zw = winsorise(reference.z, 0.1);
    zw.forEach((v, i) => expect(v).toBeCloseTo(reference.zWinsorised[i]!, 12));
    // By hand: 1..11, 10th percentile at 1 + 0.1×10 = 2, 90th at 10.
    expect(winsorise([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.1)).toEqual([2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]);
  });

  it("draws the multiplicative and additive limits R draws, and qnorm's quantiles", () => {
    expect(normalTwoSided(0.95)).toBeCloseTo(reference.qnorm[0]!, 12);
    expect(normalTwoSided(0.998)).toBeCloseTo(reference.qnorm[1]!, 12);
    for (const { population, confidence, multiplicative, additive } of reference.limits) {
      const m = overdispersedLimits(reference.target, population, confidence, d, 'multiplicative');
      const a = overdispersedLimits(reference.target, population, confidence, d, 'additive');
      expect(relative(m.lower, multiplicative[0]!)).toBeLessThan(1e-12);
      expect(relative(m.upper, multiplicative[1]!)).toBeLessThan(1e-12);
      expect(relative(a.lower, additive[0]!)).toBeLessThan(1e-12);
      expect(relative(a.upper, additive[1]!)).toBeLessThan(1e-12);
    }
  });

  it('finds no over-dispersion in Poisson-like areas, and needs three areas', () => {
    // Counts at exactly the pooled rate: every z is 0, φ = 0 and τ² = 0 (the limits stay Poisson-wide).
    const even = overdispersion(
      [
        { count: 100, population: 10_000 },
        { count: 200, population: 20_000 },
        { count: 300, population: 30_000 },
      ],
      10,
    )!;
    expect(even.phi).toBe(0);
    expect(even.tau2).toBe(0);
    expect(overdispersedLimits(10, 10_000, 0.95, even, 'multiplicative').upper).toBeCloseTo(
      10 + 1.959963984540054 * 1,
      12,
    );
    expect(
      overdispersion(
        [
          { count: 1, population: 10 },
          { count: 2, population: 10 },
        ],
        150,
      ),
    ).toBeNull();
  });
});
