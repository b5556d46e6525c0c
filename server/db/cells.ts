import { FLAG_COLUMNS, type Flag } from '../domain/flags.js';
import type { AreaSelector } from '../domain/area.js';
import { cellToParent } from 'h3-js';
import { areaCoverPopulation, areaCoverSet, areaTiles, cellListCover, studyRegionSet } from './areas.js';
import type { Db, Queryable } from './types.js';

export interface CellQuery {
  datasetIds: readonly number[];
  res: 7 | 8 | 9 | 10;
  /** YYYY-MM (whole months) or YYYY-MM-DD (days; the datasets must have days). */
  from: string;
  to: string;
  groups: readonly string[];
  /** Only incidents with every one of these flags. */
  flags?: readonly Flag[];
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
  /**
   * Only incidents the import placed in these local authorities (incidents.lad_code, by
   * point-in-polygon): an area's totals, whatever the resolution. Read from the incidents (the
   * pre-aggregated counts keep cells, not authorities).
   */
  lads?: readonly string[];
}

/** Where a selection's counts are read from: the incidents, or the pre-aggregated counts. */
interface CountSource {
  table: 'incidents' | 'cell_counts';
  /** The count and cell-key expressions over that table. */
  count: string;
  key: string;
}
const INCIDENTS: CountSource = { table: 'incidents', count: 'count(*)::int', key: '(sum(record_key) % 256)::int' };
const CELL_COUNTS: CountSource = {
  table: 'cell_counts',
  count: 'coalesce(sum(n), 0)::int',
  key: '(sum(key_sum) % 256)::int',
};

/**
 * Whole months, cells of resolution 9 or coarser, and no filter the counts do not keep (days,
 * weekdays, hours, ED setting or weapon, nearby cells): then the pre-aggregated counts answer
 * exactly what the incidents would (migration 007), from about half the rows or fewer.
 */
export function countSource(q: CellQuery): CountSource {
  const aggregated =
    q.res <= 9 &&
    q.from.length === 7 &&
    !q.weekdays?.length &&
    !q.hours?.length &&
    !q.nearCells &&
    !q.settings?.length &&
    !q.weapons?.length &&
    !q.nightTimeEconomy &&
    !q.lads;
  return aggregated ? CELL_COUNTS : INCIDENTS;
}

export interface CellCountWithPopulation extends CellCount {
  /** Residents apportioned to the cell, null outside the bundled population area. */
  population: number | null;
}

/** An area's cover, tested on the rows fetched rather than in SQL (see `grouped`). */
interface CoverTest {
  /** The column of the cover's resolution (h3_r7..h3_r9, or the list's own for a cell list). */
  column: string;
  cells: ReadonlySet<string>;
}

/**
 * The where-clause of a selection over `incidents` or `cell_counts`, appending its parameters to
 * `params`, and the area's cover test. An area bounds the incidents' resolution-7 cells in SQL
 * (areaTiles, a few hundred cells for a force: an index on them, migration 009, reads only the
 * area's part of a many-force dataset); the exact cover test is left to `grouped`.
 */
async function selection(
  db: Queryable,
  q: CellQuery,
  params: unknown[],
): Promise<{ where: string; cover: CoverTest | null }> {
  const p = (value: unknown) => `$${params.push(value)}`;
  const days = q.from.length === 10;
  const clauses = [
    `dataset_id = any(${p(q.datasetIds)}::int[])`,
    days
      ? `occurred_on between ${p(q.from)}::date and ${p(q.to)}::date`
      : `month between ${p(`${q.from}-01`)}::date and ${p(`${q.to}-01`)}::date`,
    `offence_group = any(${p(q.groups)}::text[])`,
    ...(q.flags ?? []).map((f) => `${FLAG_COLUMNS[f]} is true`),
  ];
  if (q.weekdays?.length) clauses.push(`extract(isodow from occurred_on)::int = any(${p(q.weekdays)}::int[])`);
  if (q.nearCells) clauses.push(`h3_r9 = any(${p(q.nearCells)}::text[])`);
  if (q.hours?.length) clauses.push(`extract(hour from occurred_time)::int = any(${p(q.hours)}::int[])`);
  if (q.settings?.length) clauses.push(`setting = any(${p(q.settings)}::text[])`);
  if (q.weapons?.length) clauses.push(`weapon = any(${p(q.weapons)}::text[])`);
  if (q.lads) clauses.push(`lad_code = any(${p(q.lads)}::text[])`);
  if (q.nightTimeEconomy)
    clauses.push(
      `((extract(isodow from occurred_on) in (5, 6) and extract(hour from occurred_time) >= 22) or (extract(isodow from occurred_on) in (6, 7) and extract(hour from occurred_time) < 4))`,
    );
  if (!q.area) return { where: clauses.join(' and '), cover: null };
  clauses.push(`h3_r7 = any(${p(await areaTiles(db, q.area, q.res))}::text[])`);
  // A list of cells: at a finer resolution, their children (H3 children do not tile a parent
  // exactly, so the hierarchy, not the parent's outline, decides what is in). Resolution 10 the
  // same way: the children of the resolution-9 cover (studyRegionSet).
  const cover: CoverTest =
    q.area.kind === 'cells'
      ? { column: `h3_r${q.res}`, cells: new Set(cellListCover(q.area, q.res)) }
      : q.res === 10
        ? { column: 'h3_r10', cells: await studyRegionSet(db, q.area) }
        : { column: `h3_r${q.res}`, cells: await areaCoverSet(db, q.area, q.res) };
  return { where: clauses.join(' and '), cover };
}

type Counted<T> = T & { count: number; key: number };

/**
 * Counts of the selection grouped by `columns` (alias -> SQL expression), in their order when
 * `ordered`. With an area, rows are grouped by the cover's cell too and tested against the cover
 * here, then merged (counts add; cell keys add mod 256, so the merge is exact). The cover as a
 * join or a 16,000-element array in SQL cost more to plan than to run, and misled the planner.
 */
async function grouped<T extends Record<string, string | number>>(
  db: Queryable,
  q: CellQuery,
  columns: { [K in keyof T]: string },
  options: { source?: CountSource; extraWhere?: string; ordered?: boolean; coverInSql?: boolean } = {},
): Promise<Counted<T>[]> {
  const params: unknown[] = [];
  const chosen = await selection(db, q, params);
  let where = chosen.where;
  let cover = chosen.cover;
  if (cover && options.coverInSql) {
    // Groups that are not cells (totals, months, hours): testing the cover here would fetch a row
    // per cell and group. A semi-join with the cover's cells as a set returned by unnest, which
    // the planner does not weigh element by element, hashed (withAreaPlan).
    where += ` and ${cover.column} in (select unnest($${params.push([...cover.cells])}::text[]))`;
    cover = null;
  }
  const source = options.source ?? countSource(q);
  const aliases = Object.keys(columns) as (keyof T & string)[];
  const exprs = aliases.map((alias) => `${columns[alias]} as "${alias}"`);
  const coverAlias = cover
    ? (aliases.find((alias) => columns[alias].replace(COLLATE_C, '') === cover.column) ?? '__cover')
    : null;
  if (cover && coverAlias === '__cover') exprs.push(`${cover.column} as "__cover"`);
  const groupBy = exprs.length ? ` group by ${exprs.map((_, i) => i + 1).join(', ')}` : '';
  const orderBy = options.ordered && aliases.length ? ` order by ${aliases.map((_, i) => i + 1).join(', ')}` : '';
  const sql = `select ${[...exprs, `${source.count} as count`, `coalesce(${source.key}, 0) as key`].join(', ')} from ${source.table} where ${where}${options.extraWhere ?? ''}${groupBy}${orderBy}`;
  const rows = chosen.cover
    ? await withAreaPlan(db, cover === null, (tx) => tx.query<Counted<T> & { __cover?: string }>(sql, params))
    : await db.query<Counted<T> & { __cover?: string }>(sql, params);
  if (!cover) return rows;
  const merged = new Map<string, Counted<T>>();
  for (const row of rows) {
    if (!cover.cells.has(row[coverAlias!] as string)) continue;
    const id = aliases.map((alias) => row[alias]).join('|');
    const seen = merged.get(id);
    if (seen) {
      seen.count += row.count;
      seen.key = (seen.key + row.key) % 256;
    } else {
      const { __cover: _cover, ...values } = row;
      merged.set(id, values as unknown as Counted<T>);
    }
  }
  return [...merged.values()];
}

/**
 * Runs an area's query with the plan its shape needs, which the planner's estimates do not always
 * find. Read by the tile index: other datasets' rows in the same cells make the tiles look
 * common (in a database with many Gwent datasets, Gwent's tiles were 40% of every row), and a
 * national dataset was then read whole, 1.3 s instead of 0.1 s. The cover's semi-join hashed: the
 * planner guesses 200 distinct cells in the unnest, and with an underestimated selection (an ED
 * dataset's night-time total: 54 rows for 975) it looped over the 16,000-cell cover per row,
 * 2.8 s instead of 30 ms. No JIT: those overestimates also bought 15-70 ms of compiling for a
 * query that reads a few thousand rows. No parallel workers: a parallel index scan cannot take
 * the tiles as an index condition, so for the whole of Wales on a national year (2,500 tiles,
 * which the planner took for 30% of the rows) it read the whole dataset in three processes and
 * filtered: 5.9 s instead of 0.11 s; and under many users the workers only take each other's
 * cores. Inside a caller's transaction (no `transaction` here), as it comes.
 */
async function withAreaPlan<R>(db: Queryable, hashedCover: boolean, run: (q: Queryable) => Promise<R>): Promise<R> {
  if (!('transaction' in db)) return run(db);
  return (db as Db).transaction(async (tx) => {
    await tx.query(
      `select set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true), set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)${hashedCover ? ", set_config('enable_nestloop', 'off', true)" : ''}`,
    );
    return run(tx);
  });
}

export interface CellCount {
  h3: string;
  count: number;
  /** Cell key of the cell's records, for the perturbation of restricted counts. */
  key: number;
}

/** H3 cells as grouped and ordered in SQL: byte order (as JavaScript sorts them), which is also the cheaper sort. */
const COLLATE_C = ' collate "C"';
const cellColumn = (res: number) => `h3_r${res}${COLLATE_C}`;

/** Incident counts per H3 cell for the selection (cells with none are absent), sorted by cell. */
export async function countByCell(db: Queryable, q: CellQuery): Promise<CellCount[]> {
  return grouped<{ h3: string }>(db, q, { h3: cellColumn(q.res) }, { ordered: true });
}

/**
 * countByCell with each cell's population. Covers are stored at resolutions 7-9; a
 * resolution-10 cell belongs to the area of its resolution-9 parent and has a seventh of its
 * population (see scripts/build-cells.ts).
 */
export async function countByCellWithPopulation(db: Queryable, q: CellQuery): Promise<CellCountWithPopulation[]> {
  const cells = (await countByCell(db, q)).map((cell) => ({
    ...cell,
    r9: q.res < 10 ? cell.h3 : cellToParent(cell.h3, 9),
  }));
  const coverRes = Math.min(q.res, 9) as 7 | 8 | 9;
  // An area's cells are all in its cover, whose residents are kept in memory (cover-cache.ts).
  const population = new Map(
    q.area && q.area.kind !== 'cells'
      ? (await areaCoverPopulation(db, q.area, coverRes)).map((r) => [r.h3, r.population] as const)
      : (
          await db.query<{ h3: string; population: number }>(
            'select h3, sum(population)::float8 as population from area_cells where res = $1 and h3 in (select unnest($2::text[])) group by h3',
            [coverRes, [...new Set(cells.map((cell) => cell.r9))]],
          )
        ).map((r) => [r.h3, r.population] as const),
  );
  return cells.map(({ h3, count, key, r9 }) => {
    const residents = population.get(r9);
    return { h3, count, key, population: residents === undefined ? null : q.res === 10 ? residents / 7 : residents };
  });
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
  return grouped<{ weekday: number; hour: number }>(
    db,
    q,
    { weekday: 'extract(isodow from occurred_on)::int', hour: 'extract(hour from occurred_time)::int' },
    { source: INCIDENTS, extraWhere: ' and occurred_time is not null', ordered: true, coverInSql: true },
  );
}

/**
 * The selection's incidents grouped by position, with how many are at each and their cell key
 * (server-side only: restricted points never leave the server). police.uk snaps incidents to
 * shared map points, so this is far fewer rows than incidents.
 */
export async function incidentsByPosition(
  db: Queryable,
  q: CellQuery,
): Promise<{ lat: number; lng: number; count: number; key: number }[]> {
  return grouped<{ lat: number; lng: number }>(
    db,
    q,
    { lat: 'lat', lng: 'lng' },
    { source: INCIDENTS, coverInSql: true },
  );
}

/** How many incidents the selection holds, with their cell key. */
export async function countTotal(db: Queryable, q: CellQuery): Promise<{ count: number; key: number }> {
  const rows = await grouped<Record<string, never>>(db, q, {}, { coverInSql: true });
  return { count: rows.reduce((a, r) => a + r.count, 0), key: rows.reduce((a, r) => (a + r.key) % 256, 0) };
}

export interface PeriodCellCount {
  h3: string;
  /** Index into the periods asked for. */
  period: number;
  count: number;
  key: number;
}

/** The selection's counts by month (or day, for day-dated selections), as YYYY-MM-DD, with `columns` too. */
async function groupedByDate<T extends Record<string, string | number>>(
  db: Queryable,
  q: CellQuery,
  columns: { [K in keyof T]: string },
  coverInSql = false,
) {
  const date = q.from.length === 10 ? 'occurred_on' : 'month';
  return grouped<T & { date: string }>(
    db,
    q,
    { ...columns, date: `to_char(${date}, 'YYYY-MM-DD')` } as { [K in keyof (T & { date: string })]: string },
    { coverInSql },
  );
}

/** Sums dated counts into periods (from and to inclusive, YYYY-MM-DD), keyed by `id`; periods overlap freely. */
function intoPeriods<R extends { date: string; count: number; key: number }, K>(
  rows: readonly R[],
  periods: readonly { from: string; to: string }[],
  id: (row: R) => K,
) {
  const out = new Map<string, { id: K; period: number; count: number; key: number }>();
  periods.forEach((period, i) => {
    for (const row of rows) {
      if (row.date < period.from || row.date > period.to) continue;
      const k = `${String(id(row))}|${i}`;
      const seen = out.get(k);
      if (seen) {
        seen.count += row.count;
        seen.key = (seen.key + row.key) % 256;
      } else out.set(k, { id: id(row), period: i, count: row.count, key: row.key });
    }
  });
  return [...out.values()];
}

/**
 * Counts per cell and period, for change over time. `q.from`/`q.to` must span the periods (days
 * for day-dated periods, months otherwise); periods are matched on the incident's day, or on its
 * month when every period is whole months (police.uk has no days). Grouped by cell and month (or
 * day) in SQL and summed into periods here, instead of a join of every row with the periods.
 */
export async function countByCellAndPeriod(
  db: Queryable,
  q: CellQuery,
  periods: readonly { from: string; to: string }[],
): Promise<PeriodCellCount[]> {
  const rows = await groupedByDate<{ h3: string }>(db, q, { h3: cellColumn(q.res) });
  return intoPeriods(rows, periods, (row) => row.h3).map(({ id, period, count, key }) => ({
    h3: id,
    period,
    count,
    key,
  }));
}

/** Totals per period (no cells): the month-by-month completeness of an area. */
export async function countByPeriod(
  db: Queryable,
  q: CellQuery,
  periods: readonly { from: string; to: string }[],
): Promise<{ period: number; count: number; key: number }[]> {
  const rows = await groupedByDate<Record<string, never>>(db, q, {}, true);
  return intoPeriods(rows, periods, () => '').map(({ period, count, key }) => ({ period, count, key }));
}

/**
 * Counts per local authority (incidents.lad_code, one of `q.lads`) and period, for an area's
 * totals: each incident counts in the authority it lies in, not in the area of its H3 cell's
 * centre, so the totals do not change with the resolution. No area cover is applied (`q.area`
 * must be unset); periods as in countByCellAndPeriod.
 */
export async function countByLadAndPeriod(
  db: Queryable,
  q: CellQuery & { lads: readonly string[] },
  periods: readonly { from: string; to: string }[],
): Promise<{ lad: string; period: number; count: number; key: number }[]> {
  if (q.area) throw new RangeError('countByLadAndPeriod counts by local authority, not by an area cover');
  const rows = await groupedByDate<{ lad: string }>(db, q, { lad: 'lad_code' });
  return intoPeriods(rows, periods, (row) => row.lad).map(({ id, period, count, key }) => ({
    lad: id,
    period,
    count,
    key,
  }));
}

/** Incidents of the selection by a recorded attribute of ED data (its setting or weapon), with their cell key. */
export async function countByAttribute(
  db: Queryable,
  q: CellQuery,
  attribute: 'setting' | 'weapon',
): Promise<{ value: string; count: number; key: number }[]> {
  const column = attribute === 'setting' ? 'setting' : 'weapon'; // one of two literals
  return grouped<{ value: string }>(
    db,
    q,
    { value: `coalesce(${column}, 'unknown')` },
    { source: INCIDENTS, ordered: true, coverInSql: true },
  );
}
