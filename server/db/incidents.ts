import type { Incident } from '../domain/incident.js';
import type { Queryable, Tx } from './types.js';

/** Where the import placed it. */
export interface IncidentPlacement {
  h3: readonly [string, string, string, string]; // resolutions 7..10
  pfaCode: string | null;
  ladCode: string | null;
}

const COLUMNS = [
  'dataset_id',
  'month',
  'occurred_on',
  'occurred_time',
  'lat',
  'lng',
  'h3_r7',
  'h3_r8',
  'h3_r9',
  'h3_r10',
  'offence_group',
  'offence_text',
  'knife',
  'domestic_abuse',
  'alcohol',
  'weapon',
  'setting',
  'age_band',
  'external_id',
  'crime_id',
  'lsoa_code',
  'source_force',
  'pfa_code',
  'lad_code',
  'outside_force',
] as const;

/**
 * One incident as a line of COPY CSV. Built by hand rather than through csv-stringify: an
 * import writes every row through here, and the generic stringifier (and the record object
 * built for it) were a fifth of its time.
 * An unquoted empty field is NULL; every string is quoted, so '' stays ''.
 */
export function incidentCsvLine(datasetId: number, r: Incident, p: IncidentPlacement, outsideForce: boolean): string {
  return (
    `${datasetId},${r.month}-01,${text(r.occurredOn)},${text(r.occurredTime)},${r.lat},${r.lng},` +
    `${p.h3[0]},${p.h3[1]},${p.h3[2]},${p.h3[3]},${text(r.offenceGroup)},${text(r.offenceText)},` +
    `${flag(r.knife)},${flag(r.domesticAbuse)},${flag(r.alcohol)},${text(r.weapon)},${text(r.setting)},${text(r.ageBand)},` +
    `${text(r.externalId)},${text(r.crimeId)},${text(r.lsoaCode)},${text(r.sourceForce)},${text(p.pfaCode)},${text(p.ladCode)},${outsideForce ? 't' : 'f'}\n`
  );
}

const text = (v: string | null): string =>
  v === null ? '' : v.includes('"') ? `"${v.replaceAll('"', '""')}"` : `"${v}"`;
const flag = (v: boolean | null): string => (v === null ? '' : v ? 't' : 'f');

/** Bulk-loads incident lines (incidentCsvLine, as UTF-8 bytes) with COPY. */
export async function copyIncidentBytes(tx: Tx, csv: Uint8Array): Promise<void> {
  if (csv.byteLength > 0) await tx.copyCsv('incidents', COLUMNS, csv);
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
export async function deleteMonth(
  tx: Tx,
  datasetId: number,
  month: string,
  sourceForce: string | null,
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with gone as (delete from incidents where dataset_id = $1 and month = $2::date and source_force is not distinct from $3 returning 1)
     select count(*)::int as n from gone`,
    [datasetId, `${month}-01`, sourceForce],
  );
  return rows[0]!.n;
}

/** Re-supplied records (same external id) replace the stored ones: how many went, and from which months (YYYY-MM). */
export async function deleteByExternalIds(
  tx: Tx,
  datasetId: number,
  ids: readonly string[],
): Promise<{ count: number; months: string[] }> {
  if (ids.length === 0) return { count: 0, months: [] };
  const rows = await tx.query<{ month: string; n: number }>(
    `with gone as (delete from incidents where dataset_id = $1 and external_id is not null and external_id = any($2::text[]) returning month)
     select to_char(month, 'YYYY-MM') as month, count(*)::int as n from gone group by 1`,
    [datasetId, ids],
  );
  return { count: rows.reduce((a, r) => a + r.n, 0), months: rows.map((r) => r.month) };
}

export async function countIncidents(db: Queryable, datasetId: number): Promise<number> {
  return (
    await db.query<{ n: number }>('select count(*)::int as n from incidents where dataset_id = $1', [datasetId])
  )[0]!.n;
}
