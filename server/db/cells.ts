import type { CellCount } from '../analysis/suppress.js';
import type { Queryable } from './types.js';

export interface CellQuery {
  datasetIds: readonly number[];
  res: 7 | 8 | 9 | 10;
  from: string; // YYYY-MM
  to: string; // YYYY-MM
  groups: readonly string[];
}

/** Incident counts per H3 cell for the selection. */
export async function countByCell(db: Queryable, q: CellQuery): Promise<CellCount[]> {
  const column = `h3_r${q.res}`; // res is one of four literals, checked by the route schema
  return db.query<CellCount>(
    `select ${column} as h3, count(*)::int as count
       from incidents
      where dataset_id = any($1::int[]) and month between $2::date and $3::date and offence_group = any($4::text[])
      group by ${column}
      order by ${column}`,
    [q.datasetIds, `${q.from}-01`, `${q.to}-01`, q.groups],
  );
}
