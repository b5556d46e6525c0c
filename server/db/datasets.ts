import type { DatasetSource } from '../domain/dataset-source.js';
import type { Queryable, Tx } from './types.js';

export type DatasetKind = 'police-uk' | 'incidents';
export type Sensitivity = 'public' | 'restricted';
export type DatePrecision = 'month' | 'day' | 'datetime';
/** Legal basis for holding the data: PCSC Act 2022 s16 or s17, a data-sharing agreement, or public. */
export type Basis = 'public' | 's16' | 's17' | 'dsa';

export interface Dataset {
  id: number;
  name: string;
  kind: DatasetKind;
  /** Who recorded the events: police or health. */
  source: DatasetSource;
  sensitivity: Sensitivity;
  supplier: string | null;
  /** Free-text reference (e.g. the data-sharing agreement's reference). */
  legalBasis: string | null;
  basis: Basis;
  /** 'partnership:<id>' or 'pcc:<force area code>'; null for public data. */
  ownerScope: string | null;
  threshold: number;
  datePrecision: DatePrecision;
  rowsAccepted: number;
  rowsRejected: number;
  monthFrom: string | null;
  monthTo: string | null;
  createdAt: string;
  updatedAt: string;
  /** The id of its latest import: a new import (or a replaced month) gives a new one. */
  lastImport: number | null;
}

export type NewDataset = Pick<
  Dataset,
  | 'name'
  | 'kind'
  | 'source'
  | 'sensitivity'
  | 'supplier'
  | 'legalBasis'
  | 'basis'
  | 'ownerScope'
  | 'threshold'
  | 'datePrecision'
> & {
  mapping: unknown;
};

const SELECT = `
  select d.id, d.name, d.kind, d.source, d.sensitivity, d.supplier, d.legal_basis as "legalBasis", d.basis,
         d.owner_scope as "ownerScope", d.threshold,
         d.date_precision as "datePrecision", d.rows_accepted as "rowsAccepted", d.rows_rejected as "rowsRejected",
         (select to_char(min(month), 'YYYY-MM') from incidents i where i.dataset_id = d.id) as "monthFrom",
         (select to_char(max(month), 'YYYY-MM') from incidents i where i.dataset_id = d.id) as "monthTo",
         to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
         to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
         (select max(i.id) from imports i where i.dataset_id = d.id) as "lastImport"
  from datasets d`;

export async function listDatasets(db: Queryable): Promise<Dataset[]> {
  return db.query<Dataset>(`${SELECT} order by d.id`);
}

export async function getDataset(db: Queryable, id: number): Promise<Dataset | undefined> {
  return (await db.query<Dataset>(`${SELECT} where d.id = $1`, [id]))[0];
}

export async function getDatasetsByIds(db: Queryable, ids: readonly number[]): Promise<Dataset[]> {
  return db.query<Dataset>(`${SELECT} where d.id = any($1::int[]) order by d.id`, [ids]);
}

export async function findDatasetByName(db: Queryable, name: string): Promise<Dataset | undefined> {
  return (await db.query<Dataset>(`${SELECT} where d.name = $1`, [name]))[0];
}

export async function insertDataset(tx: Tx, d: NewDataset): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `insert into datasets (name, kind, sensitivity, supplier, legal_basis, basis, owner_scope, threshold, date_precision, mapping, source)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      d.name,
      d.kind,
      d.sensitivity,
      d.supplier,
      d.legalBasis,
      d.basis,
      d.ownerScope,
      d.threshold,
      d.datePrecision,
      d.mapping === null ? null : JSON.stringify(d.mapping),
      d.source,
    ],
  );
  return rows[0]!.id;
}

/**
 * Deletes a dataset, its incidents, counts and import history, in one statement (incidents and
 * cell_counts have no foreign key to cascade: see migration 008). Returns false if it did not exist.
 */
export async function deleteDataset(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    `with incidents_gone as (delete from incidents where dataset_id = $1),
          counts_gone as (delete from cell_counts where dataset_id = $1)
     delete from datasets where id = $1 returning id`,
    [id],
  );
  return rows.length > 0;
}

/** Locks a dataset row for the rest of the transaction; false if it has been deleted meanwhile. */
export async function lockDataset(tx: Tx, id: number): Promise<boolean> {
  return (await tx.query('select id from datasets where id = $1 for update', [id])).length > 0;
}

export async function recordImport(
  tx: Tx,
  datasetId: number,
  startedAt: Date,
  report: unknown,
  rowsRejected: number,
): Promise<void> {
  await tx.query(
    `update datasets set rows_accepted = (select coalesce(sum(n), 0) from cell_counts where dataset_id = $1),
            rows_rejected = rows_rejected + $2, updated_at = now() where id = $1`,
    [datasetId, rowsRejected],
  );
  await tx.query('insert into imports (dataset_id, started_at, report) values ($1, $2, $3)', [
    datasetId,
    startedAt.toISOString(),
    JSON.stringify(report),
  ]);
}

export interface ImportRecord {
  id: number;
  startedAt: string;
  finishedAt: string;
  report: unknown;
}

export async function listImports(db: Queryable, datasetId: number): Promise<ImportRecord[]> {
  return db.query<ImportRecord>(
    `select id, to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
            to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt", report
     from imports where dataset_id = $1 order by id`,
    [datasetId],
  );
}

/** Gives unowned restricted data an owner and basis (data imported before ownership existed). */
export async function adoptUnownedDataset(
  db: Queryable,
  id: number,
  ownerScope: string,
  basis: Exclude<Basis, 'public'>,
): Promise<boolean> {
  const rows = await db.query(
    `update datasets set owner_scope = $2, basis = $3, updated_at = now() where id = $1 and owner_scope is null and sensitivity = 'restricted' returning id`,
    [id, ownerScope, basis],
  );
  return rows.length > 0;
}

/** What a review records of each dataset it used, so a later re-import is visible. */
export async function datasetVersions(
  db: Queryable,
  ids: readonly number[],
): Promise<{ id: number; name: string; rowsAccepted: number; updatedAt: string; lastImport: number | null }[]> {
  return db.query(
    `select d.id, d.name, d.rows_accepted as "rowsAccepted", to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
            (select max(i.id) from imports i where i.dataset_id = d.id) as "lastImport"
       from datasets d where d.id = any($1::int[]) order by d.id`,
    [ids],
  );
}

/** What one dataset records, as of one import, per database handle (see recordedContent). */
const recordedCaches = new WeakMap<
  Queryable,
  Map<string, { groups: ReadonlySet<string>; flags: ReadonlySet<string> }>
>();
const MAX_RECORDED = 1000;

/**
 * What each dataset records: its offence groups and the flags it fills in (any non-null value),
 * for checking that datasets can be added together (analysis/group-alignment.ts). Read from the
 * pre-aggregated counts, which keep every incident's group and flags in far fewer rows, and kept
 * per dataset and latest import: only an import changes it, and for a national dataset the read
 * is every one of its millions of count rows.
 */
export async function recordedContent(db: Queryable, datasets: readonly Pick<Dataset, 'id' | 'name' | 'lastImport'>[]) {
  let cache = recordedCaches.get(db);
  if (!cache) recordedCaches.set(db, (cache = new Map()));
  const keyOf = (d: Pick<Dataset, 'id' | 'lastImport'>) => `${d.id}@${d.lastImport ?? 'none'}`;
  const missing = datasets.filter((d) => !cache.has(keyOf(d)));
  if (missing.length > 0) {
    const rows = await db.query<{ id: number; group: string; knife: boolean; da: boolean; alcohol: boolean }>(
      `select dataset_id as id, offence_group as "group", bool_or(knife is not null) as knife,
              bool_or(domestic_abuse is not null) as da, bool_or(alcohol is not null) as alcohol
         from cell_counts where dataset_id = any($1::int[]) group by 1, 2`,
      [missing.map((d) => d.id)],
    );
    for (const d of missing) {
      const own = rows.filter((r) => r.id === d.id);
      const flags = new Set<string>();
      if (own.some((r) => r.knife)) flags.add('knife');
      if (own.some((r) => r.da)) flags.add('domestic-abuse');
      if (own.some((r) => r.alcohol)) flags.add('alcohol');
      cache.set(keyOf(d), { groups: new Set(own.map((r) => r.group)), flags });
      if (cache.size > MAX_RECORDED) cache.delete(cache.keys().next().value!);
    }
  }
  // Fresh sets for each caller, so no caller can change what the next one is given.
  return datasets.map((d) => {
    const kept = cache.get(keyOf(d))!;
    return { id: d.id, name: d.name, groups: new Set(kept.groups), flags: new Set(kept.flags) };
  });
}
