import { describe, expect, it } from 'vitest';
import {
  areaOnFunnel,
  drawnMethod,
  funnelCurves,
  funnelDispersion,
  funnelNote,
  funnelPosition,
} from '../../server/analysis/funnel.js';
import { overdispersedLimits } from '../../server/analysis/overdispersion.js';
import { funnelLimits } from '../../server/analysis/poisson-interval.js';
import reference from '../fixtures/funnel/overdispersion.json' with { type: 'json' };

// The 12 Welsh authorities of test/fixtures/funnel/overdispersion.R (φ = 40.1, τ² = 3.41).
const areas = reference.areas.map((a) => ({ count: a.count, population: a.population }));

describe('funnel plot', () => {
  it('draws the additive limits for over-dispersed areas and says so with φ', () => {
    const { dispersion, drawn } = funnelDispersion(areas, reference.target);
    expect(drawn).toBe('additive');
    expect(dispersion!.phi).toBeCloseTo(reference.phi, 10);
    expect(funnelNote(dispersion, drawn)).toBe(
      'funnel limits adjusted for over-dispersion φ = 40 (additive random effects, τ = 1.85 per 1,000; χ² = 481.4 on 11 df, p = 2.9e-96)',
    );
    // Too few areas, or none over-dispersed: the exact Poisson limits.
    expect(drawnMethod(null)).toBe('poisson');
    expect(funnelNote(null, 'poisson')).toMatch(/^exact Poisson limits: fewer than three areas/);
    const even = funnelDispersion(
      [
        { count: 100, population: 10_000 },
        { count: 200, population: 20_000 },
        { count: 300, population: 30_000 },
      ],
      10,
    );
    expect(even.drawn).toBe('poisson');
    expect(funnelNote(even.dispersion, even.drawn)).toMatch(
      /^exact Poisson limits: the areas are not over-dispersed \(φ = 0.00;/,
    );
  });

  it('places each area against every set of limits; few are outside the adjusted ones', () => {
    const { dispersion } = funnelDispersion(areas, reference.target);
    const placed = areas.map((a) =>
      areaOnFunnel((1000 * a.count) / a.population, reference.target, a.population, dispersion),
    );
    const outside = (m: 'poisson' | 'additive') => placed.filter((p) => p[m]!.position !== 'within').length;
    // Every authority but Neath Port Talbot (z = -1.38) and Merthyr Tydfil (z = 0.21) is "unusual" by Poisson limits.
    expect(outside('poisson')).toBe(10);
    expect(outside('additive')).toBeLessThan(4);
    for (const [i, a] of areas.entries()) {
      const l = overdispersedLimits(reference.target, a.population, 0.998, dispersion!, 'additive');
      expect(placed[i]!.additive!.limits998).toEqual(l);
      expect(placed[i]!.poisson!.limits95).toEqual(funnelLimits(reference.target, a.population, 0.95));
    }
    expect(funnelPosition(5, { lower: 1, upper: 4 }, { lower: 0.5, upper: 6 })).toBe('above 95%');
    expect(funnelPosition(0.4, { lower: 1, upper: 4 }, { lower: 0.5, upper: 6 })).toBe('below 99.8%');
  });

  it('gives every set as curves over a log-spaced range of populations', () => {
    const { dispersion } = funnelDispersion(areas, reference.target);
    const curves = funnelCurves(reference.target, 30_000, 700_000, dispersion, 5);
    expect(curves.map((c) => c.population)[0]).toBe(30_000);
    expect(curves.at(-1)!.population).toBe(700_000);
    for (const c of curves) {
      const a = overdispersedLimits(reference.target, c.population, 0.95, dispersion!, 'additive');
      expect(c.additive!.upper95).toBe(a.upper);
      expect(c.poisson.upper95).toBe(funnelLimits(reference.target, c.population, 0.95).upper);
      // The additive limits stay wide as populations grow; the multiplicative ones close in.
      expect(c.additive!.upper95 - reference.target).toBeGreaterThan(1.96 * Math.sqrt(reference.tau2));
    }
    expect(funnelCurves(10, 1000, 2000, null, 3)[0]!.additive).toBeNull();
  });
});
