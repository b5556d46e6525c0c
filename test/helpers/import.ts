import type { Db } from '../../server/db/index.js';
import { importDataset, type ImportRequest } from '../../server/ingest/import.js';
import { expandInputs } from '../../server/ingest/sources.js';

/** Imports paths (files, folders, .gz, .zip) as the CLI does. */
export async function importPaths(db: Db, paths: string[], request: Omit<ImportRequest, 'files'>) {
  return importDataset(db, { ...request, files: await expandInputs(paths) });
}

export async function countRows(
  db: Db,
  sql = 'select count(*)::int as n from incidents',
  params: unknown[] = [],
): Promise<number> {
  return (await db.query<{ n: number }>(sql, params))[0]!.n;
}

export async function groupCounts(db: Db, datasetId: number): Promise<Record<string, number>> {
  const rows = await db.query<{ g: string; n: number }>(
    'select offence_text as g, count(*)::int as n from incidents where dataset_id = $1 group by 1',
    [datasetId],
  );
  return Object.fromEntries(rows.map((r) => [r.g, r.n]));
}
