import { describe, expect, it } from 'vitest';
import { lag1Autocorrelation, mannKendall } from '../../server/analysis/mann-kendall.js';
import { seasonalKendall } from '../../server/analysis/seasonal-kendall.js';
import reference from '../fixtures/seasonal-kendall.json' with { type: 'json' };

// Reference values from base R (test/fixtures/seasonal-kendall.R) on Gwent's police.uk violence
// and sexual offences per month, July 2022 to June 2025.
const seasons = reference.months.map((m) => m - 1);

describe('seasonal Kendall test (Hirsch, Slack & Smith 1982)', () => {
  it('matches R on three years of real monthly counts', () => {
    const r = seasonalKendall(reference.counts, seasons);
    expect(r.s).toBe(reference.seasonal.s);
    expect(r.variance).toBeCloseTo(reference.seasonal.variance, 12);
    expect(r.z).toBeCloseTo(reference.seasonal.z, 12);
    expect(r.p!).toBeCloseTo(reference.seasonal.p, 12);
    expect(r.seasons).toBe(12);
  });

  it('leaves missing months out of their season, not as zeros', () => {
    const gappy = reference.counts.map((n, i) => (i < 12 ? null : n));
    const r = seasonalKendall(gappy, seasons);
    expect(r.s).toBe(reference.seasonalFromSecondYear.s);
    expect(r.variance).toBeCloseTo(reference.seasonalFromSecondYear.variance, 12);
    expect(r.p).toBe(reference.seasonalFromSecondYear.p);
    // As zeros the first year would make a strong rise out of nothing.
    const zeros = seasonalKendall(
      gappy.map((n) => n ?? 0),
      seasons,
    );
    expect(zeros.p!).toBeLessThan(0.001);
  });

  it('has nothing to test when no month of the year appears twice', () => {
    const r = seasonalKendall(reference.counts.slice(0, 12), seasons.slice(0, 12));
    expect(r).toMatchObject({ s: 0, variance: 0, p: null, seasons: 0 });
  });

  it('the plain Mann-Kendall test agrees with R on the same series (cor.test, Kendall, continuity)', () => {
    const r = mannKendall(reference.counts);
    expect(r.s).toBe(reference.mannKendall.s);
    expect(r.variance).toBe(reference.mannKendall.variance);
    expect(r.z).toBeCloseTo(reference.mannKendall.corTestZ, 12);
    expect(r.p).toBeCloseTo(reference.mannKendall.corTestP, 12);
  });
});

describe('lag-1 autocorrelation', () => {
  it("matches R's acf and flags the serial correlation of the real series (|r1| > 1.96/√n)", () => {
    const r = lag1Autocorrelation(reference.counts)!;
    expect(r.r1).toBeCloseTo(reference.lag1, 12);
    expect(r.n).toBe(36);
    expect(reference.lag1).toBeGreaterThan(reference.lag1Limit);
    expect(r.significant).toBe(true);
  });

  it('flags the negative correlation of an alternating series, and skips missing values', () => {
    const alternating = lag1Autocorrelation([1, 3, 1, 3, 1, 3, 1, 3, 1, 3])!;
    expect(alternating.r1).toBeLessThan(-0.6);
    expect(alternating.significant).toBe(true);
    const gap = lag1Autocorrelation([1, 2, null, 4, 5]);
    // Mean 3 over the four present; pairs (1,2) and (4,5) only: ((-2)(-1) + (1)(2)) / (4 + 1 + 1 + 4) = 0.4.
    expect(gap!.r1).toBeCloseTo(0.4, 14);
    expect(gap!.n).toBe(4);
    expect(lag1Autocorrelation([1, null, 2])).toBeNull();
  });
});
