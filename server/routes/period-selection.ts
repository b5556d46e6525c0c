import type { Context } from 'hono';
import { z } from 'zod';
import { needsDays, PERIOD_KINDS, type Period } from '../analysis/periods.js';
import { releaseCells } from '../analysis/suppress.js';
import { countByCellAndPeriod } from '../db/cells.js';
import type { AppEnv } from './env.js';
import { prepareSelection, type Prepared, type PreparedSelection } from './prepare-selection.js';
import { selectionFields, type Selection } from './selection.js';

const { from: _from, to: _to, ...withoutPeriod } = selectionFields;

/** A selection over a grid of periods instead of one from/to: the period kind and the date it is as of. */
export const periodSelectionFields = {
  ...withoutPeriod,
  period: z.enum(PERIOD_KINDS as [string, ...string[]]).default('month').transform((p) => p as (typeof PERIOD_KINDS)[number]),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD (e.g. the panel meeting date)'),
};

export function periodSelectionSchema<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape).refine((q) => !((q as { definition?: string }).definition && ((q as { groups?: unknown }).groups || (q as { flags?: unknown }).flags)), {
    message: 'give either a definition or groups and flags, not both',
    path: ['definition'],
  });
}

/** One cell's count in one period, as counted (true) and as released. */
export interface PeriodCounts {
  /** True counts per period, cell by cell (never sent for restricted data). */
  counts: Map<string, number>[];
  /** Cell keys, for releasing sums over periods. */
  keys: Map<string, number>[];
  /** Released counts per period (restricted: perturbed, withheld, with secondary suppression). */
  released: Map<string, number | null>[];
}

/**
 * Prepares a selection spanning the periods (access, precision, the restricted-data grid) and
 * counts each cell in each period in one query.
 */
export async function countOverPeriods(
  c: Context<AppEnv>,
  q: Omit<Selection, 'from' | 'to'> & { period: (typeof PERIOD_KINDS)[number] },
  periods: readonly Period[],
): Promise<{ ok: true; prepared: PreparedSelection; data: PeriodCounts } | (Prepared & { ok: false })> {
  const days = needsDays(q.period);
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
  const span = days ? { from: sorted[0]!.from, to: sorted.at(-1)!.to } : { from: sorted[0]!.from.slice(0, 7), to: sorted.at(-1)!.to.slice(0, 7) };
  const prepared = await prepareSelection(c, { ...q, ...span } as Selection);
  if (!prepared.ok) {
    if (prepared.status === 400 && days && /precision/.test(prepared.body.error))
      return { ...prepared, body: { error: `fortnights need day-dated data (such as a local police extract or ED data): ${prepared.body.error}` } };
    return prepared;
  }
  const rows = await countByCellAndPeriod(c.get('db'), { ...prepared.value.query, ...span }, periods);
  const counts = periods.map(() => new Map<string, number>());
  const keys = periods.map(() => new Map<string, number>());
  for (const r of rows) {
    counts[r.period]!.set(r.h3, r.count);
    keys[r.period]!.set(r.h3, r.key);
  }
  const threshold = prepared.value.threshold;
  const released = periods.map((_, i) =>
    new Map(releaseCells([...counts[i]!].map(([h3, count]) => ({ h3, count, key: keys[i]!.get(h3)! })), threshold).map((cell) => [cell.h3, cell.count])),
  );
  return { ok: true, prepared: prepared.value, data: { counts, keys, released } };
}
