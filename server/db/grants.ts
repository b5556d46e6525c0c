import type { Queryable } from './types.js';

export interface Grant {
  id: number;
  datasetId: number | null;
  placeLayerId: number | null;
  /** The granted layer's name (for display; the id is what the grant holds). */
  placeLayer: string | null;
  granteeScope: string;
  purpose: string;
  area: string | null;
  expiresAt: string;
  grantedBy: number | null;
  createdAt: string;
  revokedAt: string | null;
}

const SELECT = `select g.id, g.dataset_id as "datasetId", g.place_layer_id as "placeLayerId", coalesce(l.name, g.place_layer) as "placeLayer",
  g.grantee_scope as "granteeScope", g.purpose, g.area,
  to_char(g.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "expiresAt", g.granted_by as "grantedBy",
  to_char(g.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(g.revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "revokedAt"
  from grants g left join place_layers l on l.id = g.place_layer_id`;

export type NewGrant = Pick<Grant, 'datasetId' | 'placeLayerId' | 'granteeScope' | 'purpose' | 'area' | 'grantedBy'> & {
  expiresAt: Date;
};

export async function insertGrant(db: Queryable, g: NewGrant): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into grants (dataset_id, place_layer_id, place_layer, grantee_scope, purpose, area, expires_at, granted_by)
     values ($1, $2, (select name from place_layers where id = $2), $3, $4, $5, $6, $7) returning id`,
    [g.datasetId, g.placeLayerId, g.granteeScope, g.purpose, g.area, g.expiresAt.toISOString(), g.grantedBy],
  );
  return row!.id;
}

export async function getGrant(db: Queryable, id: number): Promise<Grant | undefined> {
  return (await db.query<Grant>(`${SELECT} where g.id = $1`, [id]))[0];
}

/** Grants on the given datasets (all, or only live ones at `liveAt`). */
export async function grantsForDatasets(db: Queryable, datasetIds: readonly number[], liveAt?: Date): Promise<Grant[]> {
  return db.query<Grant>(
    `${SELECT} where g.dataset_id = any($1::int[]) and ($2::timestamptz is null or (g.revoked_at is null and g.expires_at > $2)) order by g.id`,
    [datasetIds, liveAt?.toISOString() ?? null],
  );
}

/** Live grants on restricted place layers to any of `scopes`. */
export async function liveLayerGrants(db: Queryable, scopes: readonly string[], now: Date): Promise<Grant[]> {
  return db.query<Grant>(
    `${SELECT} where g.place_layer_id is not null and g.grantee_scope = any($1::text[]) and g.revoked_at is null and g.expires_at > $2`,
    [scopes, now.toISOString()],
  );
}

export async function listGrants(db: Queryable): Promise<Grant[]> {
  return db.query<Grant>(`${SELECT} order by g.id`);
}

export async function revokeGrant(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query('update grants set revoked_at = $2 where id = $1 and revoked_at is null', [id, now.toISOString()]);
}
