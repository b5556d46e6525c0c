import { PRESETS } from '../analysis/definitions.js';
import type { Principal } from './access.js';
import { decideDatasets } from './dataset-access.js';
import { areaExists } from '../db/areas.js';
import { getDatasetsByIds } from '../db/datasets.js';
import { getDefinition } from '../db/definitions.js';
import { partnershipExists } from '../db/partnerships.js';
import { scopeNames } from '../db/scopes.js';
import type { Queryable } from '../db/types.js';
import { areaParam } from '../domain/area.js';

export interface PanelSetup {
  partnershipId: number;
  cadence: 'fortnight' | 'month' | 'quarter';
  selection: { datasets: number[]; area?: string; definition?: string };
}

export type SetupProblem = { status: 400 | 403 | 404; error: string };

/**
 * What would make a panel's first review fail, found when the panel is set up rather than at its
 * first meeting: an unknown area, dataset or definition, a dataset the partnership may not use
 * (every member reviews with the partnership's access), or a fortnightly cadence over data that
 * records months only. Messages say in plain words who can put it right.
 */
export async function panelProblem(db: Queryable, panel: PanelSetup, now: Date): Promise<SetupProblem | null> {
  const area = panel.selection.area ?? `partnership:${panel.partnershipId}`;
  const parsed = areaParam.safeParse(area);
  if (!parsed.success)
    return { status: 400, error: `selection.area: ${parsed.error.issues[0]?.message ?? 'not an area'}` };
  const a = parsed.data;
  const known =
    a.kind === 'cells' ||
    (a.kind === 'partnership' ? await partnershipExists(db, a.id) : await areaExists(db, a.kind, a.code));
  if (!known) return { status: 404, error: `selection.area: no such area ${area}` };

  const ids = [...new Set(panel.selection.datasets)];
  const datasets = await getDatasetsByIds(db, ids);
  const missing = ids.filter((id) => !datasets.some((d) => d.id === id));
  if (missing.length)
    return { status: 404, error: `unknown dataset id${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` };

  const definition = panel.selection.definition;
  if (
    definition?.startsWith('preset:')
      ? !PRESETS.some((p) => `preset:${p.id}` === definition)
      : definition !== undefined && !(await getDefinition(db, Number(definition)))
  )
    return { status: 404, error: `no definition ${definition}` };

  const scope = `partnership:${panel.partnershipId}`;
  const names = await scopeNames(db, [scope]);
  const partnership: Principal = {
    id: 0,
    email: '',
    displayName: names.get(scope) ?? scope,
    role: 'panel',
    scopes: [scope],
  };
  const refused = (await decideDatasets(db, partnership, datasets, area, now)).filter((d) => !d.allowed);
  if (refused.length)
    return {
      status: 403,
      error: `the panel's members (${partnership.displayName}) may not use ${refused.map((d) => `"${d.name}" (dataset ${d.datasetId})${'reason' in d ? `: ${d.reason}` : ''}`).join('; ')}`,
    };

  const monthly = datasets.filter((d) => d.datePrecision === 'month');
  if (panel.cadence === 'fortnight' && monthly.length)
    return {
      status: 400,
      error: `a fortnightly panel needs day-dated data, but ${monthly.map((d) => `"${d.name}"`).join(', ')} record${monthly.length === 1 ? 's' : ''} months only: choose a monthly or quarterly cadence, or other datasets`,
    };
  return null;
}
