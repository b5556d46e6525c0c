import type { Context } from 'hono';
import { periodGridProblem, precisionProblem, restrictedAreaProblem } from '../analysis/selection-rules.js';
import { areaResidents } from '../db/areas.js';
import { effectiveThreshold } from '../analysis/suppress.js';
import { publicThreshold } from '../analysis/public-summary.js';
import { audit } from '../auth/audit.js';
import { hasAuditedSince, restrictedQueriesSince, utcDay } from '../db/audit.js';
import { datasetAccess } from '../auth/dataset-access.js';
import { areaKey } from '../domain/area.js';
import type { Dataset } from '../db/datasets.js';
import { partnershipExists } from '../db/partnerships.js';
import { expandGroups, OFFENCE_GROUPS } from '../domain/offence-groups.js';
import { definitionGroups, PRESETS } from '../analysis/definitions.js';
import { getDefinition } from '../db/definitions.js';
import type { AppEnv } from './env.js';
import type { PreparedSelection } from '../services/selection.js';

export type { PreparedSelection };
import type { Selection } from './selection-params.js';

export type Prepared =
  | { ok: true; value: PreparedSelection }
  | {
      ok: false;
      status: 400 | 403 | 404 | 422 | 429;
      body: { error: string; refused?: { id: number; name: string; reason: string }[]; resetsAt?: string };
    };

/**
 * What every analysis route does before computing: the area exists, the access policy allows each
 * dataset for the area, and the datasets' date precision supports the filters asked for.
 */
export async function prepareSelection(c: Context<AppEnv>, s: Selection & { public?: boolean }): Promise<Prepared> {
  const db = c.get('db');
  if (s.area?.kind === 'partnership' && !(await partnershipExists(db, s.area.id)))
    return { ok: false, status: 404, body: { error: `no partnership ${s.area.id}` } };
  if (s.area?.kind === 'cells' && s.res < s.area.res)
    return {
      ok: false,
      status: 400,
      body: {
        error: `a list of resolution-${s.area.res} cells can be analysed at resolution ${s.area.res} or finer (asked for ${s.res})`,
      },
    };
  const echo = { ...s, area: areaKey(s.area) };
  const access = await datasetAccess(c, s.datasets, areaKey(s.area), echo);
  if (!access.ok) return { ok: false, ...access.refusal };
  const problem = precisionProblem(access.datasets, {
    days: s.from.length === 10,
    weekdays: !!s.weekdays?.length,
    hours: !!s.hours?.length,
  });
  if (problem) return { ok: false, status: 400, body: { error: problem } };
  // A public summary holds restricted counts to a higher threshold than the datasets' own.
  const threshold = s.public
    ? publicThreshold(effectiveThreshold(access.datasets))
    : effectiveThreshold(access.datasets);
  const gridProblem = threshold === null ? null : periodGridProblem(s.from, s.to);
  if (gridProblem) return { ok: false, status: 400, body: { error: gridProblem } };
  if (threshold !== null && s.area) {
    const residents = await areaResidents(db, s.area);
    const areaProblem = restrictedAreaProblem(s.area, residents);
    if (areaProblem) return { ok: false, status: 422, body: { error: areaProblem } };
  }
  const spent = threshold === null ? null : await budgetSpent(c, access.datasets);
  if (spent) return spent;
  let groups = expandGroups(s.groups ?? OFFENCE_GROUPS.map((g) => g.id));
  let flags = s.flags;
  let definition: PreparedSelection['definition'] = null;
  if (s.definition) {
    const rule = s.definition.startsWith('preset:')
      ? PRESETS.find((p) => p.id === s.definition!.slice(7))
      : await getDefinition(db, Number(s.definition));
    if (!rule)
      return {
        ok: false,
        status: 404,
        body: { error: `no definition ${s.definition} (presets: ${PRESETS.map((p) => `preset:${p.id}`).join(', ')})` },
      };
    groups = definitionGroups(rule, expandGroups);
    flags = [...rule.flags];
    definition = { id: 'key' in rule ? rule.id : `preset:${rule.id}`, name: rule.name, version: rule.version };
  }
  return {
    ok: true,
    value: {
      datasets: access.datasets,
      threshold,
      echo: { ...echo, definition },
      definition,
      public: !!s.public,
      query: {
        datasetIds: s.datasets,
        res: s.res,
        from: s.from,
        to: s.to,
        groups,
        flags,
        weekdays: s.weekdays,
        hours: s.hours,
        area: s.area,
      },
    },
  };
}

/**
 * A refusal when the user has made the day's budget of distinct restricted queries of one of the
 * datasets (429 with the time it resets), or null. The refusal is audited.
 */
async function budgetSpent(
  c: Context<AppEnv>,
  datasets: readonly Dataset[],
): Promise<Extract<Prepared, { ok: false }> | null> {
  const settings = c.get('auth');
  const { start, next } = utcDay(settings.now());
  const restricted = datasets.filter((d) => d.sensitivity === 'restricted');
  const used = await restrictedQueriesSince(
    c.get('db'),
    c.get('user')!.id,
    restricted.map((d) => d.id),
    start,
  );
  const spent = restricted.filter((d) => (used.get(d.id) ?? 0) >= settings.dailyRestrictedQueries);
  if (spent.length === 0) return null;
  await audit(c, {
    action: 'access',
    outcome: 'refused',
    target: `${c.req.method} ${c.req.path}`,
    datasets: spent.map((d) => ({ id: d.id, name: d.name })),
    summary: { reason: 'daily restricted query budget spent', budget: settings.dailyRestrictedQueries },
  });
  c.header('Retry-After', String(Math.ceil((next.getTime() - settings.now().getTime()) / 1000)));
  return {
    ok: false,
    status: 429,
    body: {
      error: `you have made today's ${settings.dailyRestrictedQueries.toLocaleString('en-GB')} different queries of ${spent.map((d) => `"${d.name}"`).join(', ')}; the budget resets at ${next.toISOString()} (queries asked again the same day do not count)`,
      resetsAt: next.toISOString(),
    },
  };
}

/** Audits an analysis that used restricted data (public-only analyses are not logged): its selection and a summary. */
export async function auditRestrictedAnalysis(
  c: Context<AppEnv>,
  p: PreparedSelection,
  action: string,
  summaryOf: Record<string, unknown> | (() => Record<string, unknown>),
): Promise<void> {
  if (p.threshold === null) return;
  // One row per distinct query and user and day: asking again is not a new query (nor a new use of the budget).
  if (
    await hasAuditedSince(
      c.get('db'),
      { userId: c.get('user')!.id, action: `analysis.${action}`, selection: p.echo },
      utcDay(c.get('auth').now()).start,
    )
  )
    return;
  // A function, where the summary counts a large result: public requests never pay for it.
  const summary = typeof summaryOf === 'function' ? summaryOf() : summaryOf;
  await audit(c, {
    action: `analysis.${action}`,
    target: `${c.req.method} ${c.req.path}`,
    datasets: p.datasets.map((d) => ({ id: d.id, name: d.name })),
    selection: p.echo,
    summary: { ...summary, threshold: p.threshold },
  });
}
