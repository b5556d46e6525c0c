import { describe, expect, it } from 'vitest';
import { classifyChanges } from '../../server/analysis/change.js';
import reference from '../fixtures/baseline-binomial.json' with { type: 'json' };

// Reference values: R's binom.test of the current count against the baseline sum, with
// p = current days / (current days + baseline days), from test/fixtures/baseline-binomial.R.
describe('baseline change: the current count against the baseline sum, both estimated', () => {
  it("matches R's binom.test on the baseline sum and the period lengths", () => {
    for (const k of reference) {
      const periods = k.baselineDays % k.currentDays === 0 ? k.baselineDays / k.currentDays : 6;
      const [c] = classifyChanges([{ h3: 'x', current: k.current, comparison: k.sum / periods }], {
        test: 'baseline',
        currentDays: k.currentDays,
        comparisonDays: k.baselineDays,
        baselinePeriods: periods,
      });
      expect(Math.abs(c!.p / k.p - 1), JSON.stringify(k)).toBeLessThan(1e-9);
    }
  });

  it('does not call one incident after six empty fortnights "new" (the mean of 0 is an estimate)', () => {
    const [c] = classifyChanges([{ h3: 'x', current: 1, comparison: 0 }], {
      test: 'baseline',
      currentDays: 14,
      comparisonDays: 84,
      baselinePeriods: 6,
    });
    expect(c!.p).toBeCloseTo(1 / 7, 14);
    expect(c!.class).toBe('no-significant-change');
  });

  it('still finds a doubling and a stop against a six-fortnight baseline', () => {
    const out = classifyChanges(
      [
        { h3: 'doubles', current: 80, comparison: 40 },
        { h3: 'stops', current: 0, comparison: 20 },
        { h3: 'appears', current: 20, comparison: 0 },
      ],
      { test: 'baseline', currentDays: 14, comparisonDays: 84, baselinePeriods: 6 },
    );
    expect(out.map((c) => c.class)).toEqual(['increasing', 'ceased', 'new']);
  });
});
