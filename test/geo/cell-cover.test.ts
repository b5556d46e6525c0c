import { cellArea, cellToCenterChild, cellToLatLng, cellToParent, latLngToCell, polygonToCells } from 'h3-js';
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

  it('leaves cells whose centre is in the sea out of every cover, their residents on the land', () => {
    // The sea: east of lng -2.99 (the eastern half of the east square, as an estuary at low water).
    const onLand = (h3: string) => cellToLatLng(h3)[1] < -2.99;
    const withSea = buildCellCover([west, east], pfa, onLand);
    for (const res of [7, 8, 9, 10]) {
      const rows = withSea.filter((r) => r.res === res);
      for (const r of rows.filter((c) => c.inCover)) expect(onLand(cellToCenterChild(r.h3, 10)), r.h3).toBe(true);
      // A sea cell keeps its residents (by LAD) but no row is in a cover.
      for (const r of rows.filter((c) => !onLand(cellToCenterChild(c.h3, 10)))) expect(r.inCover).toBe(false);
      expect(rows.reduce((a, r) => a + r.population, 0)).toBeCloseTo(2000, 6);
    }
    // Resolution 10: the east LSOA's 800 residents spread over its land cells only.
    const eastFine = withSea.filter((r) => r.res === 10 && r.lsoaCode === 'W01000002');
    expect(eastFine.length).toBeGreaterThan(20);
    expect(eastFine.every((r) => onLand(r.h3))).toBe(true);
    for (const r of eastFine) expect(r.population).toBeCloseTo(800 / eastFine.length, 9);
    // Fewer cells in the covers than without the sea, none of them at sea.
    const covered = (rows: typeof withSea, res: number) => rows.filter((r) => r.res === res && r.inCover).length;
    expect(covered(withSea, 10)).toBeLessThan(covered(rows, 10) * 0.8);
    expect(covered(withSea, 9)).toBeLessThan(covered(rows, 9));
  });

  it('asks each cell at its own resolution whether it is land (a cell centred off land may stay)', () => {
    // As a cell mostly land but centred on a river: one resolution-9 cell in the sea strip counts as land.
    const sea = (h3: string) => cellToLatLng(h3)[1] >= -2.99;
    const strip = buildCellCover([west, east], pfa, (h3) => !sea(h3)).filter((r) => r.res === 9);
    const riverCell = strip.find((r) => sea(r.h3) && r.ladCode === 'W06000021')!.h3;
    const onLand = (h3: string) => !sea(h3) || h3 === riverCell;
    const withRiver = buildCellCover([west, east], pfa, onLand);
    expect(withRiver.filter((r) => r.h3 === riverCell && r.inCover)).toEqual([
      expect.objectContaining({ res: 9, ladCode: 'W06000021', lsoaCode: 'W01000002' }),
    ]);
    // Its resolution-10 children centred in the sea are still in no cover; the other sea cells neither.
    for (const r of withRiver.filter((c) => c.inCover)) expect(onLand(r.h3), r.h3).toBe(true);
    for (const res of [7, 8, 9, 10]) {
      const total = withRiver.filter((r) => r.res === res).reduce((a, r) => a + r.population, 0);
      expect(total).toBeCloseTo(2000, 6);
    }
  });
});
