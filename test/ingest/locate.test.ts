import { readFileSync } from 'node:fs';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { Locator } from '../../server/ingest/locate.js';
import { policeForceAreaIndex } from '../../server/geo/boundaries.js';
import { localAuthorityIndex } from '../../server/geo/geodata.js';
import { policeUkFile } from '../helpers/shared-data.js';

/** What a point's placement is, computed directly (no memo). */
function direct(lng: number, lat: number) {
  const pfaCode = policeForceAreaIndex().locate(lng, lat);
  return pfaCode
    ? {
        pfaCode,
        ladCode: localAuthorityIndex().locate(lng, lat),
        h3: [7, 8, 9, 10].map((r) => latLngToCell(lat, lng, r)),
      }
    : null;
}

describe('Locator', () => {
  it('places every point of a real month as computed directly, memoised or not', () => {
    // Real Gwent police.uk: snap points repeat, so most rows are second or later sightings.
    const lines = readFileSync(policeUkFile('gwent', '2024-01'), 'utf8').trim().split('\n').slice(1);
    const points = lines
      .map((l) => l.split(','))
      .filter((v) => v[4] && v[5])
      .map((v) => [Number(v[4]), Number(v[5])] as const);
    const locator = new Locator();
    const distinct = new Map<string, ReturnType<typeof direct>>();
    for (const [lng, lat] of points) {
      const key = `${lng},${lat}`;
      if (!distinct.has(key)) distinct.set(key, direct(lng, lat));
      expect(locator.place(lng, lat)).toEqual(distinct.get(key));
    }
    expect(points.length).toBeGreaterThan(4000);
    expect(distinct.size).toBeLessThan(points.length / 2);
    // Every point placed a third time still agrees (from the memo now).
    for (const [lng, lat] of points.slice(0, 500))
      expect(locator.place(lng, lat)).toEqual(distinct.get(`${lng},${lat}`));
  });

  it('gives each of many distinct points its own placement, and null outside England and Wales', () => {
    const locator = new Locator();
    // 300,000 distinct points over Wales: more than the table of points seen once has slots,
    // so slots are reused; each point seen twice must still get its own placement.
    const points = Array.from(
      { length: 300_000 },
      (_, i) => [-4.2 + (i % 600) * 0.003, 51.4 + Math.floor(i / 600) * 0.002] as const,
    );
    for (const [lng, lat] of points) locator.place(lng, lat);
    for (const [lng, lat] of points.filter((_, i) => i % 997 === 0)) {
      expect(locator.place(lng, lat)).toEqual(direct(lng, lat));
      expect(locator.place(lng, lat)).toEqual(direct(lng, lat));
    }
    expect(locator.place(2.35, 48.85)).toBeNull(); // Paris
    expect(locator.place(2.35, 48.85)).toBeNull();
  });
});
