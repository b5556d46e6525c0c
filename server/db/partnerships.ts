import type { Queryable, Tx } from './types.js';

export type PartnershipCategory = 'force' | 'lad' | 'vru' | 'custom';

export interface Partnership {
  id: number;
  name: string;
  kind: 'lads' | 'polygon';
  description: string | null;
  category: PartnershipCategory;
  seeded: boolean;
  lads: string[];
  population: number;
}

export interface NewPartnership {
  name: string;
  kind: 'lads' | 'polygon';
  description: string | null;
  category: PartnershipCategory;
  seeded: boolean;
  lads: readonly string[];
  outline: unknown;
  /** Polygon partnerships: their own cover, by resolution. */
  cells?: { res: number; h3: string }[];
}

// Population: LAD partnerships sum their LADs' mid-2020 totals, polygon ones the residents of their cover (res 9).
const SELECT = `
  select p.id, p.name, p.kind, p.description, p.seeded,
         p.category,
         coalesce((select array_agg(lad_code order by lad_code) from partnership_lads l where l.partnership_id = p.id), '{}') as lads,
         coalesce(case when p.kind = 'lads'
           then (select sum(a.population) from areas a join partnership_lads l on l.lad_code = a.code and l.partnership_id = p.id where a.level = 'lad')
           else (select sum(c.population) from area_cells c join partnership_cells pc on pc.h3 = c.h3 and pc.res = c.res and pc.partnership_id = p.id where c.res = 9)
         end, 0)::float8 as population
  from partnerships p`;

export async function listPartnerships(db: Queryable): Promise<Partnership[]> {
  return db.query<Partnership>(`${SELECT} order by p.seeded desc, p.id`);
}

export async function getPartnership(
  db: Queryable,
  id: number,
): Promise<(Partnership & { outline: unknown }) | undefined> {
  return (
    await db.query<Partnership & { outline: unknown }>(
      `select * from (${SELECT}) s cross join lateral (select geometry as outline from partnerships where id = s.id) g where s.id = $1`,
      [id],
    )
  )[0];
}

/** Whether a partnership is a set of local authorities or a drawn polygon (undefined: no such partnership). */
export async function partnershipKind(db: Queryable, id: number): Promise<'lads' | 'polygon' | undefined> {
  return (await db.query<{ kind: 'lads' | 'polygon' }>('select kind from partnerships where id = $1', [id]))[0]?.kind;
}

export async function partnershipOutlines(db: Queryable): Promise<Map<number, unknown>> {
  const rows = await db.query<{ id: number; geometry: unknown }>('select id, geometry from partnerships');
  return new Map(rows.map((r) => [r.id, r.geometry]));
}

export async function insertPartnership(tx: Tx, p: NewPartnership): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into partnerships (name, kind, description, category, geometry, seeded) values ($1, $2, $3, $4, $5, $6) returning id`,
    [p.name, p.kind, p.description, p.category, JSON.stringify(p.outline), p.seeded],
  );
  const id = row!.id;
  if (p.lads.length > 0)
    await tx.query('insert into partnership_lads (partnership_id, lad_code) select $1, unnest($2::text[])', [
      id,
      p.lads,
    ]);
  if (p.cells?.length) {
    for (let i = 0; i < p.cells.length; i += 20_000) {
      const chunk = p.cells.slice(i, i + 20_000);
      await tx.query(
        'insert into partnership_cells (partnership_id, res, h3) select $1, unnest($2::int[]), unnest($3::text[])',
        [id, chunk.map((c) => c.res), chunk.map((c) => c.h3)],
      );
    }
  }
  return id;
}

/**
 * Replaces the seeded partnerships, keeping each one's id when its name is unchanged: user
 * memberships and data ownership ('partnership:<id>') must survive a geodata update.
 */
export async function replaceSeededPartnerships(tx: Tx, seeds: readonly NewPartnership[]): Promise<void> {
  const existing = new Map(
    (await tx.query<{ id: number; name: string }>('select id, name from partnerships where seeded')).map((r) => [
      r.name,
      r.id,
    ]),
  );
  const keep = seeds.filter((s) => existing.has(s.name)).map((s) => existing.get(s.name)!);
  await tx.query('delete from partnerships where seeded and not (id = any($1::int[]))', [keep]);
  for (const seed of seeds) {
    const id = existing.get(seed.name);
    if (id === undefined) {
      await insertPartnership(tx, seed);
      continue;
    }
    await tx.query('update partnerships set kind = $2, description = $3, category = $4, geometry = $5 where id = $1', [
      id,
      seed.kind,
      seed.description,
      seed.category,
      JSON.stringify(seed.outline),
    ]);
    await tx.query('delete from partnership_lads where partnership_id = $1', [id]);
    await tx.query('insert into partnership_lads (partnership_id, lad_code) select $1, unnest($2::text[])', [
      id,
      seed.lads,
    ]);
  }
}

export async function findPartnershipByName(db: Queryable, name: string): Promise<number | undefined> {
  return (await db.query<{ id: number }>('select id from partnerships where name = $1', [name]))[0]?.id;
}

export async function partnershipNameTaken(db: Queryable, name: string): Promise<boolean> {
  return (await db.query('select 1 from partnerships where name = $1', [name])).length > 0;
}

/**
 * Cells (at a resolution) of a partnership: its LADs' cover, or its own polygon cover less the
 * cells the geography holds but puts in no cover (centred in the sea or a tidal river), as every
 * area's cover leaves them out.
 */
export function partnershipCellsSql(res: number, idParam: string): string {
  return `(select c.h3 from area_cells c join partnership_lads l on l.lad_code = c.lad_code where l.partnership_id = ${idParam} and c.res = ${res} and c.in_cover
           union select pc.h3 from partnership_cells pc where pc.partnership_id = ${idParam} and pc.res = ${res}
             and (exists (select 1 from area_cells s where s.res = pc.res and s.h3 = pc.h3 and s.in_cover)
                  or not exists (select 1 from area_cells s where s.res = pc.res and s.h3 = pc.h3)))`;
}

export async function partnershipExists(db: Queryable, id: number): Promise<boolean> {
  return (await db.query('select 1 from partnerships where id = $1', [id])).length > 0;
}
