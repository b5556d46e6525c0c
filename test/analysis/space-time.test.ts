import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../server/analysis/change.js';
import { hotspots } from '../../server/analysis/hotspots.js';
import { kRingNeighbours } from '../../server/analysis/neighbours.js';
import { twoSidedP } from '../../server/analysis/normal.js';
import { emergingPattern, fdrOverCellsClass, sfhotspotClass } from '../../server/analysis/space-time.js';
import { spaceTimeGiStar } from '../../server/analysis/space-time-cube.js';
import expected from '../fixtures/gi-star/expected.json' with { type: 'json' };
import input from '../fixtures/gi-star/input.json' with { type: 'json' };

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
  it("fdr-over-cells: sfhotspot's proportions on FDR significance (10 periods: the last 2 are recent)", () => {
    expect(fdrOverCellsClass(series('HHHHHHHH..'))).toBe('persistent hotspot'); // 80% of periods
    expect(fdrOverCellsClass(series('........HH'))).toBe('emerging hotspot'); // none of 8 older, both recent
    expect(fdrOverCellsClass(series('.HH.H.....'))).toBe('former hotspot'); // 3/8 older, 0/2 recent
    expect(fdrOverCellsClass(series('...H....H.'))).toBe('intermittent hotspot'); // 1/8 older, 1/2 recent
    expect(fdrOverCellsClass(series('CCCCCCCCCC'))).toBe('persistent coldspot');
    expect(fdrOverCellsClass(series('HHHHCCCC..'))).toBe('mixed hot/coldspot');
    expect(fdrOverCellsClass(series('..........'))).toBe('no pattern');
  });

  it("sfhotspot: Holm over each cell's periods, and its recent window one period longer (worked by hand)", () => {
    // 10 periods, r = 2. p = 0.004 in periods 8 and 9 (0-based 7, 8), 1 elsewhere: Holm gives
    // 0.004 x 10 = 0.04 and 0.004 x 9 -> max(0.04, 0.036) = 0.04, both < 0.05. sfhotspot's recent
    // share counts periods 8..10 (three) over r = 2: 2/2 = 1; older share (periods 1..8): 1/8 >= 0.1,
    // so not emerging; recent 1 >= 0.1, so not former: intermittent. The documented windows would
    // give recent = periods 9..10: 1/2 and older 1/8 -> also not emerging; the difference shows below.
    const p = [1, 1, 1, 1, 1, 1, 1, 0.004, 0.004, 1];
    const z = p.map((v) => (v < 1 ? 2.9 : 0.1));
    expect(sfhotspotClass({ z, p, significant: p.map(() => false) })).toBe('intermittent hotspot');
    // Significant only in period 8 (the last older one): sfhotspot's recent window still counts it
    // (1/2 = 0.5 >= 0.2) and older 1/8 >= 0.1, so not former but intermittent; the documented
    // windows call it former (older 1/8 >= 0.1, recent 0/2 < 0.1).
    const p8 = [1, 1, 1, 1, 1, 1, 1, 0.001, 1, 1];
    const z8 = p8.map((v) => (v < 1 ? 3.3 : 0.1));
    expect(sfhotspotClass({ z: z8, p: p8, significant: p8.map(() => false) })).toBe('intermittent hotspot');
    expect(fdrOverCellsClass({ z: z8, significant: p8.map((v) => v < 1) })).toBe('former hotspot');
    // Holm is stricter than a single test: p = 0.006 in one period of 10 is 0.06 after Holm.
    const p1 = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0.006];
    expect(sfhotspotClass({ z: p1.map(() => 3), p: p1, significant: p1.map(() => true) })).toBe('no pattern');
  });

  it('matches hotspot_classify() transcribed in R with spdep on real Newport months (fixture)', () => {
    const cells = input.cells;
    const perPeriod = input.counts.map((row) => hotspots(cells, new Map(cells.map((h, i) => [h, row[i]!])), 1).cells);
    perPeriod.forEach((gi, t) =>
      gi.forEach((c, i) => {
        expect(Math.abs(c.z! - expected.gistar[t]![i]!)).toBeLessThan(1e-12);
        expect(Math.abs(c.p! - expected.pvalue[t]![i]!)).toBeLessThan(1e-14);
      }),
    );
    const classes = cells.map((_, i) =>
      sfhotspotClass({
        z: perPeriod.map((gi) => gi[i]!.z),
        p: perPeriod.map((gi) => gi[i]!.p),
        significant: perPeriod.map((gi) => Math.abs(gi[i]!.class) >= 2),
      }),
    );
    expect(classes).toEqual(expected.sfhotspot);
    expect(classes.filter((c) => c === 'persistent hotspot').length).toBe(19);
    // The two rules differ on the same Gi*: the rule has to be named.
    const fdr = cells.map((_, i) =>
      fdrOverCellsClass({
        z: perPeriod.map((gi) => gi[i]!.z),
        significant: perPeriod.map((gi) => Math.abs(gi[i]!.class) >= 2),
      }),
    );
    expect(fdr.filter((c, i) => c !== classes[i]).length).toBeGreaterThan(0);
  });
});

describe('EHSA space-time cube (neighbourhood time step 1)', () => {
  it('matches spdep::localG over the cube built in R, each bin with its 1-ring now and one period before', () => {
    const cells = input.cells;
    const z = spaceTimeGiStar(
      input.counts.map((row) => Float64Array.from(row)),
      kRingNeighbours(cells, 1),
    );
    z.forEach((zs, t) => zs.forEach((v, i) => expect(Math.abs(v - expected.zCube[t]![i]!)).toBeLessThan(1e-12)));
    // Not the same as each period alone: the period before and the cube's mean count.
    expect(Math.abs(z[5]![0]! - expected.gistar[5]![0]!)).toBeGreaterThan(1e-6);
    expect(twoSidedP(z[0]![0]!)).toBeGreaterThan(0);
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

  it('compares with a baseline (conditional binomial on its sum), and scales unequal periods', () => {
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
