import { describe, expect, it } from 'vitest';
import {
  coverageNote,
  coveredLads,
  type DatasetCoverage,
  datasetsReaching,
  periodCoverage,
} from '../../server/analysis/coverage.js';

const months = (from: number, to: number, lads: string[]) =>
  new Map(
    Array.from({ length: to - from + 1 }, (_, i) => [`2024-${String(from + i).padStart(2, '0')}`, new Set(lads)]),
  );
// Gwent police.uk, January to June 2024 (month precision: whole months).
const gwent: DatasetCoverage = {
  id: 1,
  name: 'Gwent',
  lads: months(1, 6, ['A', 'B']),
  firstDay: '2024-01-01',
  lastDay: '2024-06-30',
};
// A day-dated extract whose last day is 10 June.
const extract: DatasetCoverage = {
  id: 2,
  name: 'Extract',
  lads: months(6, 6, ['C']),
  firstDay: '2024-06-01',
  lastDay: '2024-06-10',
};

describe('coverage: missing is not zero', () => {
  it('a period before the data begin is not covered; one inside them is fully covered', () => {
    expect(periodCoverage([gwent], ['A', 'B'], { from: '2023-12-01', to: '2023-12-31' })).toEqual({
      days: 31,
      coveredDays: 0,
      coverage: 'none',
    });
    expect(periodCoverage([gwent], ['A', 'B'], { from: '2024-02-01', to: '2024-02-29' })).toEqual({
      days: 29,
      coveredDays: 29,
      coverage: 'full',
    });
  });

  it('counts the covered days of a period the data end in (a fortnight with one day of data)', () => {
    const oneDay = periodCoverage([extract], ['C'], { from: '2024-06-10', to: '2024-06-23' });
    expect(oneDay).toEqual({ days: 14, coveredDays: 1, coverage: 'partial' });
  });

  it('a day counts only when every authority of the region is covered', () => {
    // A and B all month; C from the 1st to the 10th only: 10 of 30 June days cover all three.
    expect(periodCoverage([gwent, extract], ['A', 'B', 'C'], { from: '2024-06-01', to: '2024-06-30' })).toEqual({
      days: 30,
      coveredDays: 10,
      coverage: 'partial',
    });
    expect(periodCoverage([], [], { from: '2024-06-01', to: '2024-06-01' }).coverage).toBe('none');
  });

  it('keeps the authorities some dataset covers in the periods, and says which datasets reach a period', () => {
    const june = { from: '2024-06-01', to: '2024-06-30' };
    expect(coveredLads([gwent, extract], ['A', 'B', 'C', 'D'], [june])).toEqual(['A', 'B', 'C']);
    expect(coveredLads([gwent], ['A', 'D'], [{ from: '2023-01-01', to: '2023-12-31' }])).toEqual([]);
    const ds = [{ id: 1 }, { id: 2 }];
    // June against May: Gwent covers A and B both months; the extract covers C now but not in May.
    const may = { from: '2024-05-01', to: '2024-05-31' };
    expect(datasetsReaching(ds, [gwent, extract], ['A', 'B', 'C'], june, may)).toEqual({
      reaching: [{ id: 1 }],
      missing: [{ id: 2 }],
    });
    // A year earlier neither covers anything.
    const lastJune = { from: '2023-06-01', to: '2023-06-30' };
    expect(datasetsReaching(ds, [gwent, extract], ['A', 'C'], june, lastJune)).toEqual({ reaching: [], missing: ds });
    // In A the extract covers nothing now: it reaches May only if it covered there what it covers now (C): it did not.
    expect(datasetsReaching(ds, [gwent, extract], ['A'], june, may)).toEqual({
      reaching: [{ id: 1 }],
      missing: [{ id: 2 }],
    });
    // Within its own days it does: 1 to 10 June against 1 to 5 June.
    expect(
      datasetsReaching(
        ds,
        [gwent, extract],
        ['A'],
        { from: '2024-06-06', to: '2024-06-10' },
        {
          from: '2024-06-01',
          to: '2024-06-05',
        },
      ).reaching,
    ).toEqual(ds);
  });

  it('describes what is missing', () => {
    expect(coverageNote([{ label: 'Jan', days: 31, coveredDays: 31, coverage: 'full' }])).toBeNull();
    expect(
      coverageNote([
        { label: 'Dec', days: 31, coveredDays: 0, coverage: 'none' },
        { label: 'Jan', days: 31, coveredDays: 3, coverage: 'partial' },
      ]),
    ).toBe(
      '1 of 2 periods not covered by the selected datasets (Dec): missing, not zero; 1 partly covered (Jan: 3 of 31 days)',
    );
  });
});
