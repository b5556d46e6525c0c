import type { Flag } from '../domain/flags.js';
import type { Queryable } from './types.js';

export interface Definition {
  id: number;
  partnershipId: number;
  key: string;
  version: number;
  name: string;
  groups: string[];
  excludedGroups: string[];
  flags: Flag[];
  note: string | null;
  createdAt: string;
}

const SELECT = `select id, partnership_id as "partnershipId", key, version, name, groups, excluded_groups as "excludedGroups", flags, note,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt" from definitions`;

export async function listDefinitions(db: Queryable, partnershipId: number): Promise<Definition[]> {
  return db.query<Definition>(`${SELECT} where partnership_id = $1 order by key, version`, [partnershipId]);
}

export async function getDefinition(db: Queryable, id: number): Promise<Definition | undefined> {
  return (await db.query<Definition>(`${SELECT} where id = $1`, [id]))[0];
}

/** Saves a definition as the next version of its key (1 for a new key). */
export async function saveDefinition(
  db: Queryable,
  d: Pick<Definition, 'partnershipId' | 'key' | 'name' | 'groups' | 'excludedGroups' | 'flags' | 'note'> & {
    createdBy: number;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into definitions (partnership_id, key, version, name, groups, excluded_groups, flags, note, created_by)
     values ($1, $2, (select coalesce(max(version), 0) + 1 from definitions where partnership_id = $1 and key = $2), $3, $4, $5, $6, $7, $8)
     returning id`,
    [d.partnershipId, d.key, d.name, d.groups, d.excludedGroups, d.flags, d.note, d.createdBy],
  );
  return row!.id;
}
