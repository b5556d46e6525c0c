import { describe, expect, it } from 'vitest';
import { completeness } from '../../server/analysis/completeness.js';

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
    // South Wales, violence and sexual offences, January to April 2024: real variation, nothing missing.
    expect(
      completeness([
        { month: '2024-01', count: 4005 },
        { month: '2024-02', count: 3764 },
        { month: '2024-03', count: 4270 },
        { month: '2024-04', count: 3944 },
      ]).some((m) => m.low),
    ).toBe(false);
    // Too few months to judge.
    expect(
      completeness([
        { month: '2024-01', count: 1000 },
        { month: '2024-02', count: 10 },
      ]).some((m) => m.low),
    ).toBe(false);
  });
});
