import { z } from 'zod';
import { areaKey, areaParam, type AreaSelector } from '../domain/area.js';
import { areaResolution, ringField, selectionFields, selectionSchema } from './selection-params.js';

/** `min` to `max` named areas (local authorities, partnerships, force areas), comma-separated. */
export function areaList(min: number, max: number) {
  return z
    .string()
    .transform((s, ctx) => {
      const areas: AreaSelector[] = [];
      for (const part of s.split(',')) {
        const parsed = areaParam.safeParse(part);
        if (!parsed.success || parsed.data.kind === 'cells') {
          ctx.addIssue({
            code: 'custom',
            message: `"${part}" is not a named area (lad:CODE, pfa:CODE or partnership:ID)`,
          });
          return z.NEVER;
        }
        areas.push(parsed.data);
      }
      return areas;
    })
    .refine((a) => a.length >= min && a.length <= max, `give ${min} to ${max} areas`);
}

/**
 * A selection over several named areas (compare, cross-border): the shared selection with
 * `areas` instead of `area`, a resolution 7-9 and Gi*'s ring; and the middleware options that
 * prepare one selection per area, each through the access policy on its own (a grant limited to
 * one side does not open the other), a refusal naming the area.
 */
export function areasSelection<K extends z.ZodType = typeof ringField>(
  min: number,
  max: number,
  resolution: '7' | '8' | '9',
  k: K = ringField as unknown as K,
) {
  const { area: _area, res: _res, ...rest } = selectionFields;
  const schema = selectionSchema({ ...rest, areas: areaList(min, max), res: areaResolution(resolution), k });
  type Query = z.output<typeof schema>;
  const options = {
    each: (q: Query) => q.areas.map((area) => ({ ...q, area })),
    label: (q: Query, i: number) => areaKey(q.areas[i])!,
  };
  return { schema, options };
}
