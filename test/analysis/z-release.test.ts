import fc from 'fast-check';
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { getisOrdGiStar } from '../../server/analysis/getis-ord.js';
import { kRingNeighbours, type NeighbourList } from '../../server/analysis/neighbours.js';
import { benjaminiHochberg } from '../../server/analysis/fdr.js';
import { giBin } from '../../server/analysis/hotspot-class.js';
import { hotspots } from '../../server/analysis/hotspots.js';
import { twoSidedP } from '../../server/analysis/normal.js';
import { giStarScales, releaseGiStar, releaseZ, restrictedZStep, Z_STEPS } from '../../server/analysis/z-release.js';

/** Three cells in a row: 0-1-2, each a neighbour of itself and the next. */
const LINE: NeighbourList = { offsets: Int32Array.from([0, 2, 5, 7]), indices: Int32Array.from([0, 1, 0, 1, 2, 1, 2]) };

describe('releasing Gi* z of restricted data', () => {
  it('scale is S √[(nW − W²)/(n − 1)], by hand', () => {
    // x = 1, 2, 3: n = 3, mean 2, S = √(14/3 − 4) = √(2/3). Ends: W = 2, (6 − 4)/2 = 1. Middle: W = 3 = n, undefined.
    const scales = giStarScales([1, 2, 3], LINE);
    expect(scales[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(Number.isNaN(scales[1]!)).toBe(true);
    expect(scales[2]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    // And it is what one more incident in the neighbourhood does to z: z(x + e_j) − z(x) ≈ 1/scale when S barely moves.
    const many = Array.from({ length: 400 }, (_, i) => (i * 7919) % 13);
    const cells = gridDisk(latLngToCell(51.58, -3.0, 9), 11).slice(0, 400);
    const neighbours = kRingNeighbours(cells, 1);
    const before = getisOrdGiStar(many, neighbours);
    const bumped = [...many];
    bumped[200]! += 1;
    const after = getisOrdGiStar(bumped, neighbours);
    expect(after[200]! - before[200]!).toBeCloseTo(1 / giStarScales(many, neighbours)[200]!, 2);
  });

  it('picks the smallest step that spans k incidents in every cell, or withholds z', () => {
    expect(restrictedZStep([20, 30], 5)).toBe(0.5); // 0.5 × 20 = 10 ≥ 5
    expect(restrictedZStep([3, 40], 5)).toBe(2); // 1 × 3 < 5 ≤ 2 × 3
    expect(restrictedZStep([Math.sqrt(2 / 3), Number.NaN], 5)).toBe(10); // 5 × 0.816 < 5 ≤ 10 × 0.816
    expect(restrictedZStep([0.1], 5)).toBeNull(); // 10 × 0.1 = 1 < 5
    expect([1.24, 1.26, -2.74, 0.1].map((z) => releaseZ(z, 0.5))).toEqual([1, 1.5, -2.5, 0]);
    expect(releaseZ(3.7, 2)).toBe(4);
    expect(releaseZ(3.7, null)).toBeNull();
    expect(releaseZ(1.234, undefined)).toBe(1.234);
  });

  it('one incident in sparse data cannot be found from z: it is withheld', () => {
    const cells = gridDisk(latLngToCell(51.58, -3.0, 9), 10);
    const x = cells.map((_, i) => (i === 100 ? 1 : 0));
    const step = restrictedZStep(giStarScales(x, kRingNeighbours(cells, 1)), 5);
    expect(step).toBeNull();
    expect(getisOrdGiStar(x, kRingNeighbours(cells, 1))[100]).toBeGreaterThan(5); // what exact z would have shown
  });

  it('for any counts, a released z tells each neighbourhood sum only within a band at least k wide', () => {
    const cells = gridDisk(latLngToCell(51.58, -3.0, 9), 6); // 127 cells
    const neighbours = kRingNeighbours(cells, 1);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: cells.length, maxLength: cells.length }), fc.integer({ min: 2, max: 15 }), (x, k) => {
        const scales = giStarScales(x, neighbours);
        const step = restrictedZStep(scales, k);
        if (step === null) return;
        expect(Z_STEPS).toContain(step);
        const z = getisOrdGiStar(x, neighbours);
        const mean = x.reduce((a, v) => a + v, 0) / x.length;
        for (let i = 0; i < x.length; i++) {
          if (Number.isNaN(z[i]!)) continue;
          const released = releaseZ(z[i]!, step)!;
          const w = neighbours.offsets[i + 1]! - neighbours.offsets[i]!;
          // What the attacker can say of the neighbourhood sum from the released z (knowing mean and S exactly, which they do not).
          const low = (released - step / 2) * scales[i]! + mean * w;
          const high = (released + step / 2) * scales[i]! + mean * w;
          expect(high - low).toBeGreaterThanOrEqual(k - 1e-9);
          let sum = 0;
          for (let j = neighbours.offsets[i]!; j < neighbours.offsets[i + 1]!; j++) sum += x[neighbours.indices[j]!]!;
          expect(sum).toBeGreaterThanOrEqual(low - 1e-9);
          expect(sum).toBeLessThanOrEqual(high + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives restricted data a class from the rounded z alone: p from the rounded z, then the FDR correction', () => {
    const cells = gridDisk(latLngToCell(51.58, -3.0, 9), 8);
    const neighbours = kRingNeighbours(cells, 1);
    const x = cells.map((_, i) => (i < 40 ? 12 + (i % 5) : i % 3));
    const { cells: exact, scales } = hotspots(cells, new Map(cells.map((h, i) => [h, x[i]!])), 1);
    const released = releaseGiStar(exact, scales, 5);
    expect(released.step).toBe(restrictedZStep(giStarScales(x, neighbours), 5));
    const zr = exact.map((c) => releaseZ(c.z, released.step!)!);
    const q = benjaminiHochberg(zr.map(twoSidedP));
    released.cells.forEach((c, i) => {
      expect(c.z).toBe(zr[i]);
      expect(c.class).toBe(giBin(zr[i]!, q[i]!));
    });
    expect(released.cells.some((c) => c.class === 3)).toBe(true);
    // Sparse: one incident, z and class withheld everywhere.
    const one = hotspots(cells, new Map([[cells[7]!, 1]]), 1);
    expect(releaseGiStar(one.cells, one.scales, 5).cells.every((c) => c.z === null && c.class === null)).toBe(true);
  });
});
