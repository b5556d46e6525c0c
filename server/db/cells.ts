import type { AreaSelector } from '../routes/area-param.js';
import { partnershipCellsSql } from './partnerships.js';
import type { Queryable } from './types.js';

export interface CellQuery {
  datasetIds: readonly number[];
  res: 7 | 8 | 9 | 10;
  from: string; // YYYY-MM
  to: string; // YYYY-MM
  groups: readonly string[];
  /** Only cells of this area's H3 cover (cells whose centre lies inside it). */
  area?: AreaSelector;
}

export interface CellCountWithPopulation {
  h3: string;
  count: number;
  /** Residents apportioned to the cell, null outside the bundled population area. */
  population: number | null;
}

/**
 * Incident counts per H3 cell for the selection, with each cell's population. Covers are stored
 * at resolutions 7-9; a resolution-10 cell belongs to the area of its resolution-9 parent and
 * has a seventh of its population (see scripts/build-cells.ts).
 */
export async function countByCell(db: Queryable, q: CellQuery): Promise<CellCountWithPopulation[]> {
  const column = `h3_r${q.res}`; // res is one of four literals, checked by the route schema
  const coverRes = Math.min(q.res, 9);
  const coverColumn = `h3_r${coverRes}`;
  const share = q.res === 10 ? '/ 7' : '';
  const params: unknown[] = [q.datasetIds, `${q.from}-01`, `${q.to}-01`, q.groups];
  let areaFilter = '';
  if (q.area) {
    params.push(q.area.kind === 'partnership' ? q.area.id : q.area.code);
    areaFilter =
      q.area.kind === 'partnership'
        ? `and ${coverColumn} in ${partnershipCellsSql(coverRes, '$5')}`
        : `and ${coverColumn} in (select h3 from area_cells where res = ${coverRes} and in_cover and ${q.area.kind}_code = $5)`;
  }
  return db.query<CellCountWithPopulation>(
    `with counts as (
       select ${column} as h3, min(${coverColumn}) as cover, count(*)::int as count
         from incidents
        where dataset_id = any($1::int[]) and month between $2::date and $3::date and offence_group = any($4::text[]) ${areaFilter}
        group by ${column})
     select c.h3, c.count, (select sum(a.population) from area_cells a where a.res = ${coverRes} and a.h3 = c.cover)::float8 ${share} as population
       from counts c
      order by c.h3`,
    params,
  );
}
