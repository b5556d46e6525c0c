import { z } from 'zod';
import { hoursFromRanges } from '../analysis/selection-rules.js';
import { FLAGS, isFlag, type Flag } from '../domain/flags.js';
import { isOffenceGroup, OFFENCE_GROUPS } from '../domain/offence-groups.js';
import { areaParam } from '../domain/area.js';

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected YYYY-MM or YYYY-MM-DD');
export const idList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'expected comma-separated dataset ids')
  .transform((s) => [...new Set(s.split(',').map(Number))]);
export const groupList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .refine((gs) => gs.every(isOffenceGroup), {
    message: `unknown offence group (known: ${OFFENCE_GROUPS.map((g) => g.id).join(', ')})`,
  });

const flagList = z
  .string()
  .transform((s) => [...new Set(s.split(',').filter(Boolean))])
  .refine((fs): fs is Flag[] => fs.every(isFlag), { message: `unknown flag (known: ${FLAGS.join(', ')})` });
/** ISO weekdays, 1 = Monday ... 7 = Sunday. */
const weekdayList = z
  .string()
  .regex(/^[1-7](,[1-7])*$/, 'expected ISO weekdays 1 (Monday) to 7 (Sunday), comma-separated')
  .transform((s) => [...new Set(s.split(',').map(Number))].sort());
/** "22-4,15-17": hour ranges, start inclusive, end exclusive, wrapping midnight. */
const hourRanges = z
  .string()
  .regex(/^(\d{1,2}-\d{1,2})(,\d{1,2}-\d{1,2})*$/, 'expected hour ranges like 22-4 or 15-17')
  .transform((s) => s.split(',').map((r) => r.split('-').map(Number) as [number, number]))
  .refine((rs) => rs.every(([a, b]) => a >= 0 && a < 24 && b >= 0 && b <= 24), 'hours are 0 to 24')
  .transform((rs) => hoursFromRanges(rs.map(([a, b]) => [a, b % 24] as [number, number])));

/**
 * One selection for every analysis route: datasets, offence groups, flags, period (months, or
 * days where the data has them), weekday and hour filters, resolution and area.
 */
export const selectionFields = {
  datasets: idList,
  /** A saved definition (its id) or a national preset (`preset:knife-police`), instead of groups and flags. */
  definition: z
    .string()
    .regex(/^(preset:[a-z-]+|\d+)$/, 'expected a definition id or preset:NAME')
    .optional(),
  groups: groupList.optional(),
  flags: flagList.optional(),
  from: period,
  to: period,
  weekdays: weekdayList.optional(),
  hours: hourRanges.optional(),
  res: z
    .enum(['7', '8', '9', '10'])
    .default('8')
    .transform((r) => Number(r) as 7 | 8 | 9 | 10),
  area: areaParam.optional(),
};

/** The checks every selection gets, whatever extra fields its route adds. */
export function selectionSchema<T extends z.ZodRawShape>(shape: T) {
  type Checked = { from: string; to: string; definition?: string; groups?: unknown; flags?: unknown };
  const fields = (q: unknown) => q as Checked;
  return z
    .object(shape)
    .refine((q) => fields(q).from.length === fields(q).to.length, {
      message: '"from" and "to" must both be months (YYYY-MM) or both days (YYYY-MM-DD)',
      path: ['to'],
    })
    .refine((q) => fields(q).from <= fields(q).to, { message: '"from" is after "to"', path: ['from'] })
    .refine((q) => !(fields(q).definition && (fields(q).groups || fields(q).flags)), {
      message: 'give either a definition or groups and flags, not both',
      path: ['definition'],
    });
}

export const selectionQuery = selectionSchema(selectionFields);

export type Selection = z.infer<typeof selectionQuery>;

/** Gi*'s neighbourhood: the k-ring of H3 neighbours, 1 to 3. */
export const ringField = z.enum(['1', '2', '3']).default('1').transform(Number);

/**
 * Gi*'s neighbourhood for hot spots, change, space-time, summary and compare: 'auto' (the
 * default: the smallest ring giving every cell of the region 8 neighbours) or a ring of 1 to 5.
 */
export const neighbourhoodField = z
  .enum(['auto', '1', '2', '3', '4', '5'])
  .default('auto')
  .transform((k) => (k === 'auto' ? ('auto' as const) : Number(k)));

/** How Gi*'s p-values are found: the normal approximation, or 999 seeded conditional permutations. */
export const inferenceField = z.enum(['normal', 'permutation']).default('normal');

/** A resolution of 7 to 9 with a route's default (areas analysed whole, not the map's finest cells). */
export const areaResolution = (fallback: '7' | '8' | '9') =>
  z
    .enum(['7', '8', '9'])
    .default(fallback)
    .transform((r) => Number(r) as 7 | 8 | 9);
