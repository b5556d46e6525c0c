import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';

export const VALIDATES = Symbol('validates');

/** What a validator checks, kept on the middleware so the OpenAPI description is read from the routes themselves. */
export interface ValidatorInfo {
  target: keyof ValidationTargets;
  schema: ZodType;
}

/** zod validation whose failure is a 400 naming each bad parameter. */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  const middleware = zValidator(target, schema, (result, c) => {
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.') || target}: ${i.message}`).join('; ');
      return c.json({ error: `invalid ${target}: ${issues}` }, 400);
    }
  });
  return Object.assign(middleware, { [VALIDATES]: { target, schema } satisfies ValidatorInfo });
}

export function validatorOf(handler: unknown): ValidatorInfo | undefined {
  return (handler as { [VALIDATES]?: ValidatorInfo } | null)?.[VALIDATES];
}
