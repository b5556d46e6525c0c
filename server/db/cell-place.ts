import type { Queryable } from './types.js';

/** Where a cell lies: the LSOA and local authority holding its centre, and its residents. */
export interface CellPlace {
  lsoaCode: string | null;
  lsoaName: string | null;
  ladCode: string | null;
  ladName: string | null;
  ladNameWelsh: string | null;
  /** Residents (mid-2020) apportioned to the cell; null where the bundled population has none. */
  population: number | null;
}

/**
 * The LSOA and authority of a cell of resolution 7-9 (the row marked in_cover holds its centre)
 * and the residents of all its rows (a cell straddling authorities has one per authority).
 */
export async function cellPlace(db: Queryable, h3: string, res: 7 | 8 | 9): Promise<CellPlace> {
  const [row] = await db.query<CellPlace>(
    `select max(case when c.in_cover then c.lsoa_code end) as "lsoaCode",
            max(case when c.in_cover then l.name end) as "lsoaName",
            max(case when c.in_cover then c.lad_code end) as "ladCode",
            max(case when c.in_cover then d.name end) as "ladName",
            max(case when c.in_cover then d.name_welsh end) as "ladNameWelsh",
            sum(c.population)::float8 as population
       from area_cells c
       left join areas l on l.level = 'lsoa' and l.code = c.lsoa_code
       left join areas d on d.level = 'lad' and d.code = c.lad_code
      where c.res = $1 and c.h3 = $2`,
    [res, h3],
  );
  return row ?? { lsoaCode: null, lsoaName: null, ladCode: null, ladName: null, ladNameWelsh: null, population: null };
}
