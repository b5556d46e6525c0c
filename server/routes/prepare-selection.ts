import type { Context } from 'hono';
import { precisionProblem } from '../analysis/selection-rules.js';
import { effectiveThreshold } from '../analysis/suppress.js';
import { areaKey, datasetAccess } from '../auth/dataset-access.js';
import type { CellQuery } from '../db/cells.js';
import type { Dataset } from '../db/datasets.js';
import { partnershipExists } from '../db/partnerships.js';
import { expandGroups, OFFENCE_GROUPS } from '../ingest/offence-groups.js';
import type { AppEnv } from './env.js';
import type { Selection } from './selection.js';

export interface PreparedSelection {
  datasets: Dataset[];
  /** What the database is asked (groups expanded to their children). */
  query: CellQuery;
  /** Suppression threshold k, or null when only public data is used. */
  threshold: number | null;
  /** The selection as audited and echoed back. */
  echo: Record<string, unknown>;
}

export type Prepared = { ok: true; value: PreparedSelection } | { ok: false; status: 400 | 403 | 404; body: { error: string; refused?: { id: number; name: string; reason: string }[] } };

/**
 * What every analysis route does before computing: the area exists, the access policy allows each
 * dataset for the area, and the datasets' date precision supports the filters asked for.
 */
export async function prepareSelection(c: Context<AppEnv>, s: Selection): Promise<Prepared> {
  const db = c.get('db');
  if (s.area?.kind === 'partnership' && !(await partnershipExists(db, s.area.id))) return { ok: false, status: 404, body: { error: `no partnership ${s.area.id}` } };
  const echo = { ...s, area: areaKey(s.area) };
  const access = await datasetAccess(c, s.datasets, areaKey(s.area), echo);
  if (!access.ok) return { ok: false, ...access.refusal };
  const problem = precisionProblem(access.datasets, { days: s.from.length === 10, weekdays: !!s.weekdays?.length, hours: !!s.hours?.length });
  if (problem) return { ok: false, status: 400, body: { error: problem } };
  const groups = expandGroups(s.groups ?? OFFENCE_GROUPS.map((g) => g.id));
  return {
    ok: true,
    value: {
      datasets: access.datasets,
      threshold: effectiveThreshold(access.datasets),
      echo,
      query: { datasetIds: s.datasets, res: s.res, from: s.from, to: s.to, groups, flags: s.flags, weekdays: s.weekdays, hours: s.hours, area: s.area },
    },
  };
}
