import type { Queryable } from './types.js';

export interface Grant {
  id: number;
  datasetId: number | null;
  placeLayer: string | null;
  granteeScope: string;
  purpose: string;
  area: string | null;
  expiresAt: string;
  grantedBy: number | null;
  createdAt: string;
  revokedAt: string | null;
}

const SELECT = `select id, dataset_id as "datasetId", place_layer as "placeLayer", grantee_scope as "granteeScope", purpose, area,
  to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "expiresAt", granted_by as "grantedBy",
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "revokedAt"
  from grants`;

export type NewGrant = Pick<Grant, 'datasetId' | 'placeLayer' | 'granteeScope' | 'purpose' | 'area' | 'grantedBy'> & { expiresAt: Date };

export async function insertGrant(db: Queryable, g: NewGrant): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    'insert into grants (dataset_id, place_layer, grantee_scope, purpose, area, expires_at, granted_by) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [g.datasetId, g.placeLayer, g.granteeScope, g.purpose, g.area, g.expiresAt.toISOString(), g.grantedBy],
  );
  return row!.id;
}

export async function getGrant(db: Queryable, id: number): Promise<Grant | undefined> {
  return (await db.query<Grant>(`${SELECT} where id = $1`, [id]))[0];
}

/** Grants on the given datasets (all, or only live ones at `liveAt`). */
export async function grantsForDatasets(db: Queryable, datasetIds: readonly number[], liveAt?: Date): Promise<Grant[]> {
  return db.query<Grant>(
    `${SELECT} where dataset_id = any($1::int[]) and ($2::timestamptz is null or (revoked_at is null and expires_at > $2)) order by id`,
    [datasetIds, liveAt?.toISOString() ?? null],
  );
}

/** Live grants on restricted place layers to any of `scopes`. */
export async function liveLayerGrants(db: Queryable, scopes: readonly string[], now: Date): Promise<Grant[]> {
  return db.query<Grant>(`${SELECT} where place_layer is not null and grantee_scope = any($1::text[]) and revoked_at is null and expires_at > $2`, [
    scopes,
    now.toISOString(),
  ]);
}

export async function listGrants(db: Queryable): Promise<Grant[]> {
  return db.query<Grant>(`${SELECT} order by id`);
}

export async function revokeGrant(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query('update grants set revoked_at = $2 where id = $1 and revoked_at is null', [id, now.toISOString()]);
}
