import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { destination } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { cellsNear, countWithin, ratioToAverage } from '../../server/analysis/proximity.js';

describe('proximity', () => {
  it('counts points within the radius, boundary included, as worked by hand', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 60, y: 80 },
      { x: 101, y: 0 },
      { x: -250, y: 0 },
    ];
    // From (0,0) with r = 100: (0,0) d=0, (100,0) d=100, (60,80) d=100 → 3; (101,0) and (-250,0) are outside.
    expect([
      ...countWithin(
        [
          { x: 0, y: 0 },
          { x: -250, y: 10 },
        ],
        points,
        100,
      ),
    ]).toEqual([3, 1]);
  });

  it('agrees with a brute-force count on random layouts', () => {
    const xy = fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }) });
    fc.assert(
      fc.property(
        fc.array(xy, { maxLength: 30 }),
        fc.array(xy, { maxLength: 200 }),
        fc.integer({ min: 1, max: 2000 }),
        (places, points, r) => {
          const fast = countWithin(places, points, r);
          return places.every(
            (p, i) => fast[i] === points.filter((q) => (q.x - p.x) ** 2 + (q.y - p.y) ** 2 <= r * r).length,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compares with the area average: observed / (total / area × πr²)', () => {
    // 1,000 incidents over 100 km²: 10 per km²; a 200 m circle is 0.12566 km² → 1.2566 expected.
    expect(ratioToAverage(5, 1000, 100, 200)).toBeCloseTo(5 / (10 * Math.PI * 0.04), 12);
    expect(ratioToAverage(5, 0, 100, 200)).toBeNull();
  });

  it('cellsNear holds the cell of every point within the radius of a place', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50.5, max: 55.5, noNaN: true }),
        fc.double({ min: -5, max: 1.5, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 50, max: 2000 }),
        (lat, lng, bearing, fraction, radius) => {
          const [plng, plat] = destination([lng, lat], (radius * fraction) / 1000, bearing, { units: 'kilometers' })
            .geometry.coordinates as [number, number];
          expect(cellsNear([{ lat, lng }], radius)).toContain(latLngToCell(plat, plng, 9));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
