import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';

/** zod validation whose failure is a 400 naming each bad parameter. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.') || target}: ${i.message}`).join('; ');
      return c.json({ error: `invalid ${target}: ${issues}` }, 400);
    }
  });
}
