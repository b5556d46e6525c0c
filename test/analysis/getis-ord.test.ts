import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../server/analysis/fdr.js';
import { getisOrdGiStar } from '../../server/analysis/getis-ord.js';
import { giBin } from '../../server/analysis/hotspot-class.js';
import { cachedKRingNeighbours, kRingNeighbours, type NeighbourList } from '../../server/analysis/neighbours.js';
import { twoSidedP } from '../../server/analysis/normal.js';

/** Neighbour lists written out by hand. */
function csr(lists: number[][]): NeighbourList {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  return { offsets, indices: Int32Array.from(lists.flat()) };
}

describe('Getis-Ord Gi*', () => {
  it('matches the formula worked by hand on a line of five cells', () => {
    // x = 1 2 3 4 10; n = 5; X̄ = 4; S = √(130/5 − 16) = √10. Neighbours: itself and the cells beside it.
    // Gi*(0) = (1+2 − 4·2) / (√10 √((5·2 − 2²)/4)) = −5/√15
    // Gi*(2) = (2+3+4 − 4·3) / (√10 √((5·3 − 3²)/4)) = −3/√15
    // Gi*(4) = (4+10 − 4·2) / (√10 √1.5) = 6/√15
    const z = getisOrdGiStar(
      [1, 2, 3, 4, 10],
      csr([
        [0, 1],
        [0, 1, 2],
        [1, 2, 3],
        [2, 3, 4],
        [3, 4],
      ]),
    );
    expect(z[0]).toBeCloseTo(-5 / Math.sqrt(15), 12);
    expect(z[1]).toBeCloseTo((1 + 2 + 3 - 12) / Math.sqrt(15), 12);
    expect(z[2]).toBeCloseTo(-3 / Math.sqrt(15), 12);
    expect(z[3]).toBeCloseTo((3 + 4 + 10 - 12) / Math.sqrt(15), 12);
    expect(z[4]).toBeCloseTo(6 / Math.sqrt(15), 12);
  });

  it('is undefined (NaN) where every value is equal or a neighbourhood is the whole region', () => {
    expect(
      [
        ...getisOrdGiStar(
          [2, 2, 2],
          csr([
            [0, 1],
            [0, 1, 2],
            [1, 2],
          ]),
        ),
      ].every(Number.isNaN),
    ).toBe(true);
    const z = getisOrdGiStar(
      [0, 5, 0],
      csr([
        [0, 1],
        [0, 1, 2],
        [1, 2],
      ]),
    );
    expect(Number.isNaN(z[1]!)).toBe(true);
    // Cell 0: X̄ = 5/3, S = √(25/3 − 25/9) = √(50/9); W = 2; Gi* = (5 − 10/3) / (S √((6 − 4)/2))
    expect(z[0]).toBeCloseTo((5 - 10 / 3) / Math.sqrt(50 / 9), 12);
  });

  it('on H3 rings: a hot centre among zeros is hot, and zero cells of the region count', () => {
    const centre = latLngToCell(51.588, -2.997, 9);
    const region = gridDisk(centre, 4);
    const values = region.map((h) => (h === centre ? 20 : gridDisk(centre, 1).includes(h) ? 6 : 0));
    const z = getisOrdGiStar(values, kRingNeighbours(region, 1));
    const i = region.indexOf(centre);
    expect(z[i]!).toBeGreaterThan(5);
    expect(giBin(z[i]!, twoSidedP(z[i]!))).toBe(3);
    // Dropping the zero cells changes the answer: the region matters.
    const busy = region.filter((_, j) => values[j]! > 0);
    const zBusy = getisOrdGiStar(
      busy.map((h) => values[region.indexOf(h)]!),
      kRingNeighbours(busy, 1),
    );
    expect(zBusy[busy.indexOf(centre)]).not.toBeCloseTo(z[i]!, 3);
  });

  it('agrees to 1e-9 with a naive double loop over the weight matrix on real Gwent cells', () => {
    // Gwent-sized region at resolution 8 around Newport, k = 2, with counts from a fixed pattern.
    const region = gridDisk(latLngToCell(51.65, -3.05, 8), 18);
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const values = region.map((h) => {
      const [lat] = cellToLatLng(h);
      return Math.floor(random() * 6 * (lat < 51.6 ? 3 : 1));
    });
    const fast = getisOrdGiStar(values, kRingNeighbours(region, 2));
    const naive = naiveGiStar(values, region, 2);
    expect(region.length).toBeGreaterThan(900);
    for (let i = 0; i < region.length; i++) expect(Math.abs(fast[i]! - naive[i]!)).toBeLessThan(1e-9);
  });
});

/** Deliberately naive: the full n x n weight matrix from H3 grid distances, then the textbook sums. */
function naiveGiStar(x: number[], cells: string[], k: number): number[] {
  const n = x.length;
  const distanceWithin = (a: string, b: string) => gridDisk(a, k).includes(b);
  const w: number[][] = cells.map((a) => cells.map((b) => (distanceWithin(a, b) ? 1 : 0)));
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(x.reduce((acc, v) => acc + v * v, 0) / n - mean * mean);
  return cells.map((_, i) => {
    let wx = 0;
    let sw = 0;
    let sw2 = 0;
    for (let j = 0; j < n; j++) {
      wx += w[i]![j]! * x[j]!;
      sw += w[i]![j]!;
      sw2 += w[i]![j]! ** 2;
    }
    return (wx - mean * sw) / (s * Math.sqrt((n * sw2 - sw * sw) / (n - 1)));
  });
}

describe('p-values, FDR and classes', () => {
  it('gives two-sided normal p-values', () => {
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(-2.5758293035489004)).toBeCloseTo(0.01, 12);
    expect(twoSidedP(-10)).toBeCloseTo(1.5239706048320995e-23, 35);
  });

  it('adjusts with Benjamini-Hochberg as worked by hand', () => {
    // sorted 0.005, 0.01, 0.03, 0.04 (m = 4): p·m/rank = 0.02, 0.02, 0.04, 0.04; running minimum from the top.
    expect([...benjaminiHochberg([0.01, 0.04, 0.03, 0.005])]).toEqual([0.02, 0.04, 0.04, 0.02]);
    // 0.01, 0.02, 0.5 (m = 3): 0.03, 0.03, 0.5
    const q = benjaminiHochberg([0.5, 0.02, 0.01]);
    expect(q[0]).toBeCloseTo(0.5, 15);
    expect(q[1]).toBeCloseTo(0.03, 15);
    expect(q[2]).toBeCloseTo(0.03, 15);
    expect([...benjaminiHochberg([0.2, Number.NaN])].map((v) => (Number.isNaN(v) ? 'NaN' : v))).toEqual([0.2, 'NaN']);
  });

  it('classes like ArcGIS Gi_Bin', () => {
    expect(giBin(3, 0.009)).toBe(3);
    expect(giBin(2.1, 0.04)).toBe(2);
    expect(giBin(1.7, 0.09)).toBe(1);
    expect(giBin(1.2, 0.2)).toBe(0);
    expect(giBin(-2.7, 0.007)).toBe(-3);
    expect(giBin(Number.NaN, Number.NaN)).toBe(0);
  });
});

describe('cached neighbour lists', () => {
  it('are the k-ring lists of the region, built once per region and k', () => {
    const region = gridDisk(latLngToCell(51.58, -3.0, 9), 5);
    const first = cachedKRingNeighbours(region, 1);
    expect(first).toEqual(kRingNeighbours(region, 1));
    expect(cachedKRingNeighbours([...region], 1)).toBe(first);
    expect(cachedKRingNeighbours(region, 2)).toEqual(kRingNeighbours(region, 2));
    expect(cachedKRingNeighbours(region.slice(1), 1)).not.toBe(first);
  });
});
