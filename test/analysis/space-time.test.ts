import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../server/analysis/change.js';
import { emergingPattern, sfhotspotClass } from '../../server/analysis/space-time.js';

/** A series from a string: H significant hot, C significant cold, . not significant; z as given or ±3 / 0.5. */
const series = (pattern: string, z?: number[]) => ({
  z: z ?? [...pattern].map((c) => (c === 'H' ? 3 : c === 'C' ? -3 : 0.5)),
  significant: [...pattern].map((c) => c !== '.'),
});

describe('Emerging Hot Spot Analysis patterns', () => {
  it('classifies the eight hot patterns as ArcGIS defines them', () => {
    expect(emergingPattern(series('.........H'))).toEqual({ kind: 'hot', pattern: 'new' });
    expect(emergingPattern(series('.......HHH'))).toEqual({ kind: 'hot', pattern: 'consecutive' });
    expect(emergingPattern(series('HHHHHHHHHH', [2, 2.2, 2.5, 2.8, 3, 3.3, 3.6, 4, 4.4, 5]))).toEqual({
      kind: 'hot',
      pattern: 'intensifying',
    });
    expect(emergingPattern(series('HHHHHHHHHH', [3, 2.5, 3.1, 2.9, 3, 2.6, 3.2, 2.8, 3, 2.7]))).toEqual({
      kind: 'hot',
      pattern: 'persistent',
    });
    expect(emergingPattern(series('HHHHHHHHHH', [5, 4.4, 4, 3.6, 3.3, 3, 2.8, 2.5, 2.2, 2]))).toEqual({
      kind: 'hot',
      pattern: 'diminishing',
    });
    expect(emergingPattern(series('.H..H...HH'))).toEqual({ kind: 'hot', pattern: 'sporadic' });
    expect(emergingPattern(series('.C..H...HH'))).toEqual({ kind: 'hot', pattern: 'oscillating' });
    expect(emergingPattern(series('HHHHHHHHH.'))).toEqual({ kind: 'hot', pattern: 'historical' });
    expect(emergingPattern(series('HH........'))).toBeNull(); // hot once long ago, not in the final period, under 90%
    expect(emergingPattern(series('..........'))).toBeNull();
  });

  it('mirrors them for cold spots (intensifying = z falling further)', () => {
    expect(emergingPattern(series('.........C'))).toEqual({ kind: 'cold', pattern: 'new' });
    expect(emergingPattern(series('CCCCCCCCCC', [-2, -2.2, -2.5, -2.8, -3, -3.3, -3.6, -4, -4.4, -5]))).toEqual({
      kind: 'cold',
      pattern: 'intensifying',
    });
  });
});

describe('sfhotspot classes', () => {
  it('follows hotspot_classify() with its default proportions (10 periods: the last 2 are recent)', () => {
    expect(sfhotspotClass(series('HHHHHHHH..'))).toBe('persistent hotspot'); // 80% of periods
    expect(sfhotspotClass(series('........HH'))).toBe('emerging hotspot'); // none of 8 older, both recent
    expect(sfhotspotClass(series('.HH.H.....'))).toBe('former hotspot'); // 3/8 older, 0/2 recent
    expect(sfhotspotClass(series('...H....H.'))).toBe('intermittent hotspot'); // 2/10, 1/8 older, 1/2 recent: not emerging, not former
    expect(sfhotspotClass(series('CCCCCCCCCC'))).toBe('persistent coldspot');
    expect(sfhotspotClass(series('HHHHCCCC..'))).toBe('mixed hot/coldspot');
    expect(sfhotspotClass(series('..........'))).toBe('no pattern');
  });
});

describe('change classes', () => {
  it('names significant changes by direction and zeros, persistent hot spots, and the rest', () => {
    const out = classifyChanges(
      [
        { h3: 'doubles', current: 60, comparison: 30 },
        { h3: 'appears', current: 20, comparison: 0 },
        { h3: 'stops', current: 0, comparison: 20 },
        { h3: 'halves', current: 15, comparison: 40 },
        { h3: 'steady-hot', current: 41, comparison: 39 },
        { h3: 'steady', current: 5, comparison: 4 },
      ],
      { test: 'two-periods', currentDays: 14, comparisonDays: 14, hotInBoth: new Set(['steady-hot']) },
    );
    expect(Object.fromEntries(out.map((c) => [c.h3, c.class]))).toEqual({
      doubles: 'increasing',
      appears: 'new',
      stops: 'ceased',
      halves: 'decreasing',
      'steady-hot': 'persistent',
      steady: 'no-significant-change',
    });
    for (const c of out) expect(c.q).toBeGreaterThanOrEqual(c.p);
  });

  it('compares with a baseline mean by the Poisson test, and scales unequal periods', () => {
    const baseline = classifyChanges(
      [
        { h3: 'a', current: 25, comparison: 10 },
        { h3: 'b', current: 11, comparison: 10 },
      ],
      { test: 'baseline', currentDays: 30, comparisonDays: 30 },
    );
    expect(baseline.map((c) => c.class)).toEqual(['increasing', 'no-significant-change']);
    // 20 in 28 days against 10 in 14: the same rate, no change.
    expect(
      classifyChanges([{ h3: 'a', current: 20, comparison: 10 }], {
        test: 'two-periods',
        currentDays: 28,
        comparisonDays: 14,
      })[0]!.class,
    ).toBe('no-significant-change');
  });
});
