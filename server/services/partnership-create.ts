import { listAreas } from '../db/areas.js';
import type { Db } from '../db/index.js';
import { insertPartnership } from '../db/partnerships.js';
import { localAuthorities } from '../geo/geodata.js';
import { InvalidPolygon, polygonCover, unionOutline, validatePartnershipPolygon } from '../geo/partnership-shape.js';

export type NewPartnership = { name: string; description?: string } & ({ lads: string[] } | { geometry: unknown });

/**
 * A new partnership, from local authority codes (its outline their union) or a drawn polygon
 * (its H3 cover stored with it). Returns its id, or why the codes or polygon cannot be used.
 */
export async function createPartnership(
  db: Db,
  body: NewPartnership,
): Promise<{ ok: true; id: number } | { ok: false; error: string }> {
  const common = { name: body.name, description: body.description ?? null, category: 'custom' as const, seeded: false };
  if ('lads' in body) {
    const known = new Set((await listAreas(db, 'lad')).map((a) => a.code));
    const unknown = body.lads.filter((l) => !known.has(l));
    if (unknown.length > 0)
      return {
        ok: false,
        error: `unknown local authority code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      };
    const lads = [...new Set(body.lads)].sort();
    const shapes = localAuthorities().features.filter((f) => lads.includes(f.properties.code));
    const outline = unionOutline(shapes.map((f) => f.geometry)).geometry;
    const id = await db.transaction((tx) => insertPartnership(tx, { ...common, kind: 'lads', lads, outline }));
    return { ok: true, id };
  }
  let geometry: ReturnType<typeof validatePartnershipPolygon>;
  try {
    geometry = validatePartnershipPolygon(body.geometry);
  } catch (e) {
    if (e instanceof InvalidPolygon) return { ok: false, error: `invalid partnership polygon: ${e.message}` };
    throw e;
  }
  const cells = polygonCover(geometry);
  const id = await db.transaction((tx) =>
    insertPartnership(tx, { ...common, kind: 'polygon', lads: [], outline: geometry, cells }),
  );
  return { ok: true, id };
}
