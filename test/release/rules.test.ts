import { describe, expect, it } from 'vitest';
import {
  fromReleasedRule,
  releasedCount,
  standIn,
  statValue,
  statValues,
  sumReleased,
} from '../../server/release/rules.js';

describe('standIn', () => {
  it('is the middle of 1..k-1, rounded half up', () => {
    expect(standIn(5)).toBe(3); // 1..4 -> 2.5 -> 3
    expect(standIn(10)).toBe(5); // 1..9 -> 5
    expect(standIn(3)).toBe(2); // 1..2 -> 1.5 -> 2
  });
});

describe('statValue and statValues', () => {
  it('keep released counts and put the stand-in for withheld ones', () => {
    expect(statValue(12, 5)).toBe(12);
    expect(statValue(0, 5)).toBe(0);
    expect(statValue(null, 5)).toBe(3);
    expect(() => statValue(null, null)).toThrow(RangeError);
    expect(
      statValues(
        new Map([
          ['a', 7],
          ['b', null],
        ]),
        10,
      ),
    ).toEqual(
      new Map([
        ['a', 7],
        ['b', 5],
      ]),
    );
  });
});

describe('sumReleased', () => {
  it('is exact where every part is released', () => expect(sumReleased([5, 0, 9], 5)).toBe(14));
  it('counts a withheld part as its stand-in beside released ones', () =>
    expect(sumReleased([10, null, null], 5)).toBe(16));
  it('withholds a total made only of withheld parts (and zeros)', () =>
    expect(sumReleased([null, 0, null], 5)).toBeNull());
  it('is 0 for no parts', () => expect(sumReleased([], 5)).toBe(0));
});

describe('releasedCount', () => {
  const released = new Map<string, number | null>([
    ['a', 8],
    ['b', null],
  ]);
  it('is the released count, null where withheld, 0 where the cell has no row', () => {
    expect(releasedCount(released, 'a')).toBe(8);
    expect(releasedCount(released, 'b')).toBeNull();
    expect(releasedCount(released, 'c')).toBe(0);
  });
});

describe('fromReleasedRule', () => {
  it('says nothing for public data and names the stand-in for restricted data', () => {
    expect(fromReleasedRule(null, 'Gi*')).toEqual([]);
    expect(fromReleasedRule(5, 'Gi*')).toEqual([
      'Gi* computed from the released counts alone, a withheld count (1 to 4) counted as 3',
    ]);
  });
});
