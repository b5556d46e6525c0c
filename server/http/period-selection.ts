import type { Context } from 'hono';
import { z } from 'zod';
import { needsDays, PERIOD_KINDS, type Period } from '../analysis/periods.js';
import { releasedCellsByPeriod, type ReleasedCells } from '../release/gate.js';
import type { AppEnv } from './env.js';
import { prepareSelection, type Prepared, type PreparedSelection } from './prepare-selection.js';
import { releaseOf } from '../services/selection.js';
import { selectionFields, type Selection } from './selection-params.js';

const { from: _from, to: _to, ...withoutPeriod } = selectionFields;

/** A selection over a grid of periods instead of one from/to: the period kind and the date it is as of. */
export const periodSelectionFields = {
  ...withoutPeriod,
  period: z
    .enum(PERIOD_KINDS as [string, ...string[]])
    .default('month')
    .transform((p) => p as (typeof PERIOD_KINDS)[number]),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD (e.g. the panel meeting date)'),
};

export function periodSelectionSchema<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .refine(
      (q) =>
        !(
          (q as { definition?: string }).definition &&
          ((q as { groups?: unknown }).groups || (q as { flags?: unknown }).flags)
        ),
      {
        message: 'give either a definition or groups and flags, not both',
        path: ['definition'],
      },
    );
}

/**
 * Prepares a selection spanning the periods: access, precision, the restricted-data grid, and
 * (for fortnights) a clear word about day-dated data.
 */
export async function preparePeriods(
  c: Context<AppEnv>,
  q: Omit<Selection, 'from' | 'to'> & { period: (typeof PERIOD_KINDS)[number] },
  periods: readonly Period[],
): Promise<Prepared> {
  const days = needsDays(q.period);
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  const span = days
    ? { from: sorted[0]!.from, to: sorted.at(-1)!.to }
    : { from: sorted[0]!.from.slice(0, 7), to: sorted.at(-1)!.to.slice(0, 7) };
  const prepared = await prepareSelection(c, { ...q, ...span } as Selection);
  if (!prepared.ok && prepared.status === 400 && days && /precision/.test(prepared.body.error))
    return {
      ...prepared,
      body: {
        error: `fortnights need day-dated data (such as a local police extract or ED data): ${prepared.body.error}`,
      },
    };
  return prepared;
}

/** preparePeriods, then each cell's released count in each period (one query, through the release gate). */
export async function countOverPeriods(
  c: Context<AppEnv>,
  q: Omit<Selection, 'from' | 'to'> & { period: (typeof PERIOD_KINDS)[number] },
  periods: readonly Period[],
): Promise<{ ok: true; prepared: PreparedSelection; released: ReleasedCells[] } | (Prepared & { ok: false })> {
  const prepared = await preparePeriods(c, q, periods);
  if (!prepared.ok) return prepared;
  return {
    ok: true,
    prepared: prepared.value,
    released: await releasedCellsByPeriod(c.get('db'), releaseOf(prepared.value), periods),
  };
}
