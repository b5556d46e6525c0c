import { cellArea, cellToLatLng, latLngToCell } from 'h3-js';
import { Hono } from 'hono';
import { z } from 'zod';
import { cellsNear, ratioToAverage } from '../analysis/proximity.js';
import { MIN_RESTRICTED_RADIUS, releasedAreaTotal, releasedNearPlaces } from '../release/gate.js';
import { standIn, statValue } from '../release/rules.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import { allow } from '../auth/policy.js';
import { areaCover } from '../db/areas.js';
import { queryPlaces } from '../db/places.js';
import { wgs84ToBng } from '../geo/bng.js';
import type { AppEnv } from '../http/env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection, releaseOf } from '../http/prepare-selection.js';
import { selectionSchema, selectionFields } from '../http/selection-params.js';
import { validate } from '../http/validate.js';

const proximityQuery = selectionSchema({
  ...selectionFields,
  area: selectionFields.area.unwrap(),
  type: z.string().regex(/^[a-z-]{2,40}$/, 'a place type such as school or licensed-premises'),
  radius: z.coerce.number().min(50).max(2000).default(200),
  top: z.coerce.number().int().min(1).max(500).default(50),
});

const toXy = (p: { lat: number; lng: number }) => {
  const [x, y] = wgs84ToBng(p.lng, p.lat);
  return { x, y };
};

export const proximityRoutes = new Hono<AppEnv>().get(
  '/proximity',
  allow.signedIn({ datasets: true }),
  validate('query', proximityQuery),
  async (c) => {
    const q = c.req.valid('query');
    const prepared = await prepareSelection(c, q);
    if (!prepared.ok) return c.json(prepared.body, prepared.status);
    const { threshold, echo } = prepared.value;
    if (threshold !== null && q.radius < MIN_RESTRICTED_RADIUS)
      return c.json(
        {
          error: `restricted data: counts near places are sums of resolution-9 cells, so the radius must be at least ${MIN_RESTRICTED_RADIUS} m`,
        },
        422,
      );
    const db = c.get('db');
    // The area's resolution-9 cover decides which places and incidents are in the area.
    const cover = await areaCover(db, q.area, 9);
    const inArea = new Set(cover);
    const centres = cover.map((h) => cellToLatLng(h));
    const bbox = [
      Math.min(...centres.map((p) => p[1])) - 0.01,
      Math.min(...centres.map((p) => p[0])) - 0.01,
      Math.max(...centres.map((p) => p[1])) + 0.01,
      Math.max(...centres.map((p) => p[0])) + 0.01,
    ] as const;
    const places = (
      await queryPlaces(db, {
        types: [q.type],
        bbox: cover.length ? bbox : [0, 0, 0, 0],
        restrictedAccess: await restrictedPlaceAccess(c),
        limit: 20_000,
      })
    ).filter((p) => inArea.has(latLngToCell(p.lat, p.lng, 9)));
    const release = releaseOf(prepared.value, { res: 9 });
    // Only positions that could lie within the radius of a place are read (cellsNear).
    const [counts, total] = await Promise.all([
      releasedNearPlaces(
        db,
        release,
        q.area,
        places.map((p) => ({ ...p, ...toXy(p) })),
        q.radius,
        cellsNear(places, q.radius),
        toXy,
      ),
      releasedAreaTotal(db, release, q.area),
    ]);
    const areaKm2 = cover.reduce((a, h) => a + cellArea(h, 'km2'), 0);
    // Ranked on released counts (a withheld one as its stand-in).
    const rankOf = (n: number | null) => statValue(n, threshold);
    const ranked = places
      .map((p, i) => {
        const count = counts[i]!;
        return {
          name: p.name,
          type: p.type,
          lat: p.lat,
          lng: p.lng,
          count,
          ratioToAverage: count === null || total === null ? null : ratioToAverage(count, total, areaKm2, q.radius),
        };
      })
      .sort((a, b) => rankOf(b.count) - rankOf(a.count) || a.name.localeCompare(b.name))
      .slice(0, q.top);
    await auditRestrictedAnalysis(c, prepared.value, 'proximity', {
      places: ranked.length,
      suppressed: ranked.filter((p) => p.count === null).length,
    });
    return c.json({
      area: echo.area as string,
      type: q.type,
      radius: q.radius,
      from: q.from,
      to: q.to,
      ...describeSelection(
        prepared.value,
        threshold === null
          ? []
          : [
              `a place's count is the sum of the released counts of the resolution-9 cells whose centre lies within the radius, a withheld cell counted as ${standIn(threshold)}; places ranked on those sums`,
            ],
      ),
      placesInArea: places.length,
      incidentsInArea: total,
      areaKm2,
      averagePerKm2: total === null ? null : total / areaKm2,
      places: ranked,
    });
  },
);
