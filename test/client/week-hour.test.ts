import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { timeProfileCsv } from '../../client/timeprofile/timeProfileCsv';
import { busiestSentence, dayTotals, hourTotals, weekTotal } from '../../client/timeprofile/weekHour';
import { translator } from '../../server/domain/i18n/translate';

/** A week of zeros with the given slots set: [day, hour, count or null]. */
function week(slots: [number, number, number | null][]): (number | null)[][] {
  const counts: (number | null)[][] = Array.from({ length: 7 }, () => Array<number | null>(24).fill(0));
  for (const [day, hour, n] of slots) counts[day]![hour] = n;
  return counts;
}

describe('the weekday x hour helpers', () => {
  const counts = week([
    [5, 22, 40],
    [4, 22, 30],
    [5, 23, 30],
    [6, 1, 12],
    [0, 3, null],
  ]);

  it('totals released counts and marks totals missing withheld hours', () => {
    expect(dayTotals(counts)[5]).toEqual({ total: 70, partial: false });
    expect(dayTotals(counts)[0]).toEqual({ total: 0, partial: true });
    expect(hourTotals(counts)[22]).toEqual({ total: 70, partial: false });
    expect(hourTotals(counts)[3]).toEqual({ total: 0, partial: true });
    expect(weekTotal(counts)).toEqual({ total: 112, partial: true });
  });

  it('names the busiest hours, ties in week order, in English and Welsh', () => {
    expect(busiestSentence(translator('en'), counts)).toBe(
      'The busiest hours of the week are Saturday 22:00 (40), Friday 22:00 (30) and Saturday 23:00 (30).',
    );
    expect(busiestSentence(translator('cy'), counts, 1)).toBe('Awr brysuraf yr wythnos yw dydd Sadwrn 22:00 (40).');
    expect(busiestSentence(translator('en'), week([[0, 0, null]]))).toBe(
      'No hour of the week has a released count above zero.',
    );
  });

  it('writes a withheld hour to CSV as empty, not 0', () => {
    const rows = Papa.parse<Record<string, string>>(
      timeProfileCsv(counts, { area: 'lad:W1', from: '2024-01', to: '2024-12' }),
      {
        header: true,
      },
    ).data;
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ weekday: 'Monday', '03:00': '', '04:00': '0', area: 'lad:W1' });
    expect(rows[5]).toMatchObject({ weekday: 'Saturday', '22:00': '40' });
  });
});
