/**
 * The release gate: the one place that reads a selection's true counts. Everything else, every
 * map, total, rate, statistic, class, band, chart and export, is computed from the tables it
 * releases (post-processing, as the ONS releases Census 2021 tables: nothing computed from a
 * released table can tell more than the table). For restricted data a released count is 0, a
 * count of at least k with cell-key noise, or null (1 to k-1, withheld); for public data
 * (threshold null) it is the count itself. An architecture test keeps the counting functions of
 * db/cells.ts out of every other module.
 */
import { cellToLatLng, getHexagonEdgeLengthAvg } from 'h3-js';
import { combineKeys } from '../analysis/cell-key.js';
import { countWithin, valuesWithin, type Xy } from '../analysis/proximity.js';
import { releaseCells, releaseCount, secondarySuppression } from '../analysis/suppress.js';
import { weekdayHourMatrix } from '../analysis/time-profile.js';
import { areaCover, areaCoverPopulation, ladsOfArea } from '../db/areas.js';
import {
  countByAttribute,
  countByCell,
  countByCellAndPeriod,
  countByCellWithPopulation,
  countByLadAndPeriod,
  countByPeriod,
  countByWeekdayHour,
  countTotal,
  incidentsByPosition,
  type CellQuery,
} from '../db/cells.js';
import { partnershipKind } from '../db/partnerships.js';
import type { Queryable } from '../db/types.js';
import { type AreaSelector, areaKey } from '../domain/area.js';
import { sumReleased } from './rules.js';
import { tapped } from './tap.js';

/** What is released: a selection's query, and the threshold its datasets demand (null: public data, exact). */
export interface Release {
  query: CellQuery;
  threshold: number | null;
}

/** Released counts per cell (cells with none are absent: zero). */
export type ReleasedCells = Map<string, number | null>;

type Span = { from: string; to: string };

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The selection's own period as days. */
const selectionPeriod = (q: CellQuery): Span => ({
  from: q.from.length === 7 ? `${q.from}-01` : q.from,
  to: q.to.length === 7 ? lastDay(q.to) : q.to,
});

/** A query spanning the periods: whole months where every period is whole months (police.uk has no days), days otherwise. */
function spanning(q: CellQuery, periods: readonly Span[]): CellQuery {
  const from = periods.map((p) => p.from).sort()[0]!;
  const to = periods
    .map((p) => p.to)
    .sort()
    .at(-1)!;
  const months = periods.every((p) => p.from.endsWith('-01') && p.to === lastDay(p.to.slice(0, 7)));
  return months ? { ...q, from: from.slice(0, 7), to: to.slice(0, 7) } : { ...q, from, to };
}

/**
 * Released counts per cell of the selection, with secondary suppression over its cells (an
 * area's total is published beside them).
 */
export function releasedCells(db: Queryable, r: Release): Promise<ReleasedCells> {
  return tapped(
    'cells',
    r,
    async () => new Map(releaseCells(await countByCell(db, r.query), r.threshold).map((cell) => [cell.h3, cell.count])),
  );
}

/** releasedCells with each cell's residents, for the cell map. */
export function releasedCellsWithPopulation(
  db: Queryable,
  r: Release,
): Promise<{ h3: string; count: number | null; population: number | null }[]> {
  return tapped('cells+population', r, async () =>
    releaseCells(await countByCellWithPopulation(db, r.query), r.threshold),
  );
}

/** Released counts per cell in each period (each period's cells a group of its own). */
export function releasedCellsByPeriod(db: Queryable, r: Release, periods: readonly Span[]): Promise<ReleasedCells[]> {
  return tapped('cells by period', { r, periods }, async () =>
    releaseByPeriod(await countByCellAndPeriod(db, spanning(r.query, periods), periods), periods.length, r.threshold),
  );
}

type PeriodRow = { h3: string; period: number; count: number; key: number };

/**
 * An area's counts per cell and period. One period that is the selection's own is counted per
 * cell alone (a grouping by cell and month would return a row per month).
 */
async function countArea(db: Queryable, q: CellQuery, periods: readonly Span[]): Promise<PeriodRow[]> {
  const own = selectionPeriod(q);
  if (periods.length === 1 && periods[0]!.from === own.from && periods[0]!.to === own.to)
    return (await countByCell(db, q)).map((cell) => ({ ...cell, period: 0 }));
  return countByCellAndPeriod(db, spanning(q, periods), periods);
}

/** Released cells of each period from counted rows (each period's cells a group of its own). */
const releaseByPeriod = (rows: readonly PeriodRow[], periods: number, threshold: number | null): ReleasedCells[] =>
  Array.from(
    { length: periods },
    (_, i) =>
      new Map(
        releaseCells(
          rows.filter((row) => row.period === i),
          threshold,
        ).map((cell) => [cell.h3, cell.count]),
      ),
  );

/**
 * The local authorities an area's totals are made of: itself, a force's authorities, a
 * partnership's; null for a drawn partnership or a list of cells (and a force with no bundled
 * authority), whose totals are made of their cells.
 */
async function ladParts(db: Queryable, area: AreaSelector): Promise<string[] | null> {
  if (area.kind === 'cells') return null;
  if (area.kind === 'partnership' && (await partnershipKind(db, area.id)) === 'polygon') return null;
  const lads = [...(await ladsOfArea(db, areaKey(area)!))].sort();
  return lads.length ? lads : null;
}

/**
 * Released counts of each local authority in each period, each incident counted in the authority
 * the import placed it in (incidents.lad_code, point-in-polygon), so they do not depend on the
 * resolution. Each authority's count is released on its own (the records' keys combined, as for
 * a cell): these are the parts an area's total is the sum of.
 */
async function releasedLadParts(
  db: Queryable,
  r: Release,
  lads: readonly string[],
  periods: readonly Span[],
): Promise<Map<string, number | null>[]> {
  const { area: _area, nearCells: _near, ...query } = r.query;
  const rows = await countByLadAndPeriod(db, { ...spanning(query, periods), lads }, periods);
  return periods.map((_, i) => {
    const parts = new Map<string, { count: number; key: number }>(lads.map((lad) => [lad, { count: 0, key: 0 }]));
    for (const row of rows) if (row.period === i) parts.set(row.lad, { count: row.count, key: row.key });
    return new Map([...parts].map(([lad, part]) => [lad, releaseCount(part.count, part.key, r.threshold)]));
  });
}

/**
 * An area's released totals in each period. The parts a total is made of: for an area of whole
 * local authorities (one, a force, a partnership of authorities) its authorities, each counting
 * the incidents the import placed in it (releasedLadParts: the same at every resolution); for a
 * drawn partnership (or a list of cells) its cells, counted over the cover at resolution 7-9
 * (`rows`). A total is the sum of its released parts (sumReleased), so two areas that differ by
 * one part differ by that part's released count, however many such pairs are asked: averaging
 * many of them gains nothing. Public data: the sum of the parts is the count itself.
 */
async function totalsOfParts(
  db: Queryable,
  r: Release,
  area: AreaSelector,
  periods: readonly Span[],
  cellRows: () => Promise<readonly PeriodRow[]>,
): Promise<(number | null)[]> {
  const lads = await ladParts(db, area);
  if (lads)
    return (await releasedLadParts(db, r, lads, periods)).map((parts) => sumReleased(parts.values(), r.threshold));
  const rows = await cellRows();
  if (r.threshold === null)
    return periods.map((_, i) => rows.reduce((a, row) => a + (row.period === i ? row.count : 0), 0));
  return releaseByPeriod(rows, periods.length, r.threshold).map((cells) => sumReleased(cells.values(), r.threshold));
}

/** An area's released totals in each period (sums of released parts: see totalsOfParts). */
export function releasedAreaTotals(
  db: Queryable,
  r: Release,
  area: AreaSelector,
  periods: readonly Span[],
): Promise<(number | null)[]> {
  return tapped('area totals', { r, area, periods }, async () => {
    const res = Math.min(r.query.res, 9) as 7 | 8 | 9;
    return totalsOfParts(db, r, area, periods, async () =>
      // Public data over several periods: one grouped count per period is enough (no parts to release).
      r.threshold === null && periods.length > 1
        ? (await countByPeriod(db, spanning({ ...r.query, area, res }, periods), periods)).map((row) => ({
            ...row,
            h3: '',
          }))
        : countArea(db, { ...r.query, area, res }, periods),
    );
  });
}

/** An area's released total over the selection's own period. */
export async function releasedAreaTotal(db: Queryable, r: Release, area: AreaSelector): Promise<number | null> {
  return (await releasedAreaTotals(db, r, area, [selectionPeriod(r.query)]))[0]!;
}

/**
 * An area's released cells at the selection's resolution, and its released totals, in each
 * period (the selection's own by default): the cells for maps and statistics over cells, the
 * totals as totalsOfParts makes them.
 */
export function releasedArea(
  db: Queryable,
  r: Release,
  area: AreaSelector,
  periods: readonly Span[] = [selectionPeriod(r.query)],
): Promise<{ cells: ReleasedCells[]; totals: (number | null)[] }> {
  return tapped('area', { r, area, periods }, async () => {
    const rows = await countArea(db, { ...r.query, area }, periods);
    const cells = releaseByPeriod(rows, periods.length, r.threshold);
    if (r.query.res === 10) return { cells, totals: await releasedAreaTotals(db, r, area, periods) };
    return { cells, totals: await totalsOfParts(db, r, area, periods, async () => rows) };
  });
}

/**
 * The released count of each local authority of an area: the incidents the import placed in it
 * (releasedLadParts); for a drawn partnership or a list of cells, the authorities holding its
 * cells' centres, each with those cells.
 */
export function releasedLadCounts(db: Queryable, r: Release, area: AreaSelector): Promise<Map<string, number | null>> {
  return tapped('lad counts', { r, area }, async () => {
    const lads = await ladParts(db, area);
    if (lads) return (await releasedLadParts(db, r, lads, [selectionPeriod(r.query)]))[0]!;
    const res = Math.min(r.query.res, 9) as 7 | 8 | 9;
    const [cells, cover] = await Promise.all([
      countByCell(db, { ...r.query, area, res }),
      areaCoverPopulation(db, area, res),
    ]);
    const ladOf = new Map(cover.map((cell) => [cell.h3, cell.lad]));
    const byLad = new Map<string, { count: number; keys: number[] }>();
    for (const lad of new Set(cover.map((cell) => cell.lad).filter((l): l is string => !!l)))
      byLad.set(lad, { count: 0, keys: [] });
    for (const cell of cells) {
      const part = byLad.get(ladOf.get(cell.h3) ?? '');
      if (!part) continue;
      part.count += cell.count;
      part.keys.push(cell.key);
    }
    return new Map(
      [...byLad]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([lad, part]) => [lad, releaseCount(part.count, combineKeys(part.keys), r.threshold)]),
    );
  });
}

/** The weekday rows and hour columns of the flattened 7 x 24 table, for secondary suppression. */
const TABLE_GROUPS = [
  ...Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => d * 24 + h)),
  ...Array.from({ length: 24 }, (_, h) => Array.from({ length: 7 }, (_, d) => d * 24 + h)),
];

/**
 * The weekday by hour table, Monday first. Restricted data: every slot below k, zero included,
 * is withheld alike ("fewer than k"): were zeros shown, the withheld slots of a small area
 * would count its incidents and say when each happened. Then secondary suppression by weekday
 * and by hour, whose totals the weekday and hour filters can ask for.
 */
export function releasedWeekdayHour(db: Queryable, r: Release): Promise<(number | null)[][]> {
  return tapped('weekday-hour', r, async () => {
    const slots = weekdayHourMatrix(await countByWeekdayHour(db, r.query)).flat();
    const t = r.threshold;
    const released = slots.map((s) => (t === null ? s.count : s.count < t ? null : releaseCount(s.count, s.key, t)));
    const flat =
      t === null ? released : secondarySuppression(released, TABLE_GROUPS, (i) => String(i).padStart(3, '0'));
    return Array.from({ length: 7 }, (_, d) => flat.slice(d * 24, d * 24 + 24));
  });
}

/** Released totals of named parts of a whole whose total is published: 1..k-1 withheld, then secondary suppression. */
function releaseParts(parts: readonly { value: string; count: number; key: number }[], threshold: number | null) {
  const released = parts.map((p) => releaseCount(p.count, p.key, threshold));
  const out =
    threshold === null ? released : secondarySuppression(released, [parts.map((_, i) => i)], (i) => parts[i]!.value);
  return parts.map((p, i) => ({ value: p.value, count: out[i]! }));
}

/** ED records by a recorded attribute (setting or weapon): parts of a published whole. */
export function releasedByAttribute(
  db: Queryable,
  r: Release,
  attribute: 'setting' | 'weapon',
): Promise<{ value: string; count: number | null }[]> {
  return tapped(`by ${attribute}`, r, async () =>
    releaseParts(await countByAttribute(db, r.query, attribute), r.threshold),
  );
}

/** The selection split into the night-time economy and the rest: two parts of a published whole. */
export function releasedNightSplit(
  db: Queryable,
  r: Release,
): Promise<{ nightTimeEconomy: number | null; rest: number | null }> {
  return tapped('night split', r, async () => {
    const [night, total] = [
      await countTotal(db, { ...r.query, nightTimeEconomy: true }),
      await countTotal(db, r.query),
    ];
    const [n, rest] = releaseParts(
      [
        { value: 'night-time economy', count: night.count, key: night.key },
        { value: 'rest', count: total.count - night.count, key: (total.key - night.key + 256) % 256 },
      ],
      r.threshold,
    );
    return { nightTimeEconomy: n!.count, rest: rest!.count };
  });
}

/** The shortest radius restricted counts near places are given for: a resolution-9 cell's edge (200 m), so a place's own cell almost always counts. */
export const MIN_RESTRICTED_RADIUS = Math.floor(getHexagonEdgeLengthAvg(9, 'm'));

/**
 * Incidents within `radius` metres of each place. Public data: the incidents themselves.
 * Restricted data: the sum of the area's released resolution-9 cells whose centre lies within
 * the radius, as released on the map (a withheld cell as its stand-in): circles drawn anywhere
 * at any radius then tell nothing the map does not.
 */
export function releasedNearPlaces(
  db: Queryable,
  r: Release,
  area: AreaSelector,
  places: readonly (Xy & { lat: number; lng: number })[],
  radius: number,
  nearCells: readonly string[],
  toXy: (p: { lat: number; lng: number }) => Xy,
): Promise<(number | null)[]> {
  return tapped('near places', { r, area, places, radius }, async () => {
    if (r.threshold === null) {
      const positions = places.length ? await incidentsByPosition(db, { ...r.query, area, res: 9, nearCells }) : [];
      return [
        ...countWithin(
          places,
          positions.map((p) => ({ ...toXy(p), count: p.count })),
          radius,
        ),
      ];
    }
    const cells = await releasedCells(db, { ...r, query: { ...r.query, area, res: 9 } });
    const centres = (await areaCover(db, area, 9)).map((h3) => {
      const [lat, lng] = cellToLatLng(h3);
      return { ...toXy({ lat, lng }), value: cells.has(h3) ? cells.get(h3)! : 0 };
    });
    return valuesWithin(places, centres, radius).map((values) => sumReleased(values, r.threshold));
  });
}
