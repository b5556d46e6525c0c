import { z } from 'zod';
import { areaExists } from '../db/areas.js';
import { partnershipExists } from '../db/partnerships.js';
import type { Queryable } from '../db/types.js';

/** 'partnership:<id>' or 'pcc:<force area code>': what users belong to and data is owned by or granted to. */
export const scopeParam = z
  .string()
  .regex(/^(partnership:[0-9]+|pcc:[EW][0-9]{8})$/, 'expected partnership:ID or pcc:FORCE_AREA_CODE');

/** Scopes that name no partnership or force area. */
export async function unknownScopes(db: Queryable, scopes: readonly string[]): Promise<string[]> {
  const unknown: string[] = [];
  for (const scope of scopes) {
    const [kind, id] = scope.split(':') as [string, string];
    const exists = kind === 'pcc' ? await areaExists(db, 'pfa', id) : await partnershipExists(db, Number(id));
    if (!exists) unknown.push(scope);
  }
  return unknown;
}
