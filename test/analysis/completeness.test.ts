import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeness } from '../../server/analysis/completeness.js';
import { policeUkFile, SHARED, tallyPoliceUk } from '../helpers/shared-data.js';

/** A force's real police.uk months (every file in ../shared/data), all crimes and violence and sexual offences. */
function realMonths(force: string) {
  const months = readdirSync(`${SHARED}police-uk/${force}`)
    .filter((f) => f.endsWith('-street.csv'))
    .map((f) => f.slice(0, 7))
    .sort();
  return months.map((month) => {
    const t = tallyPoliceUk(policeUkFile(force, month));
    return { month, all: t.withCoordinates, violence: t.byCrimeType['Violence and sexual offences'] ?? 0 };
  });
}

const flagged = (months: readonly { month: string; count: number }[]) =>
  completeness(months)
    .filter((m) => m.low)
    .map((m) => m.month);

describe('data completeness per month', () => {
  it('flags a month far below the typical one, not ordinary variation or a short February', () => {
    const months = [
      { month: '2024-01', count: 1000 },
      { month: '2024-02', count: 880 }, // 29 days: 30.3 a day against 32.3, ordinary
      { month: '2024-03', count: 480 }, // half a month supplied
      { month: '2024-04', count: 1040 },
      { month: '2024-05', count: 990 },
    ];
    expect(completeness(months).map((m) => m.low)).toEqual([false, false, true, false, false]);
    // Expected for March: the upper quartile of the other months' daily counts times 31 days. R:
    // quantile(c(1000/31, 880/29, 1040/30, 990/31), 0.75) * 31 = 1018.66666666667 (type 7).
    expect(completeness(months)[2]!.expected).toBeCloseTo(1018.66666666667, 9);
    // Too few months to judge.
    expect(
      completeness([
        { month: '2024-01', count: 1000 },
        { month: '2024-02', count: 10 },
      ]).some((m) => m.low),
    ).toBe(false);
    // A small area's noise is not under-supply: 2 against 6 expected is in the Poisson body.
    expect(
      flagged(['2024-01', '2024-02', '2024-03', '2024-04'].map((month, i) => ({ month, count: [6, 2, 6, 6][i]! }))),
    ).toEqual([]);
  });

  // Avon and Somerset's files quote fields (the plain tally cannot read them).
  describe.each(['gwent', 'south-wales'])('on the real police.uk months of %s', (force) => {
    const months = realMonths(force);
    const series = (what: 'all' | 'violence', keep: (month: string) => number = () => 1) =>
      months.map((m) => ({ month: m.month, count: Math.round(m[what] * keep(m.month)) }));

    it('flags no real month (no gap was found in the shared data)', () => {
      for (const what of ['all', 'violence'] as const) {
        expect(flagged(series(what)), what).toEqual([]);
        // Every real month is well above the flagging share of its expectation.
        for (const m of completeness(series(what))) expect(m.count / m.expected, m.month).toBeGreaterThan(0.7);
      }
    });

    it('flags one under-supplied month wherever it falls', () => {
      for (const { month } of months)
        for (const what of ['all', 'violence'] as const)
          expect(flagged(series(what, (m) => (m === month ? 0.4 : 1))), `${month} ${what}`).toEqual([month]);
    });
  });

  it('flags all three of three consecutive under-supplied months of Gwent, and no full month', () => {
    const months = realMonths('gwent'); // 36 real months, 2022-07 to 2025-06
    // Every placement of the run, in the whole series and in a year's window around it.
    for (let start = 0; start + 3 <= months.length; start++) {
      const short = months.slice(start, start + 3).map((m) => m.month);
      for (const kept of [0.3, 0.4, 0.45])
        for (const what of ['all', 'violence'] as const) {
          const series = months.map((m) => ({
            month: m.month,
            count: Math.round(m[what] * (short.includes(m.month) ? kept : 1)),
          }));
          expect(flagged(series), `${short[0]} ${kept} ${what}`).toEqual(short);
          const year = series.slice(Math.max(0, Math.min(start - 4, series.length - 12)), undefined).slice(0, 12);
          expect(flagged(year), `year around ${short[0]} ${kept} ${what}`).toEqual(short);
        }
    }
  });

  it('catches a run the old rule missed: three short months of five are the median', () => {
    const gwent = realMonths('gwent').slice(12, 17); // 2023-07 to 2023-11, real counts
    const short = new Set(gwent.slice(2).map((m) => m.month));
    const months = gwent.map((m) => ({
      month: m.month,
      count: Math.round(m.violence * (short.has(m.month) ? 0.4 : 1)),
    }));
    // The old rule: below three quarters of the median month of all five and in its 0.1% Poisson tail.
    const daily = months.map((m) => m.count / days(m.month)).sort((a, b) => a - b);
    const median = daily[2]!;
    const oldFlags = months.filter((m) => m.count < 0.75 * median * days(m.month)).map((m) => m.month);
    expect(oldFlags).toEqual([]);
    expect(flagged(months)).toEqual([...short]);
  });
});

const days = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
