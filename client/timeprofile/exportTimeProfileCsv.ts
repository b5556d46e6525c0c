import { api, okJson } from '../api';
import type { CellsQuery } from '../cells/analysis';
import { selectionParams } from '../cells/analysis';
import { download } from '../map/printPng';
import type { TimeProfileBody } from './fetchTimeProfile';
import { timeProfileCsv } from './timeProfileCsv';

/**
 * Records the export on the server (every export is audited) and then offers the CSV, made from the
 * profile already on screen: nothing leaves the browser that the server has not released to it.
 */
export async function exportTimeProfileCsv(body: TimeProfileBody, query: CellsQuery): Promise<void> {
  const view = `time-profile ${new URLSearchParams(selectionParams(query)).toString()}`;
  await okJson(api.api.exports.$post({ json: { format: 'time-profile.csv', view: view.slice(0, 2000) } }));
  const area = body.area ?? 'all';
  const csv = timeProfileCsv(body.counts, { area, from: body.from, to: body.to });
  download(
    new Blob([csv], { type: 'text/csv;charset=utf-8' }),
    `time-profile-${area.replace(':', '-')}-${body.from}-${body.to}.csv`,
  );
}
