import { stringify } from 'csv-stringify/sync';
import type { Queryable, Tx } from './types.js';

export interface IncidentRecord {
  datasetId: number;
  month: string; // YYYY-MM
  occurredOn: string | null;
  occurredTime: string | null;
  lat: number;
  lng: number;
  h3: readonly [string, string, string, string]; // resolutions 7..10
  offenceGroup: string;
  offenceText: string | null;
  knife: boolean | null;
  domesticAbuse: boolean | null;
  alcohol: boolean | null;
  weapon: string | null;
  setting: string | null;
  ageBand: string | null;
  externalId: string | null;
  lsoaCode: string | null;
  sourceForce: string | null;
  pfaCode: string | null;
  ladCode: string | null;
  outsideForce: boolean;
}

const COLUMNS = [
  'dataset_id', 'month', 'occurred_on', 'occurred_time', 'lat', 'lng', 'h3_r7', 'h3_r8', 'h3_r9', 'h3_r10',
  'offence_group', 'offence_text', 'knife', 'domestic_abuse', 'alcohol', 'weapon', 'setting', 'age_band',
  'external_id', 'lsoa_code', 'source_force', 'pfa_code', 'lad_code', 'outside_force',
] as const;

/** Bulk-loads incidents with COPY. In CSV COPY an unquoted empty field is NULL. */
export async function copyIncidents(tx: Tx, rows: readonly IncidentRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const csv = stringify(
    rows.map((r) => [
      r.datasetId, `${r.month}-01`, r.occurredOn, r.occurredTime, r.lat, r.lng, ...r.h3,
      r.offenceGroup, r.offenceText, r.knife, r.domesticAbuse, r.alcohol, r.weapon, r.setting, r.ageBand,
      r.externalId, r.lsoaCode, r.sourceForce, r.pfaCode, r.ladCode, r.outsideForce,
    ]),
    { cast: { boolean: (b) => (b ? 't' : 'f') }, quoted_string: true },
  );
  await tx.copyCsv('incidents', COLUMNS, csv);
}

/** The (month, supplying force) pairs a dataset holds, as `YYYY-MM|force` ('' for no force). */
export async function storedMonthForces(db: Queryable, datasetId: number): Promise<Set<string>> {
  const rows = await db.query<{ key: string }>(
    `select distinct to_char(month, 'YYYY-MM') || '|' || coalesce(source_force, '') as key from incidents where dataset_id = $1`,
    [datasetId],
  );
  return new Set(rows.map((r) => r.key));
}

/** A republished police.uk month replaces that force's rows for the month. */
export async function deleteMonth(tx: Tx, datasetId: number, month: string, sourceForce: string | null): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with gone as (delete from incidents where dataset_id = $1 and month = $2::date and source_force is not distinct from $3 returning 1)
     select count(*)::int as n from gone`,
    [datasetId, `${month}-01`, sourceForce],
  );
  return rows[0]!.n;
}

/** Re-supplied records (same external id) replace the stored ones: how many went, and from which months (YYYY-MM). */
export async function deleteByExternalIds(tx: Tx, datasetId: number, ids: readonly string[]): Promise<{ count: number; months: string[] }> {
  if (ids.length === 0) return { count: 0, months: [] };
  const rows = await tx.query<{ month: string; n: number }>(
    `with gone as (delete from incidents where dataset_id = $1 and external_id = any($2::text[]) returning month)
     select to_char(month, 'YYYY-MM') as month, count(*)::int as n from gone group by 1`,
    [datasetId, ids],
  );
  return { count: rows.reduce((a, r) => a + r.n, 0), months: rows.map((r) => r.month) };
}

export async function countIncidents(db: Queryable, datasetId: number): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from incidents where dataset_id = $1', [datasetId]))[0]!.n;
}
