import { describe, expect, it } from 'vitest';
import { periodDays, periodSeries, yearEarlier } from '../../server/analysis/periods.js';
import { periodGridProblem } from '../../server/analysis/selection-rules.js';

describe('period grids', () => {
  it('fortnights: two whole weeks ending on the Sunday before the meeting', () => {
    // Thursday 2024-03-21: the last Sunday before is 2024-03-17.
    expect(periodSeries('fortnight', '2024-03-21', 3)).toEqual([
      { from: '2024-02-05', to: '2024-02-18', label: 'Fortnight 2024-02-05 to 2024-02-18' },
      { from: '2024-02-19', to: '2024-03-03', label: 'Fortnight 2024-02-19 to 2024-03-03' },
      { from: '2024-03-04', to: '2024-03-17', label: 'Fortnight 2024-03-04 to 2024-03-17' },
    ]);
    // A meeting on a Sunday reviews the fortnight to the Sunday before, not the meeting day itself.
    expect(periodSeries('fortnight', '2024-03-17', 1)[0]!.to).toBe('2024-03-10');
    for (const p of periodSeries('fortnight', '2024-06-06', 30)) {
      expect(periodGridProblem(p.from, p.to)).toBeNull(); // on the restricted-data grid
      expect(periodDays(p)).toBe(14);
    }
  });

  it('months, quarters, financial and calendar years: complete ones only', () => {
    expect(periodSeries('month', '2024-03-21', 2).map((p) => [p.from, p.to, p.label])).toEqual([
      ['2024-01-01', '2024-01-31', 'Jan 2024'],
      ['2024-02-01', '2024-02-29', 'Feb 2024'],
    ]);
    expect(periodSeries('month', '2024-03-31', 1)[0]!.label).toBe('Mar 2024'); // complete on its last day
    expect(periodSeries('quarter', '2024-08-15', 2).map((p) => [p.from, p.to, p.label])).toEqual([
      ['2024-01-01', '2024-03-31', 'Q1 2024'],
      ['2024-04-01', '2024-06-30', 'Q2 2024'],
    ]);
    expect(periodSeries('financial-year', '2024-06-30', 2).map((p) => [p.from, p.to, p.label])).toEqual([
      ['2022-04-01', '2023-03-31', '2022/23'],
      ['2023-04-01', '2024-03-31', '2023/24'],
    ]);
    expect(periodSeries('year', '2024-12-30', 1)[0]).toEqual({ from: '2023-01-01', to: '2023-12-31', label: '2023' });
    expect(periodSeries('rolling-12', '2024-06-30', 2).map((p) => [p.from, p.to, p.label])).toEqual([
      ['2022-07-01', '2023-06-30', '12 months to Jun 2023'],
      ['2023-07-01', '2024-06-30', '12 months to Jun 2024'],
    ]);
  });

  it('a year earlier: the same months, or 52 weeks for fortnights (same weekdays)', () => {
    expect(yearEarlier({ from: '2024-02-01', to: '2024-02-29', label: 'Feb 2024' })).toMatchObject({
      from: '2023-02-01',
      to: '2023-02-28',
    });
    expect(yearEarlier({ from: '2024-03-04', to: '2024-03-17', label: 'f' })).toMatchObject({
      from: '2023-03-06',
      to: '2023-03-19',
    });
    expect(() => periodSeries('month', '2024-13-01', 1)).toThrow(/expected a date/);
  });
});

describe('shifting a selection period', () => {
  it('to the period just before, and a year earlier', async () => {
    const { shiftSelectionPeriod, monthsBetween } = await import('../../server/analysis/periods.js');
    expect(shiftSelectionPeriod('2024-01', '2024-04', 'previous')).toEqual({ from: '2023-09', to: '2023-12' });
    expect(shiftSelectionPeriod('2024-01', '2024-04', 'year')).toEqual({ from: '2023-01', to: '2023-04' });
    expect(shiftSelectionPeriod('2024-03-04', '2024-03-17', 'previous')).toEqual({
      from: '2024-02-19',
      to: '2024-03-03',
    });
    expect(shiftSelectionPeriod('2024-03-04', '2024-03-17', 'year')).toEqual({ from: '2023-03-06', to: '2023-03-19' });
    expect(monthsBetween('2023-11', '2024-02').map((p) => [p.from, p.to])).toEqual([
      ['2023-11-01', '2023-11-30'],
      ['2023-12-01', '2023-12-31'],
      ['2024-01-01', '2024-01-31'],
      ['2024-02-01', '2024-02-29'],
    ]);
  });
});
