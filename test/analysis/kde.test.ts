import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kernelDensity, quartic, ruleOfThumbBandwidth } from '../../server/analysis/kde.js';

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

  it('chooses a bandwidth by the rule of thumb σ n^(-1/6), with a floor', () => {
    // x = 0, 1000 (weight 1 each): mean 500, sample variance 500000·2/1 → σx = 707.1; y = 0: σy = 0.
    // σ = (707.1 + 0)/2 = 353.55; n = 2 → h = 353.55 × 2^(−1/6) = 314.98
    expect(
      ruleOfThumbBandwidth([
        { x: 0, y: 0, weight: 1 },
        { x: 1000, y: 0, weight: 1 },
      ]),
    ).toBeCloseTo((Math.sqrt(500_000) / 2) * 2 ** (-1 / 6), 9);
    expect(ruleOfThumbBandwidth([{ x: 0, y: 0, weight: 1 }])).toBe(100);
    expect(
      ruleOfThumbBandwidth([
        { x: 0, y: 0, weight: 50 },
        { x: 10, y: 0, weight: 50 },
      ]),
    ).toBe(100);
  });
});
