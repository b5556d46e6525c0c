import { cellArea, cellToLatLng, latLngToCell } from 'h3-js';
import { Hono } from 'hono';
import { z } from 'zod';
import { countWithin, ratioToAverage } from '../analysis/proximity.js';
import { releaseCount } from '../analysis/suppress.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import { allow } from '../auth/policy.js';
import { areaCover } from '../db/areas.js';
import { incidentPositions } from '../db/cells.js';
import { queryPlaces } from '../db/places.js';
import { wgs84ToBng } from '../geo/bng.js';
import type { AppEnv } from './env.js';
import { auditRestrictedAnalysis, describeSelection, prepareSelection } from './prepare-selection.js';
import { selectionSchema, selectionFields } from './selection.js';
import { validate } from './validate.js';

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

export const proximityRoutes = new Hono<AppEnv>().get('/proximity', allow.signedIn({ datasets: true }), validate('query', proximityQuery), async (c) => {
  const q = c.req.valid('query');
  const prepared = await prepareSelection(c, q);
  if (!prepared.ok) return c.json(prepared.body, prepared.status);
  const { threshold, query, echo } = prepared.value;
  const db = c.get('db');
  // The area's resolution-9 cover decides which places and incidents are in the area.
  const cover = await areaCover(db, q.area, 9);
  const inArea = new Set(cover);
  const centres = cover.map((h) => cellToLatLng(h));
  const bbox = [Math.min(...centres.map((p) => p[1])) - 0.01, Math.min(...centres.map((p) => p[0])) - 0.01, Math.max(...centres.map((p) => p[1])) + 0.01, Math.max(...centres.map((p) => p[0])) + 0.01] as const;
  const places = (await queryPlaces(db, { types: [q.type], bbox: cover.length ? bbox : [0, 0, 0, 0], restrictedAccess: await restrictedPlaceAccess(c), limit: 20_000 }))
    .filter((p) => inArea.has(latLngToCell(p.lat, p.lng, 9)));
  const points = (await incidentPositions(db, { ...query, res: 9 })).map(toXy);
  const areaKm2 = cover.reduce((a, h) => a + cellArea(h, 'km2'), 0);
  const counts = countWithin(places.map(toXy), points, q.radius);
  const release = (n: number) => releaseCount(n, threshold);
  const ranked = places
    .map((p, i) => ({ name: p.name, type: p.type, lat: p.lat, lng: p.lng, raw: counts[i]! }))
    .sort((a, b) => b.raw - a.raw || a.name.localeCompare(b.name))
    .slice(0, q.top)
    .map(({ raw, ...p }) => {
      const count = release(raw);
      return { ...p, count, ratioToAverage: count === null ? null : ratioToAverage(count, points.length, areaKm2, q.radius) };
    });
  await auditRestrictedAnalysis(c, prepared.value, 'proximity', { places: ranked.length, suppressed: ranked.filter((p) => p.count === null).length });
  const total = release(points.length);
  return c.json({
    area: echo.area as string,
    type: q.type,
    radius: q.radius,
    from: q.from,
    to: q.to,
    ...describeSelection(prepared.value),
    placesInArea: places.length,
    incidentsInArea: total,
    areaKm2,
    averagePerKm2: total === null ? null : total / areaKm2,
    places: ranked,
  });
});
