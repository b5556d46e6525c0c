import { cellArea, cellToLatLng, cellToParent, latLngToCell, polygonToCells } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { buildCellCover, type LsoaInput } from '../../server/geo/cell-cover.js';

/** Two side-by-side squares (~1.4 x 1.1 km) around Newport sharing an edge at lng -3.0. */
const square = (w: number, e: number): LsoaInput['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, 51.58],
      [e, 51.58],
      [e, 51.59],
      [w, 51.59],
      [w, 51.58],
    ],
  ],
});
const west: LsoaInput = { code: 'W01000001', ladCode: 'W06000022', population: 1200, geometry: square(-3.02, -3.0) };
const east: LsoaInput = { code: 'W01000002', ladCode: 'W06000021', population: 800, geometry: square(-3.0, -2.98) };
const pfa = (lad: string) => (lad === 'W06000022' ? 'W15000002' : 'W15000099');

describe('H3 cover and population apportionment', () => {
  const rows = buildCellCover([west, east], pfa);
  const at = (res: number) => rows.filter((r) => r.res === res);

  it('gives each resolution-10 cell to the LSOA containing its centre, no cell twice', () => {
    const fine = at(10);
    expect(new Set(fine.map((r) => r.h3)).size).toBe(fine.length);
    const westCells = new Set(polygonToCells(west.geometry.coordinates as number[][][], 10, true));
    for (const r of fine) {
      const [, lng] = cellToLatLng(r.h3);
      expect(r.lsoaCode).toBe(westCells.has(r.h3) ? 'W01000001' : 'W01000002');
      expect(r.lsoaCode === 'W01000001' ? lng < -3.0 : lng > -3.0).toBe(true);
    }
    // ~1.39 km x 1.11 km each at 0.0150 km² per cell: roughly 100 cells per square.
    const perSquare = (1.39 * 1.11) / cellArea(fine[0]!.h3, 'km2');
    expect(fine.filter((r) => r.lsoaCode === 'W01000001').length).toBeGreaterThan(perSquare * 0.85);
  });

  it('keeps one cover row per cell, and a row per LAD a cell straddles', () => {
    for (const res of [7, 8, 9, 10]) {
      const cover = at(res).filter((r) => r.inCover);
      expect(new Set(cover.map((r) => r.h3)).size).toBe(cover.length);
      expect(new Set(at(res).map((r) => r.h3)).size).toBe(cover.length);
      for (const lad of ['W06000022', 'W06000021']) {
        const people = at(res)
          .filter((r) => r.ladCode === lad)
          .reduce((a, r) => a + r.population, 0);
        expect(people).toBeCloseTo(lad === 'W06000022' ? 1200 : 800, 6);
      }
    }
  });

  it('spreads each LSOA population evenly and keeps totals at every resolution', () => {
    const westFine = at(10).filter((r) => r.lsoaCode === 'W01000001');
    for (const r of westFine) expect(r.population).toBeCloseTo(1200 / westFine.length, 9);
    for (const res of [7, 8, 9, 10]) expect(at(res).reduce((a, r) => a + r.population, 0)).toBeCloseTo(2000, 6);
  });

  it('labels a coarser cell by its centre and sums its resolution-10 descendants', () => {
    for (const r of at(9).filter((c) => c.inCover)) {
      const below = at(10).filter((f) => cellToParent(f.h3, 9) === r.h3);
      const cellPopulation = at(9)
        .filter((c) => c.h3 === r.h3)
        .reduce((a, c) => a + c.population, 0);
      expect(cellPopulation).toBeCloseTo(
        below.reduce((a, f) => a + f.population, 0),
        9,
      );
      const [lat, lng] = cellToLatLng(r.h3);
      const inside = lat > 51.58 && lat < 51.59 && lng > -3.02 && lng < -2.98;
      if (inside) expect(r.lsoaCode).toBe(lng < -3.0 ? 'W01000001' : 'W01000002');
      else {
        // Centre outside both: the LSOA holding most of its residents takes it.
        const westPeople = below.filter((f) => f.lsoaCode === 'W01000001').reduce((a, f) => a + f.population, 0);
        expect(r.lsoaCode).toBe(westPeople > cellPopulation / 2 ? 'W01000001' : 'W01000002');
      }
    }
    expect(at(9).find((r) => r.lsoaCode === 'W01000002')?.pfaCode).toBe('W15000099');
    expect(
      at(9)
        .filter((r) => !r.inCover)
        .every((r) => r.lsoaCode === null),
    ).toBe(true);
  });

  it('puts the population of an LSOA too small for any cell centre at its centroid', () => {
    const tiny: LsoaInput = {
      code: 'W01000003',
      ladCode: 'W06000022',
      population: 40,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-3.1, 51.6],
            [-3.0999, 51.6],
            [-3.0999, 51.6001],
            [-3.1, 51.6001],
            [-3.1, 51.6],
          ],
        ],
      },
    };
    const fine = buildCellCover([tiny], pfa).filter((r) => r.res === 10);
    expect(fine).toEqual([
      expect.objectContaining({ h3: latLngToCell(51.60005, -3.09995, 10), lsoaCode: 'W01000003', population: 40 }),
    ]);
  });
});
