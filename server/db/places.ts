import { stringify } from 'csv-stringify/sync';
import type { PlaceInput } from '../geo/places.js';
import type { Queryable, Tx } from './types.js';

const COLUMNS = [
  'layer_id',
  'type',
  'name',
  'lat',
  'lng',
  'attributes',
  'source',
  'licence',
  'position_source',
  'note',
  'proxy',
] as const;

async function copyPlaces(tx: Tx, layerId: number, places: readonly PlaceInput[]): Promise<void> {
  for (let i = 0; i < places.length; i += 5000) {
    const csv = stringify(
      places
        .slice(i, i + 5000)
        .map((p) => [
          layerId,
          p.type,
          p.name,
          p.lat,
          p.lng,
          JSON.stringify(p.attributes),
          p.source,
          p.licence,
          p.positionSource,
          p.note,
          p.proxy,
        ]),
      { quoted_string: true, cast: { boolean: (b) => (b ? 't' : 'f') } },
    );
    await tx.copyCsv('places', COLUMNS, csv);
  }
}

/** Which restricted places a caller may see: layers held by their scopes, and layers granted to them (by id). */
export interface RestrictedAccess {
  scopes: readonly string[];
  layerIds: readonly number[];
}

/** The one visibility rule for layers, on a place_layers alias; parameters $1 scopes and $2 granted layer ids. */
const VISIBLE = (alias: string) =>
  `(not ${alias}.restricted or ${alias}.owner_scope = any($1::text[]) or ${alias}.id = any($2::int[]))`;

/** A named set of places with one owner. Its id is how grants, queries and uploads name it. */
export interface PlaceLayer {
  id: number;
  name: string;
  /** The place type of its places ('mixed' for the bundled layer). */
  type: string;
  /** 'partnership:<id>' or 'pcc:<code>'; null for bundled layers. */
  ownerScope: string | null;
  restricted: boolean;
  bundled: boolean;
  source: string | null;
  licence: string | null;
  createdAt: string;
  places: number;
}

export type NewPlaceLayer = Pick<PlaceLayer, 'name' | 'type' | 'ownerScope' | 'restricted' | 'source' | 'licence'> & {
  createdBy: number | null;
};

const LAYER = `select l.id, l.name, l.type, l.owner_scope as "ownerScope", l.restricted, l.bundled, l.source, l.licence,
  to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  (select count(*)::int from places p where p.layer_id = l.id) as places
  from place_layers l`;

/** The bundled settings: one layer, replaced whenever the bundled geodata changes. */
export async function replaceBundledPlaces(tx: Tx, places: readonly PlaceInput[]): Promise<void> {
  await tx.query('delete from place_layers where bundled');
  if (places.length === 0) return;
  const [layer] = await tx.query<{ id: number }>(
    `insert into place_layers (name, type, owner_scope, restricted, bundled, source) values ('bundled', 'mixed', null, false, true, 'geodata/ATTRIBUTION.md') returning id`,
  );
  await copyPlaces(tx, layer!.id, places);
}

/** A new layer with its places (one transaction: the caller's). */
export async function insertPlaceLayer(tx: Tx, layer: NewPlaceLayer, places: readonly PlaceInput[]): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    'insert into place_layers (name, type, owner_scope, restricted, source, licence, created_by) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [layer.name, layer.type, layer.ownerScope, layer.restricted, layer.source, layer.licence, layer.createdBy],
  );
  await copyPlaces(tx, row!.id, places);
  return row!.id;
}

/** A layer's places replaced by a new upload; the layer (its id, owner and grants) stays. */
export async function replaceLayerPlaces(tx: Tx, layerId: number, places: readonly PlaceInput[]): Promise<void> {
  await tx.query('delete from places where layer_id = $1', [layerId]);
  await copyPlaces(tx, layerId, places);
}

export async function getPlaceLayer(db: Queryable, id: number): Promise<PlaceLayer | undefined> {
  return (await db.query<PlaceLayer>(`${LAYER} where l.id = $1`, [id]))[0];
}

/** A layer by id if the caller may see it (a restricted layer's name is not for everyone). */
export async function getVisiblePlaceLayer(
  db: Queryable,
  id: number,
  access: RestrictedAccess,
): Promise<PlaceLayer | undefined> {
  return (
    await db.query<PlaceLayer>(`${LAYER} where ${VISIBLE('l')} and l.id = $3`, [access.scopes, access.layerIds, id])
  )[0];
}

/** The layer an owner holds under a name (names are unique per owner, not across owners). */
export async function findPlaceLayer(
  db: Queryable,
  ownerScope: string | null,
  name: string,
): Promise<PlaceLayer | undefined> {
  return (
    await db.query<PlaceLayer>(
      `${LAYER} where not l.bundled and l.owner_scope is not distinct from $1 and l.name = $2`,
      [ownerScope, name],
    )
  )[0];
}

/** Layers a caller may see: every public layer, and restricted ones they hold or were granted. */
export async function listPlaceLayers(db: Queryable, access: RestrictedAccess): Promise<PlaceLayer[]> {
  return db.query<PlaceLayer>(`${LAYER} where ${VISIBLE('l')} order by l.bundled desc, l.name, l.id`, [
    access.scopes,
    access.layerIds,
  ]);
}

/** Deletes a layer, its places and its grants; false if there was no such layer. */
export async function deletePlaceLayer(db: Queryable, id: number): Promise<boolean> {
  return (await db.query('delete from place_layers where id = $1 and not bundled returning id', [id])).length > 0;
}

export type PlaceRow = PlaceInput & { id: number; layerId: number; layer: string; restricted: boolean };

export interface PlaceQuery {
  types?: readonly string[];
  /** Only these layers (ids), when given. */
  layerIds?: readonly number[];
  bbox?: readonly [number, number, number, number];
  /** Restricted places (refuges, children's homes) only from layers the caller holds or was granted. */
  restrictedAccess: RestrictedAccess;
  limit: number;
}

export async function queryPlaces(db: Queryable, q: PlaceQuery): Promise<PlaceRow[]> {
  const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
  return db.query<PlaceRow>(
    `select p.id, p.layer_id as "layerId", l.name as layer, p.type, p.name, p.lat, p.lng, p.attributes, p.source, p.licence,
            p.position_source as "positionSource", p.note, p.proxy, l.restricted
       from places p join place_layers l on l.id = p.layer_id
      where ($3::text[] is null or p.type = any($3::text[]))
        and ($4::int[] is null or p.layer_id = any($4::int[]))
        and p.lng between $5 and $7 and p.lat between $6 and $8
        and ${VISIBLE('l')}
      order by p.type, p.name, p.id
      limit $9`,
    [
      q.restrictedAccess.scopes,
      q.restrictedAccess.layerIds,
      q.types?.length ? q.types : null,
      q.layerIds?.length ? q.layerIds : null,
      w,
      s,
      e,
      n,
      q.limit,
    ],
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
    `select p.type, count(*)::int as count, bool_or(p.proxy) as proxy,
            string_agg(distinct p.note, '; ') filter (where p.proxy) as note
       from places p join place_layers l on l.id = p.layer_id where ${VISIBLE('l')} group by p.type order by p.type`,
    [access.scopes, access.layerIds],
  );
}
