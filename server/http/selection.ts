import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { PERIOD_KINDS, Period } from '../analysis/periods.js';
import { POLICY, type RoutePolicy } from '../auth/policy.js';
import type { AreaSelector } from '../domain/area.js';
import type { AppEnv } from './env.js';
import { preparePeriods } from './period-selection.js';
import { type Prepared, type PreparedSelection, prepareSelection } from './prepare-selection.js';
import type { Selection } from './selection-params.js';
import { VALIDATES, type ValidatorInfo, validate } from './validate.js';

type PeriodKind = (typeof PERIOD_KINDS)[number];
type SelectionInput = Selection & { public?: boolean };
type PeriodQuery = Omit<Selection, 'from' | 'to'> & { period: PeriodKind };

interface SelectionOptions<Q> {
  /** The area is the path's `:area` (validated before this middleware), not a query field. */
  areaFromPath?: boolean;
  /**
   * The selections to prepare, where a route analyses several (areas compared, police and ED
   * records) or fixes a field: given the query (with the path's area), the selection inputs.
   */
  each?: (q: Q, c: Context<AppEnv>) => Q[];
  /** Names the selection `each` gave at `index` in its refusal ("lad:W06000022: ..."): which area or source was refused. */
  label?: (q: Q, index: number) => string;
  /** A selection over a grid of periods (change, trends): the periods it spans. */
  periods?: (q: Q) => readonly Period[];
}

const ANALYSIS: RoutePolicy = { kind: 'signed-in', datasets: true };

/**
 * The start of every analysis route: sign-in, the query validated, the selection prepared
 * (area, datasets' access, precision, restricted-data rules, query budget) and set on
 * `c.var.selection`. The route's policy says "datasets" only through this middleware, so a
 * route that uses datasets cannot skip the access check.
 */
export function selection<T extends z.ZodType>(schema: T, options: SelectionOptions<z.output<T>> = {}) {
  const check = validate('query', schema);
  type In = {
    in: { query: z.input<T> extends Record<string, unknown> ? { [K in keyof z.input<T>]: string } : never };
    out: { query: z.output<T> };
  };
  const middleware: MiddlewareHandler<AppEnv, string, In> = async (c, next) => {
    if (!c.get('user')) return c.json({ error: 'sign in first' }, 401);
    let refused: Response | undefined;
    const invalid = await check(c as never, async () => {
      const prepared = await prepareAll(c, c.req.valid('query' as never) as z.output<T>, options);
      if (!prepared.ok) {
        refused = c.json(prepared.body, prepared.status);
        return;
      }
      c.set('selections', prepared.value);
      c.set('selection', prepared.value[0]!);
      await next();
    });
    return invalid ?? refused;
  };
  return Object.assign(middleware, {
    [POLICY]: ANALYSIS,
    [VALIDATES]: { target: 'query', schema } satisfies ValidatorInfo,
  });
}

async function prepareAll<Q>(
  c: Context<AppEnv>,
  q: Q,
  options: SelectionOptions<Q>,
): Promise<{ ok: true; value: PreparedSelection[] } | Extract<Prepared, { ok: false }>> {
  const area = options.areaFromPath ? { area: (c.req.valid('param' as never) as { area: AreaSelector }).area } : {};
  const base = { ...q, ...area } as Q;
  const value: PreparedSelection[] = [];
  for (const [index, each] of (options.each ? options.each(base, c) : [base]).entries()) {
    const input = each as unknown as SelectionInput;
    const prepared = options.periods
      ? await preparePeriods(c, input as unknown as PeriodQuery, options.periods(q))
      : await prepareSelection(c, input);
    if (!prepared.ok && options.label)
      return {
        ...prepared,
        body: { ...prepared.body, error: `${options.label(base, index)}: ${prepared.body.error}` },
      };
    if (!prepared.ok) return prepared;
    value.push(prepared.value);
  }
  return { ok: true, value };
}

/**
 * Sign-in before a path parameter is validated, on routes whose selection reads the area from the
 * path: an anonymous request is 401 whatever it asks. (No policy marker: `selection` carries it.)
 */
export const signInFirst: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) return c.json({ error: 'sign in first' }, 401);
  return next();
};
