import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { hotspots } from '../../server/analysis/hotspots.js';
import {
  releasedChange,
  releasedCompleteness,
  releasedConcentration,
  releasedHotspots,
} from '../../server/release/statistics.js';

describe('releasedHotspots', () => {
  it('is Gi* over the region with a withheld count as its stand-in and a cell with no row as 0', () => {
    const region = gridDisk(latLngToCell(51.58, -3.0, 8), 2);
    const [a, b, c] = region;
    // k = 5: a withheld count (1..4) stands in as 3.
    const released = new Map<string, number | null>([
      [a!, 40],
      [b!, null],
      [c!, 0],
    ]);
    const result = releasedHotspots(region, released, 5, 1);
    expect(result.cells.slice(0, 4).map((cell) => cell.count)).toEqual([40, 3, 0, 0]);
    expect(result).toEqual(
      hotspots(
        region,
        new Map([
          [a!, 40],
          [b!, 3],
        ]),
        1,
      ),
    );
  });
});

describe('releasedConcentration', () => {
  it('counts the region cells as released, withheld as the stand-in, missing as 0', () => {
    // a 6, b withheld (k = 5: 3), c 0, d no row: [6, 3, 0, 0], total 9.
    // Top 1%, 5% and 10% of 4 cells is one cell: 6 / 9.
    // Gini, ascending [0, 0, 3, 6]: 2(1·0 + 2·0 + 3·3 + 4·6) / (4·9) − 5/4 = 66/36 − 45/36 = 21/36.
    const c = releasedConcentration(
      ['a', 'b', 'c', 'd'],
      new Map([
        ['a', 6],
        ['b', null],
        ['c', 0],
      ]),
      5,
    );
    // Nine incidents over four cells at their most even are [2, 2, 2, 3]: top cell 3 / 9, Gini
    // r(N − r)/(N·n) = 1·3/(4·9) = 1/12 (r = 9 mod 4); n ≥ N, so the generalised Gini is the Gini.
    expect(c).toEqual({
      cells: 4,
      total: 9,
      top1: 6 / 9,
      top5: 6 / 9,
      top10: 6 / 9,
      gini: expect.any(Number),
      generalisedGini: expect.any(Number),
      minimum: { gini: expect.any(Number), top1: 3 / 9, top5: 3 / 9, top10: 3 / 9 },
    });
    expect(c.gini).toBeCloseTo(21 / 36, 15);
    expect(c.generalisedGini).toBeCloseTo(21 / 36, 15);
    expect(c.minimum.gini).toBeCloseTo(1 / 12, 15);
  });

  it('is empty for public data with no incidents', () =>
    expect(releasedConcentration(['a', 'b'], new Map(), null)).toEqual({
      cells: 2,
      total: 0,
      top1: null,
      top5: null,
      top10: null,
      gini: null,
      generalisedGini: null,
      minimum: { top1: null, top5: null, top10: null, gini: null },
    }));
});

describe('releasedChange', () => {
  it('tests a count against none: 12 of 12 at even odds, p = 2 · 2⁻¹² = 1/2048, a new hot spot with no per cent', () =>
    expect(releasedChange(12, 0, null)).toEqual({ count: 0, percent: null, p: 1 / 2048, class: 'new' }));

  it('tests a withheld total as its stand-in and gives no per cent', () => {
    // k = 5: now stands in as 3 against 10. P(X ≤ 3 | 13, ½) = (1 + 13 + 78 + 286) / 8192 = 378/8192; doubled.
    const change = releasedChange(null, 10, 5);
    expect(change).toEqual({ count: 10, percent: null, p: expect.any(Number), class: 'no-significant-change' });
    expect(change.p).toBeCloseTo(756 / 8192, 12);
  });

  it('gives the per cent change of released totals', () => expect(releasedChange(15, 10, 5).percent).toBe(50));

  it("tests February against January with the months' lengths (R binom.test), not as equal periods", () => {
    // Gwent, violence and sexual offences: 2,101 in February 2024 (29 days), 2,125 in January (31).
    // R: binom.test(2101, 4226, p = 29/60)$p.value = 0.0741851488529729; as equal periods
    // binom.test(2101, 4226, p = 0.5)$p.value = 0.723490137396328.
    expect(releasedChange(2101, 2125, null, { currentDays: 29, comparisonDays: 31 }).p).toBeCloseTo(
      0.0741851488529729,
      12,
    );
    expect(releasedChange(2101, 2125, null).p).toBeCloseTo(0.723490137396328, 12);
  });

  it('scales by the periods lengths: twice the days and twice the count is no change (p = 1)', () =>
    expect(releasedChange(20, 10, null, { currentDays: 2, comparisonDays: 1 })).toEqual({
      count: 10,
      percent: 100,
      p: 1,
      class: 'no-significant-change',
    }));
});

describe('releasedCompleteness', () => {
  it('flags a month from the stand-in values but reports it as released', () => {
    // k = 5: February withheld stands in as 3. Daily counts 31/31 = 1, 3/29, 31/31 = 1: February
    // expects the upper quartile of the others' (1, 1) times 29 = 29; 3 < 0.6 · 29 and
    // P(X ≤ 3 | Poisson 29) ≈ 1.1e-9 < 0.001. January expects quantile(c(3/29, 1), 0.75) · 31 =
    // (3/29 + 0.75 · (1 - 3/29)) · 31 = 24.05, shown rounded.
    expect(releasedCompleteness(['2024-01', '2024-02', '2024-03'], [31, null, 31], 5)).toEqual([
      { month: '2024-01', count: 31, expected: 24, low: false },
      { month: '2024-02', count: null, expected: 29, low: true },
      { month: '2024-03', count: 31, expected: 24, low: false },
    ]);
  });

  it('flags nothing with fewer than three months', () =>
    expect(releasedCompleteness(['2024-01', '2024-02'], [31, 0], null)).toMatchObject([
      { month: '2024-01', count: 31, low: false },
      { month: '2024-02', count: 0, low: false },
    ]));
});
