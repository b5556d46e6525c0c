import { describe, expect, it } from 'vitest';
import { polygonCover, validatePartnershipPolygon } from '../../server/geo/partnership-shape.js';

const ring = (pts: number[][]) => ({ type: 'Polygon', coordinates: [pts] });
const newport = ring([
  [-3.02, 51.57],
  [-2.96, 51.57],
  [-2.96, 51.61],
  [-3.02, 51.61],
  [-3.02, 51.57],
]);

describe('partnership polygons', () => {
  it('accepts a WGS84 polygon, a Feature or a one-feature collection', () => {
    expect(validatePartnershipPolygon(newport).type).toBe('Polygon');
    expect(validatePartnershipPolygon({ type: 'Feature', properties: {}, geometry: newport }).type).toBe('Polygon');
    expect(
      validatePartnershipPolygon({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: newport }],
      }).type,
    ).toBe('Polygon');
  });

  it.each([
    [
      ring([
        [-3.02, 51.57],
        [-2.96, 51.61],
        [-2.96, 51.57],
        [-3.02, 51.61],
        [-3.02, 51.57],
      ]),
      /intersects itself/,
    ],
    [
      ring([
        [331000, 187000],
        [335000, 187000],
        [335000, 191000],
        [331000, 187000],
      ]),
      /British National Grid metres/,
    ],
    [
      ring([
        [2.3, 48.8],
        [2.4, 48.8],
        [2.4, 48.9],
        [2.3, 48.8],
      ]),
      /outside England and Wales/,
    ],
    [
      ring([
        [-4.3, 55.8],
        [-4.2, 55.8],
        [-4.2, 55.9],
        [-4.3, 55.8],
      ]),
      /outside England and Wales/,
    ],
    [
      ring([
        [-3.02, 51.57],
        [-2.96, 51.57],
        [-2.96, 51.61],
      ]),
      /at least 4 positions/,
    ],
    [
      ring([
        [-3.02, 51.57],
        [-2.96, 51.57],
        [-2.96, 51.61],
        [-3.0, 51.6],
      ]),
      /not closed/,
    ],
    [{ type: 'Point', coordinates: [-3, 51.6] }, /got Point/],
    [{ type: 'FeatureCollection', features: [] }, /exactly one/],
  ])('refuses a bad polygon with a reason (%#)', (input, message) => {
    expect(() => validatePartnershipPolygon(input)).toThrow(message);
  });

  it('covers the polygon at the stored resolutions 7-9 by cell centre', () => {
    const cells = polygonCover(validatePartnershipPolygon(newport));
    const count = (res: number) => cells.filter((c) => c.res === res).length;
    // 4.2 km x 4.4 km = 18.5 km²: ~176 resolution-9 cells of 0.105 km², ~25 at resolution 8.
    expect(count(9)).toBeGreaterThan(155);
    expect(count(9)).toBeLessThan(195);
    expect(count(8)).toBeGreaterThan(18);
    expect(count(10)).toBe(0);
  });
});
