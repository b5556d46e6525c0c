import { cellToChildren } from 'h3-js';
import { tilesOf } from '../geo/tiles.js';
import type { AreaSelector, CellListArea } from '../domain/area.js';
import { cachedCover } from './cover-cache.js';
import { partnershipCellsSql, partnershipKind } from './partnerships.js';
import { stringify } from 'csv-stringify/sync';
import type { CellRow } from '../geo/cell-cover.js';
import type { Queryable, Tx } from './types.js';

export type AreaLevel = 'lad' | 'pfa' | 'lsoa';

export interface AreaRow {
  level: AreaLevel;
  code: string;
  name: string;
  nameWelsh: string | null;
  parentCode: string | null;
  population: number | null;
  geometry: unknown;
}

export async function replaceAreas(tx: Tx, areas: readonly AreaRow[], cells: readonly CellRow[]): Promise<void> {
  await tx.query('delete from areas');
  await tx.query('delete from area_cells');
  for (let i = 0; i < areas.length; i += 500) {
    const chunk = areas.slice(i, i + 500);
    const csv = stringify(
      chunk.map((a) => [a.level, a.code, a.name, a.nameWelsh, a.parentCode, a.population, JSON.stringify(a.geometry)]),
      { quoted_string: true },
    );
    await tx.copyCsv('areas', ['level', 'code', 'name', 'name_welsh', 'parent_code', 'population', 'geometry'], csv);
  }
  for (let i = 0; i < cells.length; i += 50_000) {
    const csv = stringify(
      cells.slice(i, i + 50_000).map((c) => [c.res, c.h3, c.lsoaCode, c.ladCode, c.pfaCode, c.inCover, c.population]),
      { quoted_string: true, cast: { boolean: (b) => (b ? 't' : 'f') } },
    );
    await tx.copyCsv('area_cells', ['res', 'h3', 'lsoa_code', 'lad_code', 'pfa_code', 'in_cover', 'population'], csv);
  }
}

export interface AreaSummary {
  code: string;
  name: string;
  nameWelsh: string | null;
  parentCode: string | null;
  population: number | null;
}

export async function listAreas(db: Queryable, level: AreaLevel, withinPfa?: string): Promise<AreaSummary[]> {
  return db.query<AreaSummary>(
    `select code, name, name_welsh as "nameWelsh", parent_code as "parentCode", population
       from areas where level = $1 and ($2::text is null or code in (${WITHIN_PFA})) order by code`,
    [level, withinPfa ?? null],
  );
}

/** Codes of the areas of a level that lie in a force area (LSOA via its LAD). */
const WITHIN_PFA = `
  select code from areas where level = 'pfa' and code = $2
  union select code from areas where level = 'lad' and parent_code = $2
  union select l.code from areas l join areas d on d.level = 'lad' and l.parent_code = d.code where l.level = 'lsoa' and d.parent_code = $2`;

export async function boundaryFeatures(db: Queryable, level: AreaLevel, withinPfa?: string) {
  const rows = await db.query<AreaSummary & { geometry: unknown }>(
    `select code, name, name_welsh as "nameWelsh", parent_code as "parentCode", population, geometry
       from areas where level = $1 and ($2::text is null or code in (${WITHIN_PFA})) order by code`,
    [level, withinPfa ?? null],
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(({ geometry, ...properties }) => ({ type: 'Feature' as const, properties, geometry })),
  };
}

export async function areaExists(db: Queryable, level: AreaLevel, code: string): Promise<boolean> {
  return (await db.query('select 1 from areas where level = $1 and code = $2', [level, code])).length > 0;
}

export interface CellPopulation {
  h3: string;
  population: number;
  /** The local authority holding the cell's centre (null outside the bundled ones). */
  lad?: string | null;
}

/** The cover of a set of LADs at a resolution (cells whose centre lies in them) with population. */
export async function ladCover(db: Queryable, ladCodes: readonly string[], res: number): Promise<CellPopulation[]> {
  return db.query<CellPopulation>(
    `select c.h3, (select sum(p.population) from area_cells p where p.res = c.res and p.h3 = c.h3)::float8 as population
       from area_cells c where c.res = $1 and c.in_cover and c.lad_code = any($2::text[]) order by c.h3`,
    [res, ladCodes],
  );
}

/** Residents per LAD summed over the cells at one resolution (the check that apportionment adds up). */
export async function populationByLad(db: Queryable, res: number): Promise<Record<string, number>> {
  const rows = await db.query<{ lad: string; population: number }>(
    'select lad_code as lad, sum(population)::float8 as population from area_cells where res = $1 and lad_code is not null group by lad_code',
    [res],
  );
  return Object.fromEntries(rows.map((r) => [r.lad, r.population]));
}

/** The LAD codes an area covers: itself, a force's LADs, or a partnership's (a drawn partnership: the LADs its cells fall in). */
export async function ladsOfArea(db: Queryable, area: string): Promise<Set<string>> {
  const [kind, id] = area.split(':') as [string, string];
  const rows =
    kind === 'lad'
      ? await db.query<{ code: string }>(`select code from areas where level = 'lad' and code = $1`, [id])
      : kind === 'pfa'
        ? await db.query<{ code: string }>(`select code from areas where level = 'lad' and parent_code = $1`, [id])
        : kind === 'cells'
          ? await db.query<{ code: string }>(
              `select distinct lad_code as code from area_cells where h3 = any($1::text[]) and lad_code is not null`,
              [id.split(',')],
            )
          : await db.query<{ code: string }>(
              `select lad_code as code from partnership_lads where partnership_id = $1::int
             union select distinct c.lad_code from partnership_cells p join area_cells c on c.res = p.res and c.h3 = p.h3 where p.partnership_id = $1::int and p.res = 7`,
              [id],
            );
  return new Set(rows.map((r) => r.code));
}

function coverSql(area: Exclude<AreaSelector, CellListArea>, res: 7 | 8 | 9): string {
  return area.kind === 'partnership'
    ? partnershipCellsSql(res, '$2')
    : `(select h3 from area_cells where res = $1 and in_cover and ${area.kind}_code = $2)`;
}

/** A list of cells at a resolution as fine or finer than theirs: the cells themselves or their children. */
export function cellListCover(area: CellListArea, res: number): string[] {
  if (res < area.res)
    throw new RangeError(`a list of resolution-${area.res} cells cannot be analysed at resolution ${res}`);
  return res === area.res ? area.cells : area.cells.flatMap((h) => cellToChildren(h, res)).sort();
}

/**
 * An area's H3 cover at a stored resolution (7-9): the cells whose centre lies in it. This is
 * the study region of area statistics, zero-count cells included.
 */
export async function areaCover(db: Queryable, area: AreaSelector, res: 7 | 8 | 9): Promise<string[]> {
  if (area.kind === 'cells') return cellListCover(area, res);
  return cachedCover(db, 'cover', area, res, async () => {
    const rows = await db.query<{ h3: string }>(
      `select c.h3 from ${coverSql(area, res)} c where $1::int is not null order by c.h3`,
      [res, area.kind === 'partnership' ? area.id : area.code],
    );
    return rows.map((r) => r.h3);
  });
}

/** areaCover as a set, for testing rows against it. */
export async function areaCoverSet(db: Queryable, area: AreaSelector, res: 7 | 8 | 9): Promise<ReadonlySet<string>> {
  if (area.kind === 'cells') return new Set(cellListCover(area, res));
  return cachedCover(db, 'cover-set', area, res, async () => new Set(await areaCover(db, area, res)));
}

/** The study region of area statistics: the area's cover at a resolution, resolution 10 from its resolution-9 parents. */
export async function studyRegion(db: Queryable, area: AreaSelector, res: 7 | 8 | 9 | 10): Promise<string[]> {
  const cover = await areaCover(db, area, res === 10 ? 9 : res);
  return res === 10 ? cover.flatMap((h3) => cellToChildren(h3, 10)) : cover;
}

/**
 * The resolution-10 study region as a set, for testing rows against it: an incident counts at
 * resolution 10 when its resolution-10 cell's parent is in the resolution-9 cover, so every cell
 * counted is a cell of the region (H3 cells do not nest exactly: testing the incident's own
 * resolution-9 cell counted about 7% of Gwent's incidents in resolution-10 cells whose parent
 * is another cell, some outside the region, where Gi* lost them).
 */
export async function studyRegionSet(
  db: Queryable,
  area: Exclude<AreaSelector, CellListArea>,
): Promise<ReadonlySet<string>> {
  return cachedCover(db, 'region-set', area, 10, async () => new Set(await studyRegion(db, area, 10)));
}

/**
 * The resolution-7 cells an incident counted in the area at `res` can lie in (tilesOf): the index
 * key that keeps an area's query to its own part of a dataset holding many forces (migration 009).
 */
export async function areaTiles(db: Queryable, area: AreaSelector, res: 7 | 8 | 9 | 10): Promise<readonly string[]> {
  if (area.kind === 'cells') return tilesOf(cellListCover(area, res), res);
  const coverRes = res === 10 ? 9 : res;
  return cachedCover(db, 'tiles', area, coverRes, async () => tilesOf(await areaCover(db, area, coverRes), coverRes));
}

/**
 * Whether every cell of `inner` lies in `outer`, at every stored resolution an analysis of
 * `inner` can use (a list of cells from its own resolution): what an area-limited grant means.
 * Comparing cells, not local authorities, keeps a grant for a small drawn partnership from
 * opening the authority around it. An area with no cells is inside nothing.
 */
export async function areaWithin(db: Queryable, inner: AreaSelector, outer: AreaSelector): Promise<boolean> {
  let cells = 0;
  for (const res of [7, 8, 9] as const) {
    if (inner.kind === 'cells' && res < inner.res) continue;
    const [cover, outerSet] = await Promise.all([areaCover(db, inner, res), areaCoverSet(db, outer, res)]);
    cells += cover.length;
    if (!cover.every((h3) => outerSet.has(h3))) return false;
  }
  return cells > 0;
}

/** The cover with each cell's residents. */
export async function areaCoverPopulation(
  db: Queryable,
  area: AreaSelector,
  res: 7 | 8 | 9,
): Promise<CellPopulation[]> {
  if (area.kind !== 'cells') return cachedCover(db, 'population', area, res, () => coverPopulation(db, area, res));
  return coverPopulation(db, area, res);
}

async function coverPopulation(db: Queryable, area: AreaSelector, res: 7 | 8 | 9): Promise<CellPopulation[]> {
  const [cover, params] =
    area.kind === 'cells'
      ? ['(select unnest($2::text[]) as h3)', [res, cellListCover(area, res)]]
      : [coverSql(area, res), [res, area.kind === 'partnership' ? area.id : area.code]];
  // One join and group (not a sub-select per cell): a force area at resolution 9 is 20,000 cells.
  return db.query<CellPopulation>(
    `select c.h3, coalesce(sum(p.population), 0)::float8 as population, max(case when p.in_cover then p.lad_code end) as lad
       from ${cover} c left join area_cells p on p.res = $1 and p.h3 = c.h3
      group by c.h3 order by c.h3`,
    params,
  );
}

/**
 * An area's residents (mid-2020): a local authority's ONS total, a force area's authorities',
 * a partnership's as the partnerships list gives it (its authorities', or a drawn one's cover).
 * One small query, for the minimum-population rule of restricted data.
 */
export async function areaResidents(db: Queryable, area: AreaSelector): Promise<number | null> {
  if (area.kind === 'cells') return null;
  let rows: { n: number | null }[];
  if (area.kind === 'partnership')
    rows = await db.query(
      `select case when p.kind = 'lads'
         then (select sum(a.population) from areas a join partnership_lads l on l.lad_code = a.code and l.partnership_id = p.id where a.level = 'lad')
         else (select sum(c.population) from area_cells c join partnership_cells pc on pc.h3 = c.h3 and pc.res = c.res and pc.partnership_id = p.id where c.res = 9)
       end::float8 as n from partnerships p where p.id = $1`,
      [area.id],
    );
  else if (area.kind === 'lad')
    rows = await db.query(`select population::float8 as n from areas where level = 'lad' and code = $1`, [area.code]);
  else
    rows = await db.query(`select sum(population)::float8 as n from areas where level = 'lad' and parent_code = $1`, [
      area.code,
    ]);
  return rows[0]?.n ?? null;
}

/** The ONS residents of some local authorities. */
export async function ladResidents(db: Queryable, lads: readonly string[]): Promise<number> {
  const rows = await db.query<{ n: number | null }>(
    `select sum(population)::float8 as n from areas where level = 'lad' and code = any($1::text[])`,
    [lads],
  );
  return rows[0]?.n ?? 0;
}

/** What an area's residents are: the ONS totals of its local authorities, or its cells' apportioned residents. */
export type PopulationBase = 'ons' | 'cover';

/**
 * An area's residents for rates. An area of whole local authorities (one, a force, a partnership
 * of authorities): the ONS mid-2020 totals of its authorities (areaResidents), the same at every
 * resolution and the base its totals are counted on (each incident in its authority). A drawn
 * partnership or a list of cells: the residents apportioned to its H3 cover at `res`, as its
 * totals are its cells'.
 */
export async function areaPopulation(
  db: Queryable,
  area: AreaSelector,
  res: 7 | 8 | 9,
): Promise<{ residents: number; base: PopulationBase }> {
  const drawn =
    area.kind === 'cells' || (area.kind === 'partnership' && (await partnershipKind(db, area.id)) === 'polygon');
  const ons = drawn ? null : await areaResidents(db, area);
  if (ons !== null) return { residents: ons, base: 'ons' };
  const cover = await areaCoverPopulation(db, area, res);
  return { residents: cover.reduce((a, cell) => a + cell.population, 0), base: 'cover' };
}

/** The one police force area an area lies in (null if it spans several or none). */
export async function forceOfArea(db: Queryable, area: string): Promise<string | null> {
  if (area.startsWith('pfa:')) return area.slice(4);
  const lads = [...(await ladsOfArea(db, area))];
  const rows = await db.query<{ pfa: string }>(
    `select distinct parent_code as pfa from areas where level = 'lad' and code = any($1::text[])`,
    [lads],
  );
  return rows.length === 1 ? rows[0]!.pfa : null;
}

/** Names of the areas of a level by ONS code. */
export async function areaNames(db: Queryable, level: AreaLevel): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; name: string }>('select code, name from areas where level = $1', [level]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The police force area of each local authority (its parent), by ONS code. */
export async function ladForces(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ code: string; pfa: string | null }>(
    `select code, parent_code as pfa from areas where level = 'lad'`,
  );
  return new Map(rows.filter((r) => r.pfa).map((r) => [r.code, r.pfa!]));
}

/** An area's name in English (and Welsh where it has one) and whether it lies in Wales, for report headings. */
export async function areaTitle(
  db: Queryable,
  area: AreaSelector,
): Promise<{ name: string; nameWelsh: string | null; wales: boolean }> {
  if (area.kind === 'cells') {
    const lads = await ladsOfArea(db, `cells:${area.cells.join(',')}`);
    return {
      name: `${area.cells.length} drawn cells`,
      nameWelsh: null,
      wales: lads.size > 0 && [...lads].every((l) => l.startsWith('W')),
    };
  }
  if (area.kind === 'partnership') {
    const [p] = await db.query<{ name: string }>('select name from partnerships where id = $1', [area.id]);
    const lads = await ladsOfArea(db, `partnership:${area.id}`);
    return {
      name: p?.name ?? `partnership ${area.id}`,
      nameWelsh: null,
      wales: lads.size > 0 && [...lads].every((l) => l.startsWith('W')),
    };
  }
  const [a] = await db.query<{ name: string; nameWelsh: string | null }>(
    'select name, name_welsh as "nameWelsh" from areas where level = $1 and code = $2',
    [area.kind, area.code],
  );
  return { name: a?.name ?? area.code, nameWelsh: a?.nameWelsh ?? null, wales: area.code.startsWith('W') };
}
