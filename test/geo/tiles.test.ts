import fc from 'fast-check';
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { tilesOf } from '../../server/geo/tiles.js';

describe('tilesOf', () => {
  it('holds the resolution-7 cell of every point of every cell, down to the cell corners', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5.8, max: 1.8, noNaN: true }),
        fc.double({ min: 49.9, max: 55.9, noNaN: true }),
        fc.constantFrom(8, 9, 10),
        (lng, lat, res) => {
          const cell = latLngToCell(lat, lng, res);
          const tiles = new Set(tilesOf([cell], res));
          // The corners are the points farthest from the cell's centre; nudge each a little outwards too.
          const [clat, clng] = cellToLatLng(cell);
          for (const [vlat, vlng] of cellToBoundary(cell)) {
            for (const t of [0.999, 1])
              expect(tiles.has(latLngToCell(clat + (vlat - clat) * t, clng + (vlng - clng) * t, 7))).toBe(true);
          }
          expect(tiles.has(latLngToCell(lat, lng, 7))).toBe(true);
          expect(tiles.size).toBe(7); // the parent and its ring, no more
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('is the cells themselves at resolution 7, sorted and without repeats', () => {
    const a = latLngToCell(51.59, -2.99, 7);
    const b = latLngToCell(51.48, -3.18, 7);
    expect(tilesOf([b, a, b], 7)).toEqual([a, b].sort());
  });

  it('merges the rings of neighbouring cells', () => {
    const cells = [latLngToCell(51.59, -2.99, 9), latLngToCell(51.5901, -2.9901, 9)];
    const tiles = tilesOf(cells, 9);
    expect(new Set(tiles).size).toBe(tiles.length);
    expect(tiles).toEqual([...tiles].sort());
  });
});
