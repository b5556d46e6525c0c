import { expect } from 'vitest';
import { releaseCount } from '../../server/analysis/suppress.js';
import type { Queryable } from '../../server/db/types.js';

/** True counts and cell keys straight from the incidents table, grouped by a SQL expression. */
export async function trueCountsAndKeys(
  db: Queryable,
  groupBy: string,
  where: string,
  params: unknown[],
): Promise<Map<string, { count: number; key: number }>> {
  const rows = await db.query<{ g: string; count: number; key: number }>(
    `select (${groupBy})::text as g, count(*)::int as count, (sum(record_key) % 256)::int as key from incidents where ${where} group by 1`,
    params,
  );
  return new Map(rows.map((r) => [r.g, { count: r.count, key: r.key }]));
}

/**
 * Checks a released count against its true count and cell key: exactly what primary suppression
 * and perturbation give, or withheld by secondary suppression. Returns whether it was a secondary.
 */
export function checkReleased(
  released: number | null,
  truth: { count: number; key: number },
  k: number,
  label: string,
): boolean {
  const primary = releaseCount(truth.count, truth.key, k);
  if (released === null && primary !== null) return true;
  expect(released, label).toBe(primary);
  return false;
}
