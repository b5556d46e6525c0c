import type { Queryable } from './types.js';

/**
 * The name of the LSOA holding each resolution-9 cell's centre (the row marked in_cover), by cell;
 * cells outside the bundled LSOAs are absent. One query for any number of cells.
 */
export async function lsoaNamesOfCells(db: Queryable, res9Cells: readonly string[]): Promise<Map<string, string>> {
  if (res9Cells.length === 0) return new Map();
  const rows = await db.query<{ h3: string; name: string }>(
    `select c.h3, l.name from area_cells c join areas l on l.level = 'lsoa' and l.code = c.lsoa_code
      where c.res = 9 and c.in_cover and c.h3 = any($1::text[])`,
    [res9Cells],
  );
  return new Map(rows.map((r) => [r.h3, r.name]));
}
