import type { Queryable } from './types.js';

/**
 * Names of scopes ('partnership:<id>', 'pcc:<force area code>') for messages a person reads:
 * "Gwent force area", "Gwent PCC". Scopes with no such partnership or force area are left out.
 */
export async function scopeNames(db: Queryable, scopes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(scopes)];
  const partnerships = unique.filter((s) => s.startsWith('partnership:')).map((s) => Number(s.slice(12)));
  const forces = unique.filter((s) => s.startsWith('pcc:')).map((s) => s.slice(4));
  const rows =
    partnerships.length + forces.length === 0
      ? []
      : await db.query<{ scope: string; name: string }>(
          `select 'partnership:' || id as scope, name from partnerships where id = any($1::int[])
     union all select 'pcc:' || code, name || ' PCC' from areas where level = 'pfa' and code = any($2::text[])`,
          [partnerships, forces],
        );
  return new Map(rows.map((r) => [r.scope, r.name]));
}
