import { api, okJson } from '../api';
import { download } from '../map/printPng';
import { proximityCsv } from './proximityCsv';
import type { ProximityBody, ProximityQuery } from './proximityTypes';

/**
 * Records the export on the server (every export is audited) and then offers the CSV, made from the
 * answer already on screen: nothing leaves the browser that the server has not released to it.
 */
export async function exportProximityCsv(body: ProximityBody, query: ProximityQuery): Promise<void> {
  const view = `proximity ${new URLSearchParams(query as Record<string, string>).toString()}`;
  await okJson(api.api.exports.$post({ json: { format: 'proximity.csv', view: view.slice(0, 2000) } }));
  const name = `proximity-${body.type}-${body.area.replace(':', '-')}-${body.from}-${body.to}.csv`;
  download(new Blob([proximityCsv(body)], { type: 'text/csv;charset=utf-8' }), name);
}
