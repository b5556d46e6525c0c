import { bbox as bboxOf, booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { AreaIndex } from '../../server/geo/area-index.js';
import { localAuthorities } from '../../server/geo/geodata.js';

describe('grid area index', () => {
  const lads = localAuthorities();
  const index = new AreaIndex(lads);

  it('agrees with brute-force point-in-polygon on random points over the Severn coast, and applies the coastal tolerance', () => {
    const random = seedrandom('area-index');
    let inside = 0;
    let coastal = 0;
    // South Wales, the Bristol Channel and the English shore: inland, coastal and open-sea points.
    for (let i = 0; i < 6_000; i++) {
      const lng = -4.4 + random() * 1.8;
      const lat = 51.25 + random() * 0.65;
      const pt = point([lng, lat]);
      const truth = lads.features.find((f) => booleanPointInPolygon(pt, f))?.properties.code ?? null;
      const got = index.locate(lng, lat);
      if (truth) {
        inside++;
        expect(got).toBe(truth);
        continue;
      }
      const near = lads.features.filter((f) => {
        const [w, s, e, n] = f.bbox ?? bboxOf(f);
        return lng > w - 0.05 && lng < e + 0.05 && lat > s - 0.05 && lat < n + 0.05;
      });
      if (near.length === 0) {
        expect(got).toBeNull();
        continue;
      }
      const distances = near.map(
        (f) => [f.properties.code, pointToPolygonDistance(pt, f, { units: 'kilometers' })] as const,
      );
      const nearest = distances.reduce((a, b) => (b[1] < a[1] ? b : a));
      if (nearest[1] < 1.95) {
        coastal++;
        expect(got).not.toBeNull();
        expect(distances.find(([code]) => code === got)![1]).toBeLessThan(2.05);
      } else if (nearest[1] > 2.05) expect(got).toBeNull();
    }
    expect(inside).toBeGreaterThan(2000);
    expect(coastal).toBeGreaterThan(50);
  });
});
