import { cellArea, cellToLatLng, latLngToCell } from 'h3-js';
import { Hono } from 'hono';
import { z } from 'zod';
import { cellKeysWithin, cellsNear, countWithin, ratioToAverage } from '../analysis/proximity.js';
import { releaseCount } from '../analysis/suppress.js';
import { restrictedPlaceAccess } from '../auth/place-access.js';
import { allow } from '../auth/policy.js';
import { areaCover } from '../db/areas.js';
import { countTotal, incidentsByPosition } from '../db/cells.js';
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
  // Only positions that could lie within the radius of a place are fetched and projected; the
  // area's total comes from a count.
  const positions = places.length ? await incidentsByPosition(db, { ...query, res: 9, nearCells: cellsNear(places, q.radius) }) : [];
  const points = positions.map((p) => ({ ...toXy(p), count: p.count, key: p.key }));
  const inAreaTotal = await countTotal(db, { ...query, res: 9 });
  const areaKm2 = cover.reduce((a, h) => a + cellArea(h, 'km2'), 0);
  const placeXy = places.map(toXy);
  const counts = countWithin(placeXy, points, q.radius);
  const keys = cellKeysWithin(placeXy, points, q.radius);
  const total = releaseCount(inAreaTotal.count, inAreaTotal.key, threshold);
  // Ranked on released counts (a withheld count sorts just below k), so the order tells no more than the counts.
  const rankOf = (n: number | null) => n ?? threshold! - 0.5;
  const ranked = places
    .map((p, i) => {
      const count = releaseCount(counts[i]!, keys[i]!, threshold);
      return { name: p.name, type: p.type, lat: p.lat, lng: p.lng, count, ratioToAverage: count === null || total === null ? null : ratioToAverage(count, total, areaKm2, q.radius) };
    })
    .sort((a, b) => rankOf(b.count) - rankOf(a.count) || a.name.localeCompare(b.name))
    .slice(0, q.top);
  await auditRestrictedAnalysis(c, prepared.value, 'proximity', { places: ranked.length, suppressed: ranked.filter((p) => p.count === null).length });
  return c.json({
    area: echo.area as string,
    type: q.type,
    radius: q.radius,
    from: q.from,
    to: q.to,
    ...describeSelection(prepared.value, ['places ranked on the true counts; circles overlap, so their counts are not a table with totals']),
    placesInArea: places.length,
    incidentsInArea: total,
    areaKm2,
    averagePerKm2: total === null ? null : total / areaKm2,
    places: ranked,
  });
});
