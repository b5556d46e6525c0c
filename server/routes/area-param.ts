import { z } from 'zod';

/** `lad:W06000022`, `pfa:W15000002`, `partnership:12` */
export const areaParam = z
  .string()
  .regex(/^(lad|pfa):[EW]\d{8}$|^partnership:\d+$/, 'expected lad:CODE, pfa:CODE or partnership:ID')
  .transform((s) => {
    const [kind, id] = s.split(':') as ['lad' | 'pfa' | 'partnership', string];
    return kind === 'partnership' ? { kind, id: Number(id) } : { kind, code: id };
  });

export type AreaSelector = z.infer<typeof areaParam>;
