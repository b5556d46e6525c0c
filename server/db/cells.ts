import type { AreaSelector } from '../routes/area-param.js';
import { cellListCover } from './areas.js';
import { partnershipCellsSql } from './partnerships.js';
import type { Queryable } from './types.js';

/** Flag filters and the incident columns they test (the column names are fixed literals). */
const FLAG_COLUMNS = { knife: 'knife', 'domestic-abuse': 'domestic_abuse', alcohol: 'alcohol' } as const;

export interface CellQuery {
  datasetIds: readonly number[];
  res: 7 | 8 | 9 | 10;
  /** YYYY-MM (whole months) or YYYY-MM-DD (days; the datasets must have days). */
  from: string;
  to: string;
  groups: readonly string[];
  /** Only incidents with every one of these flags. */
  flags?: readonly (keyof typeof FLAG_COLUMNS)[];
  /** ISO weekdays (1 = Monday). */
  weekdays?: readonly number[];
  /** Hours of the day 0-23. */
  hours?: readonly number[];
  /** Only cells of this area's H3 cover (cells whose centre lies inside it). */
  area?: AreaSelector;
  /** Only incidents in these resolution-9 cells (a narrowing for speed, e.g. near places). */
  nearCells?: readonly string[];
  /** ED data: only these assault settings (street, licensed premises, ...). */
  settings?: readonly string[];
  /** ED data: only these weapons (knife/sharp, blunt, ...). */
  weapons?: readonly string[];
  /** Only the night-time economy: Friday and Saturday nights, 22:00 to 04:00 (so into Saturday and Sunday mornings). */
  nightTimeEconomy?: boolean;
}

/** The cell key of the records counted: the sum of their record keys mod 256 (see analysis/cell-key.ts). */
const CELL_KEY = '(sum(record_key) % 256)::int as key';

/** Where a selection's counts are read from: the incidents, or the pre-aggregated counts. */
interface CountSource {
  table: 'incidents' | 'cell_counts';
  /** The count and cell-key expressions over that table. */
  count: string;
  key: string;
}
const INCIDENTS: CountSource = { table: 'incidents', count: 'count(*)::int', key: '(sum(record_key) % 256)::int' };
const CELL_COUNTS: CountSource = { table: 'cell_counts', count: 'coalesce(sum(n), 0)::int', key: '(sum(key_sum) % 256)::int' };

/**
 * Whole months, cells of resolution 9 or coarser, and no filter the counts do not keep (days,
 * weekdays, hours, ED setting or weapon, nearby cells): then the pre-aggregated counts answer
 * exactly what the incidents would (migration 007), from about half the rows or fewer.
 */
export function countSource(q: CellQuery): CountSource {
  const aggregated = q.res <= 9 && q.from.length === 7 && !q.weekdays?.length && !q.hours?.length && !q.nearCells && !q.settings?.length && !q.weapons?.length && !q.nightTimeEconomy;
  return aggregated ? CELL_COUNTS : INCIDENTS;
}

export interface CellCountWithPopulation {
  h3: string;
  count: number;
  /** Cell key of the cell's records, for the perturbation of restricted counts. */
  key: number;
  /** Residents apportioned to the cell, null outside the bundled population area. */
  population: number | null;
}

/** The where-clause of a selection over `incidents`, appending its parameters to `params`. */
function selectionWhere(q: CellQuery, params: unknown[]): string {
  const coverRes = Math.min(q.res, 9);
  const p = (value: unknown) => `$${params.push(value)}`;
  const days = q.from.length === 10;
  const clauses = [
    `dataset_id = any(${p(q.datasetIds)}::int[])`,
    days ? `occurred_on between ${p(q.from)}::date and ${p(q.to)}::date` : `month between ${p(`${q.from}-01`)}::date and ${p(`${q.to}-01`)}::date`,
    `offence_group = any(${p(q.groups)}::text[])`,
    ...(q.flags ?? []).map((f) => `${FLAG_COLUMNS[f]} is true`),
  ];
  if (q.weekdays?.length) clauses.push(`extract(isodow from occurred_on)::int = any(${p(q.weekdays)}::int[])`);
  if (q.nearCells) clauses.push(`h3_r9 = any(${p(q.nearCells)}::text[])`);
  if (q.hours?.length) clauses.push(`extract(hour from occurred_time)::int = any(${p(q.hours)}::int[])`);
  if (q.settings?.length) clauses.push(`setting = any(${p(q.settings)}::text[])`);
  if (q.weapons?.length) clauses.push(`weapon = any(${p(q.weapons)}::text[])`);
  if (q.nightTimeEconomy)
    clauses.push(`((extract(isodow from occurred_on) in (5, 6) and extract(hour from occurred_time) >= 22) or (extract(isodow from occurred_on) in (6, 7) and extract(hour from occurred_time) < 4))`);
  // A list of cells: at a finer resolution, their children (H3 children do not tile a parent
  // exactly, so the hierarchy, not the parent's outline, decides what is in).
  if (q.area?.kind === 'cells') clauses.push(`h3_r${q.res} = any(${p(cellListCover(q.area, q.res))}::text[])`);
  else if (q.area) {
    const id = p(q.area.kind === 'partnership' ? q.area.id : q.area.code);
    clauses.push(
      q.area.kind === 'partnership'
        ? `h3_r${coverRes} in ${partnershipCellsSql(coverRes, id)}`
        : `h3_r${coverRes} in (select h3 from area_cells where res = ${coverRes} and in_cover and ${q.area.kind}_code = ${id})`,
    );
  }
  return clauses.join(' and ');
}

/**
 * Incident counts per H3 cell for the selection, with each cell's population. Covers are stored
 * at resolutions 7-9; a resolution-10 cell belongs to the area of its resolution-9 parent and
 * has a seventh of its population (see scripts/build-cells.ts).
 */
export async function countByCell(db: Queryable, q: CellQuery): Promise<CellCountWithPopulation[]> {
  const column = `h3_r${q.res}`; // res is one of four literals, checked by the route schema
  const coverRes = Math.min(q.res, 9);
  const share = q.res === 10 ? '/ 7' : '';
  const params: unknown[] = [];
  const where = selectionWhere(q, params);
  const source = countSource(q);
  return db.query<CellCountWithPopulation>(
    `with counts as (
       select ${column} as h3, min(h3_r${coverRes}) as cover, ${source.count} as count, ${source.key} as key
         from ${source.table} where ${where}
        group by ${column})
     select c.h3, c.count, c.key, (select sum(a.population) from area_cells a where a.res = ${coverRes} and a.h3 = c.cover)::float8 ${share} as population
       from counts c
      order by c.h3`,
    params,
  );
}

export interface WeekdayHourCount {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  count: number;
  key: number;
}

/** Incidents of the selection by weekday and hour (incidents with a time only). */
export async function countByWeekdayHour(db: Queryable, q: CellQuery): Promise<WeekdayHourCount[]> {
  const params: unknown[] = [];
  const where = selectionWhere(q, params);
  return db.query<WeekdayHourCount>(
    `select extract(isodow from occurred_on)::int as weekday, extract(hour from occurred_time)::int as hour, count(*)::int as count, ${CELL_KEY}
       from incidents where ${where} and occurred_time is not null
      group by 1, 2 order by 1, 2`,
    params,
  );
}

/**
 * The selection's incidents grouped by position, with how many are at each and their cell key
 * (server-side only: restricted points never leave the server). police.uk snaps incidents to
 * shared map points, so this is far fewer rows than incidents.
 */
export async function incidentsByPosition(db: Queryable, q: CellQuery): Promise<{ lat: number; lng: number; count: number; key: number }[]> {
  const params: unknown[] = [];
  return db.query(`select lat, lng, count(*)::int as count, ${CELL_KEY} from incidents where ${selectionWhere(q, params)} group by lat, lng`, params);
}

/** How many incidents the selection holds, with their cell key. */
export async function countTotal(db: Queryable, q: CellQuery): Promise<{ count: number; key: number }> {
  const params: unknown[] = [];
  const source = countSource(q);
  const rows = await db.query<{ count: number; key: number | null }>(`select ${source.count} as count, ${source.key} as key from ${source.table} where ${selectionWhere(q, params)}`, params);
  return { count: rows[0]!.count, key: rows[0]!.key ?? 0 };
}

export interface PeriodCellCount {
  h3: string;
  /** Index into the periods asked for. */
  period: number;
  count: number;
  key: number;
}

/**
 * Counts per cell and period in one pass, for change over time. `q.from`/`q.to` must span the
 * periods (days for day-dated periods, months otherwise); periods are matched on the incident's
 * day, or on its month when every period is whole months (police.uk has no days).
 */
export async function countByCellAndPeriod(db: Queryable, q: CellQuery, periods: readonly { from: string; to: string }[]): Promise<PeriodCellCount[]> {
  const params: unknown[] = [];
  const where = selectionWhere(q, params);
  const byDay = q.from.length === 10;
  const p = (value: unknown) => `$${params.push(value)}`;
  // The periods' column names (idx, f, t) are not incident columns, so the selection's clauses stay unqualified.
  const span = `unnest(${p(periods.map((_, i) => i))}::int[], ${p(periods.map((x) => x.from))}::date[], ${p(periods.map((x) => x.to))}::date[]) as s(idx, f, t)`;
  const source = countSource(q);
  return db.query<PeriodCellCount>(
    `select i.h3_r${q.res} as h3, s.idx as period, ${source.count} as count, ${source.key} as key
       from ${source.table} i join ${span} on ${byDay ? 'i.occurred_on' : 'i.month'} between s.f and s.t
      where ${where}
      group by 1, 2`,
    params,
  );
}

/** Totals per period (no cells): the month-by-month completeness of an area. */
export async function countByPeriod(db: Queryable, q: CellQuery, periods: readonly { from: string; to: string }[]): Promise<{ period: number; count: number; key: number }[]> {
  const params: unknown[] = [];
  const where = selectionWhere(q, params);
  const byDay = q.from.length === 10;
  const p = (value: unknown) => `$${params.push(value)}`;
  const span = `unnest(${p(periods.map((_, i) => i))}::int[], ${p(periods.map((x) => x.from))}::date[], ${p(periods.map((x) => x.to))}::date[]) as s(idx, f, t)`;
  const source = countSource(q);
  return db.query(
    `select s.idx as period, ${source.count} as count, ${source.key} as key
       from ${source.table} i join ${span} on ${byDay ? 'i.occurred_on' : 'i.month'} between s.f and s.t
      where ${where}
      group by 1`,
    params,
  );
}

/** Incidents of the selection by a recorded attribute of ED data (its setting or weapon), with their cell key. */
export async function countByAttribute(db: Queryable, q: CellQuery, attribute: 'setting' | 'weapon'): Promise<{ value: string; count: number; key: number }[]> {
  const params: unknown[] = [];
  const column = attribute === 'setting' ? 'setting' : 'weapon'; // one of two literals
  return db.query(
    `select coalesce(${column}, 'unknown') as value, count(*)::int as count, ${CELL_KEY} from incidents where ${selectionWhere(q, params)} group by 1 order by 1`,
    params,
  );
}

