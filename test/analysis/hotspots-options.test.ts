/**
 * Gi* options: the automatic neighbourhood (every cell 8 neighbours), conditional-permutation
 * pseudo p-values (checked against exact enumeration) and the note that cold spots cannot occur.
 */
import { cellToLatLng, gridDisk, gridDistance, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { coldSpotsPossible } from '../../server/analysis/cold-spots.js';
import { getisOrdGiStar } from '../../server/analysis/getis-ord.js';
import { hotspots } from '../../server/analysis/hotspots.js';
import { autoRing, MAX_RING, neighbourhood } from '../../server/analysis/neighbourhood.js';
import { kRingNeighbours, type NeighbourList } from '../../server/analysis/neighbours.js';
import { twoSidedP } from '../../server/analysis/normal.js';
import { permutationGiStar } from '../../server/analysis/permutation.js';
import { seededRandom } from '../../server/analysis/random.js';
import expected from '../fixtures/gi-star/expected.json' with { type: 'json' };
import input from '../fixtures/gi-star/input.json' with { type: 'json' };

const csr = (lists: number[][]): NeighbourList => {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => (offsets[i + 1] = offsets[i]! + l.length));
  return { offsets, indices: Int32Array.from(lists.flat()) };
};

/** The fewest neighbours (itself not counted) of any cell within k grid steps, by brute force. */
const fewestWithin = (cells: string[], k: number) =>
  Math.min(...cells.map((a) => cells.filter((b) => b !== a && gridDistance(a, b) <= k).length));

describe('automatic neighbourhood', () => {
  const centre = latLngToCell(51.5877, -2.9984, 9);

  it('is the smallest ring in which every cell has 8 neighbours: a thin strip needs a wider ring', () => {
    const [lat0] = cellToLatLng(centre);
    const strip = gridDisk(centre, 12).filter((h) => Math.abs(cellToLatLng(h)[0] - lat0) < 0.003);
    const brute = [1, 2, 3, 4, 5].find((k) => fewestWithin(strip, k) >= 8)!;
    expect(brute).toBe(4); // the strip's ends: 7 neighbours within 3 rings, 10 within 4
    expect(autoRing(strip)).toEqual({ k: brute, short: [] });
    const hood = neighbourhood(strip, 'auto');
    expect(hood.k).toBe(brute);
    expect(hood.fewest).toBe(fewestWithin(strip, brute));
    expect(fewestWithin(strip, brute - 1)).toBeLessThan(8);
  });

  it('leaves out a detached cell (an island) rather than widening every ring, and names it', () => {
    const main = gridDisk(centre, 6);
    const island = gridDisk(centre, 20).find((h) => gridDistance(h, centre) === 20)!;
    const chosen = autoRing([...main, island]);
    expect(chosen.k).toBe(2);
    expect(chosen.short).toEqual([island]);
    expect(MAX_RING).toBe(5);
  });

  it('keeps an explicit ring, and reports the cells short of 8 neighbours', () => {
    const hood = neighbourhood(gridDisk(centre, 4), 1);
    expect(hood.k).toBe(1);
    expect(hood.auto).toBe(false);
    expect(hood.fewest).toBe(3); // a corner of the big hexagon
    expect(hood.short.length).toBe(61); // a 1-ring never has more than 6
  });

  it('gives z, p and q exactly as spdep::localG, 2 pnorm(-|z|) and p.adjust(BH) on real Newport counts', () => {
    const result = hotspots(input.cells, new Map(input.cells.map((h, i) => [h, input.counts[0]![i]!])), 'auto');
    expect(result.k).toBe(expected.autoK);
    expect(result.auto).toBe(true);
    result.cells.forEach((c, i) => {
      expect(Math.abs(c.z! - expected.zAuto[i]!)).toBeLessThan(1e-12);
      expect(Math.abs(c.p! - expected.pAuto[i]!)).toBeLessThan(1e-14);
      expect(Math.abs(c.q! - expected.qAuto[i]!)).toBeLessThan(1e-14);
    });
  });
});

/** Exact conditional-permutation p: every choice of the other neighbours' values, equally likely. */
function exactP(values: number[], lists: number[][], i: number): number {
  const others = values.filter((_, j) => j !== i);
  const m = lists[i]!.length - 1;
  const observed = lists[i]!.reduce((a, j) => a + values[j]!, 0);
  let above = 0;
  let below = 0;
  let total = 0;
  const choose = (start: number, left: number, sum: number) => {
    if (left === 0) {
      total++;
      if (sum + values[i]! >= observed) above++;
      if (sum + values[i]! <= observed) below++;
      return;
    }
    for (let j = start; j <= others.length - left; j++) choose(j + 1, left - 1, sum + others[j]!);
  };
  choose(0, m, 0);
  return Math.min(above, below) / total;
}

describe('conditional-permutation pseudo p-values', () => {
  // Nine cells on a 3 x 3 grid, rook neighbours and itself: small enough to enumerate every draw.
  const values = [0, 1, 0, 2, 9, 7, 0, 3, 8];
  const lists = [
    [0, 1, 3],
    [0, 1, 2, 4],
    [1, 2, 5],
    [0, 3, 4, 6],
    [1, 3, 4, 5, 7],
    [2, 4, 5, 8],
    [3, 6, 7],
    [4, 6, 7, 8],
    [5, 7, 8],
  ];

  it('converges on the exact enumeration of every permutation (within 4.5 standard errors)', () => {
    const R = 199_999;
    const { p } = permutationGiStar(values, csr(lists), R, 7);
    values.forEach((_, i) => {
      const exact = exactP(values, lists, i);
      const se = Math.sqrt((Math.max(exact, 1 / R) * (1 - exact)) / R);
      expect(Math.abs(p[i]! - exact), `cell ${i}: ${p[i]} vs ${exact}`).toBeLessThan(4.5 * se + 2 / R);
    });
  });

  it('is (M + 1)/(R + 1), reproducible with its seed, different with another', () => {
    const a = permutationGiStar(values, csr(lists), 999, 24);
    const b = permutationGiStar(values, csr(lists), 999, 24);
    const c = permutationGiStar(values, csr(lists), 999, 25);
    expect([...a.p]).toEqual([...b.p]);
    expect([...a.p]).not.toEqual([...c.p]);
    for (const v of a.p) {
      expect(Number.isInteger(Math.round(v * 1000 * 1e6) / 1e6)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(1 / 1000);
      expect(v).toBeLessThanOrEqual(0.5 + 1 / 1000);
    }
    expect(a.direction[8]).toBe(1);
    expect(a.direction[0]).toBe(-1);
  });

  it('does not call a neighbourhood of zeros significant when every permutation is zeros too (ties)', () => {
    const sparse = [0, 0, 0, 0, 0, 0, 0, 0, 5];
    const { p, direction } = permutationGiStar(sparse, csr(lists), 999, 24);
    // Cell 0's neighbourhood (0, 1, 3) is all zeros; most draws are zeros too: not extreme.
    // (esda's fold, R − #(sim >= obs), would give 1/(R + 1) here: every draw is >= 0.)
    expect(p[0]).toBeGreaterThan(0.5);
    // Cell 8 keeps its own 5 and every other cell is 0: each permutation equals it, p = 1, no direction.
    expect(p[8]).toBe(1);
    expect(direction[8]).toBe(0);
  });

  it('gives roughly uniform p under spatial randomness (seeded random counts, 2α below α for a folded p)', () => {
    const random = seededRandom(3);
    const region = gridDisk(latLngToCell(51.6, -3.0, 9), 12);
    const counts = region.map(() => Math.floor(-Math.log(1 - random()) * 4));
    const { p } = permutationGiStar(counts, kRingNeighbours(region, 2), 999, 24);
    const share = [...p].filter((v) => v <= 0.05).length / p.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.16);
  });

  it('classes by the tail observed, with BH over the region, in hotspots()', () => {
    const region = gridDisk(latLngToCell(51.6, -3.0, 9), 6);
    const counts = new Map(region.map((h, i) => [h, gridDistance(h, region[0]!) <= 1 ? 12 : i % 3]));
    const perm = hotspots(region, counts, 'auto', { inference: 'permutation' });
    expect(perm.inference).toBe('permutation');
    expect(perm.cells[0]!.class).toBe(3);
    const normal = hotspots(region, counts, 'auto');
    expect(normal.cells[0]!.z).toBe(perm.cells[0]!.z); // z is the same statistic either way
    expect(normal.cells[0]!.p).toBeCloseTo(twoSidedP(normal.cells[0]!.z!), 15);
  });
});

describe('whether cold spots can occur', () => {
  it('is the lowest z any arrangement could give: the smallest counts around a cell (normal)', () => {
    const region = gridDisk(latLngToCell(51.6, -3.0, 9), 5);
    const nb = kRingNeighbours(region, 2);
    // Sparse: a few busy cells, the rest zero. The lowest z (all-zero neighbourhood) is above -1.645.
    const sparse = region.map((_, i) => (i < 4 ? 20 : 0));
    expect(coldSpotsPossible(sparse, nb, 'normal')).toBe(false);
    const lowest = Math.min(...getisOrdGiStar(sparse, nb).filter((z) => !Number.isNaN(z)));
    expect(lowest).toBeGreaterThan(-1.645);
    // Dense counts with a quiet patch: cold spots can occur, and one does.
    const dense = region.map((h) => (gridDistance(h, region.at(-1)!) <= 2 ? 0 : 10 + (region.indexOf(h) % 5)));
    expect(coldSpotsPossible(dense, nb, 'normal')).toBe(true);
    const z = getisOrdGiStar(dense, nb);
    expect(Math.min(...z)).toBeLessThan(-1.645);
    expect(twoSidedP(Math.min(...z))).toBeLessThan(0.1);
    // The sparse case in hotspots(): no cold cell, and the flag says so.
    const result = hotspots(region, new Map(region.map((h, i) => [h, sparse[i]!])), 2);
    expect(result.coldSpotsPossible).toBe(false);
    expect(result.cells.every((c) => c.class >= 0)).toBe(true);
  });

  it('permutation: the chance a draw is all of the smallest counts, checked by enumeration', () => {
    const lists = [
      [0, 1, 3],
      [0, 1, 2, 4],
      [1, 2, 5],
      [0, 3, 4, 6],
      [1, 3, 4, 5, 7],
      [2, 4, 5, 8],
      [3, 6, 7],
      [4, 6, 7, 8],
      [5, 7, 8],
    ];
    // Seven zeros: cell 4 (4 other neighbours) drawing only zeros from 6 zeros of 8 others has
    // chance C(6,4)/C(8,4) = 15/70 > 0.1; every other cell's chance is larger: no cold spot possible.
    expect(coldSpotsPossible([0, 0, 0, 0, 0, 0, 0, 4, 5], csr(lists), 'permutation')).toBe(false);
    // Enumeration agrees: with the 4 and 5 away from cell 4, its exact lower-tail p is 15/70.
    expect(exactP([4, 0, 0, 0, 0, 0, 0, 0, 5], lists, 4)).toBeCloseTo(15 / 70, 15);
    // Three non-zero counts: cell 4 drawing 4 zeros from 5 of 8 has chance 5/70 < 0.1: possible.
    expect(coldSpotsPossible([0, 0, 0, 0, 0, 0, 3, 4, 5], csr(lists), 'permutation')).toBe(true);
    // On a larger region with a spread of counts a quiet neighbourhood is rare: possible.
    const region = gridDisk(latLngToCell(51.6, -3.0, 9), 8);
    const spread = region.map((_, i) => 1 + (i % 7));
    expect(coldSpotsPossible(spread, kRingNeighbours(region, 2), 'permutation')).toBe(true);
  });
});
