import { stringify } from 'csv-stringify/sync';
import type { PlaceInput } from '../geo/places.js';
import type { Queryable, Tx } from './types.js';

const COLUMNS = ['layer', 'type', 'name', 'lat', 'lng', 'attributes', 'source', 'licence', 'position_source', 'note', 'proxy', 'restricted', 'bundled', 'owner_scope'] as const;

async function copyPlaces(tx: Tx, places: readonly PlaceInput[], bundled: boolean): Promise<void> {
  for (let i = 0; i < places.length; i += 5000) {
    const csv = stringify(
      places.slice(i, i + 5000).map((p) => [p.layer, p.type, p.name, p.lat, p.lng, JSON.stringify(p.attributes), p.source, p.licence, p.positionSource, p.note, p.proxy, p.restricted, bundled, p.ownerScope ?? null]),
      { quoted_string: true, cast: { boolean: (b) => (b ? 't' : 'f') } },
    );
    await tx.copyCsv('places', COLUMNS, csv);
  }
}

export async function replaceBundledPlaces(tx: Tx, places: readonly PlaceInput[]): Promise<void> {
  await tx.query('delete from places where bundled');
  await copyPlaces(tx, places, true);
}

export async function insertUserPlaces(tx: Tx, places: readonly PlaceInput[]): Promise<void> {
  await copyPlaces(tx, places, false);
}

export type PlaceRow = PlaceInput & { id: number };

/** Which restricted places a caller may see: layers owned by their scopes, and layers granted to them. */
export interface RestrictedAccess {
  scopes: readonly string[];
  layers: readonly string[];
}

export interface PlaceQuery {
  types?: readonly string[];
  bbox?: readonly [number, number, number, number];
  /** Restricted places (refuges, children's homes) only from layers the caller owns or was granted. */
  restrictedAccess: RestrictedAccess;
  limit: number;
}

export async function queryPlaces(db: Queryable, q: PlaceQuery): Promise<PlaceRow[]> {
  const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
  return db.query<PlaceRow>(
    `select id, layer, type, name, lat, lng, attributes, source, licence, position_source as "positionSource", note, proxy, restricted
       from places
      where ($1::text[] is null or type = any($1::text[]))
        and lng between $2 and $4 and lat between $3 and $5
        and (not restricted or owner_scope = any($6::text[]) or layer = any($7::text[]))
      order by type, name, id
      limit $8`,
    [q.types?.length ? q.types : null, w, s, e, n, q.restrictedAccess.scopes, q.restrictedAccess.layers, q.limit],
  );
}

export interface PlaceTypeSummary {
  type: string;
  count: number;
  proxy: boolean;
  note: string | null;
}

export async function placeTypeSummaries(db: Queryable, access: RestrictedAccess): Promise<PlaceTypeSummary[]> {
  return db.query<PlaceTypeSummary>(
    `select type, count(*)::int as count, bool_or(proxy) as proxy,
            string_agg(distinct note, '; ') filter (where proxy) as note
       from places where (not restricted or owner_scope = any($1::text[]) or layer = any($2::text[])) group by type order by type`,
    [access.scopes, access.layers],
  );
}

/** The owner of a restricted place layer; undefined if there is no such restricted layer. */
export async function layerOwner(db: Queryable, layer: string): Promise<string | null | undefined> {
  const rows = await db.query<{ owner: string | null }>('select owner_scope as owner from places where layer = $1 and restricted limit 1', [layer]);
  return rows.length ? rows[0]!.owner : undefined;
}
