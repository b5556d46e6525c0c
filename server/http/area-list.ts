import { z } from 'zod';
import { areaParam, type AreaSelector } from '../domain/area.js';

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
