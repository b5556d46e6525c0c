import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arcgisSearchRadius, sfhotspotBandwidth } from '../../server/analysis/bandwidths.js';
import { kernelDensity, QUARTIC_PER_GAUSSIAN, quartic, ruleOfThumbBandwidth } from '../../server/analysis/kde.js';
import reference from '../fixtures/kde/bandwidths.json' with { type: 'json' };

describe('quartic kernel density', () => {
  it('matches the quartic formula worked by hand', () => {
    // One source of weight 2 at the origin, h = 100 m. At 50 m: u² = 0.25, (1 − u²)² = 0.5625,
    // density = 2 × 3/(π 100²) × 0.5625 per m² = 337.5/π per km².
    const d = kernelDensity(
      [{ x: 0, y: 0, weight: 2 }],
      [
        { x: 50, y: 0 },
        { x: 0, y: 0 },
        { x: 0, y: 100 },
        { x: 70, y: 80 },
      ],
      100,
    );
    expect(d[0]).toBeCloseTo(337.5 / Math.PI, 10);
    expect(d[1]).toBeCloseTo((2 * 3 * 1e6) / (Math.PI * 1e4), 10);
    expect(d[2]).toBe(0); // at the bandwidth the kernel is 0
    expect(d[3]).toBe(0); // √(70² + 80²) > 100
  });

  it('integrates to the total weight (a kernel is a unit mass)', () => {
    const sources = [
      { x: 0, y: 0, weight: 3 },
      { x: 120, y: 40, weight: 5 },
    ];
    const step = 4;
    const targets = [];
    for (let x = -300; x <= 420; x += step) for (let y = -300; y <= 340; y += step) targets.push({ x, y });
    const density = kernelDensity(sources, targets, 150);
    const mass = (density.reduce((a, v) => a + v, 0) * (step * step)) / 1e6;
    expect(mass).toBeCloseTo(8, 2);
  });

  it('equals the brute-force sum for random sources and targets (the sorted sweep misses nothing)', () => {
    const point = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: point.map((p) => p.x), y: point.map((p) => p.y), weight: fc.integer({ min: 1, max: 9 }) }),
          { maxLength: 40 },
        ),
        fc.array(point, { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 50, max: 1500 }),
        (sources, targets, h) => {
          const fast = kernelDensity(sources, targets, h);
          return targets.every(
            (t, i) =>
              Math.abs(
                fast[i]! -
                  sources.reduce((a, s) => a + s.weight * quartic((s.x - t.x) ** 2 + (s.y - t.y) ** 2, h), 0) * 1e6,
              ) < 1e-6,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has a per-axis variance of h²/8 (SD h/√8), and a canonical bandwidth 2.779 times the Gaussian one', () => {
    // ∫ x² K over the disc by the midpoint rule, h = 1; R's integrate() gives 0.125 too.
    const step = 0.002;
    let v = 0;
    for (let x = -1 + step / 2; x < 1; x += step)
      for (let y = -1 + step / 2; y < 1; y += step) v += x * x * quartic(x * x + y * y, 1) * step * step;
    expect(v).toBeCloseTo(1 / 8, 5);
    expect(reference.quarticVariance).toBeCloseTo(1 / 8, 12);
    // (R(K)/μ₂²)^(1/6): quartic (9/(5π))/(1/8)², Gaussian (1/(4π))/1.
    expect(QUARTIC_PER_GAUSSIAN).toBeCloseTo((9 / (5 * Math.PI) / (1 / 64) / (1 / (4 * Math.PI))) ** (1 / 6), 14);
    expect(QUARTIC_PER_GAUSSIAN).toBeCloseTo(reference.quarticPerGaussian, 13);
  });

  it('chooses the quartic radius by the rule of thumb 2.779 σ n^(-1/6), with a floor', () => {
    // x = 0, 1000 (weight 1 each): mean 500, sample variance 500000·2/1 → σx = 707.1; y = 0: σy = 0.
    // σ = (707.1 + 0)/2 = 353.55; n = 2 → Gaussian h = 353.55 × 2^(−1/6) = 314.98; quartic radius × 2.779 = 875.4
    expect(
      ruleOfThumbBandwidth([
        { x: 0, y: 0, weight: 1 },
        { x: 1000, y: 0, weight: 1 },
      ]),
    ).toBeCloseTo((Math.sqrt(500_000) / 2) * 2 ** (-1 / 6) * QUARTIC_PER_GAUSSIAN, 9);
    expect(ruleOfThumbBandwidth([{ x: 0, y: 0, weight: 1 }])).toBe(100);
    expect(
      ruleOfThumbBandwidth([
        { x: 0, y: 0, weight: 50 },
        { x: 10, y: 0, weight: 50 },
      ]),
    ).toBe(100);
  });

  it("gives R's values for ours, sfhotspot's and ArcGIS's default on Gwent's January 2024 violence", () => {
    const { x, y, weight } = reference.points;
    const points = x.map((px, i) => ({ x: px, y: y[i]!, weight: weight[i]! }));
    expect(points.reduce((a, p) => a + p.weight, 0)).toBe(reference.n);
    expect(ruleOfThumbBandwidth(points)).toBeCloseTo(reference.ours, 6);
    // sfhotspot's mean(bandwidth.nrd(x), bandwidth.nrd(y)) is bandwidth.nrd(x) in R (y becomes `trim`).
    expect(reference.sfhotspot).toBe(reference.sfhotspotX);
    expect(sfhotspotBandwidth(points)).toBeCloseTo(reference.sfhotspot, 6);
    expect(arcgisSearchRadius(points)).toBeCloseTo(reference.arcgis, 6);
    expect(sfhotspotBandwidth([{ x: 0, y: 0, weight: 1 }])).toBeNull();
  });
});
