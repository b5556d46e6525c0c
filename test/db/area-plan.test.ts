import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countByCell, countTotal, type CellQuery } from '../../server/db/cells.js';
import type { Db } from '../../server/db/types.js';
import { expandGroups } from '../../server/domain/offence-groups.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { recordingPlans, type RecordedPlan } from '../helpers/plans.js';
import { policeUkFile } from '../helpers/shared-data.js';

/** Area queries (the selects, not the settings before them), as planned in their transaction. */
const areaQueries = (sql: string) => /^\s*select\b/i.test(sql) && !sql.includes('set_config');

/**
 * The database as the planner sees a national dataset: parallel plans cost nothing to start and
 * any index is big enough for workers, set first in each transaction (the code's settings follow).
 */
function favouringParallelPlans(db: Db): Db {
  const spy = Object.create(db) as Db;
  spy.transaction = (run) =>
    db.transaction(async (tx) => {
      await tx.query(
        "select set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true), set_config('min_parallel_index_scan_size', '0', true), set_config('min_parallel_table_scan_size', '0', true)",
      );
      return run(tx);
    });
  return spy;
}

// The planner's estimates cannot be trusted for an area's tiles (other datasets' rows in the
// same cells make them look common; the cover's cells are guessed at 200), so area queries run
// with the plan their shape needs (withAreaPlan in server/db/cells.ts). Here the area is every
// tile the dataset has, so by the statistics a sequential scan is the cheapest plan.
describe.each(backends)('area query plans on $name', (backend) => {
  let t: TestDb;
  let q: CellQuery;
  beforeAll(async () => {
    t = await backend.open();
    const { datasetId } = await importPaths(
      t.db,
      ['2024-01', '2024-02', '2024-03'].map((m) => policeUkFile('gwent', m)),
      { kind: 'police-uk', name: 'Gwent' },
    );
    await t.db.query('analyze cell_counts');
    const tiles = await t.db.query<{ h3: string }>('select distinct h3_r7 as h3 from cell_counts order by 1');
    q = {
      datasetIds: [datasetId],
      res: 9,
      from: '2024-01',
      to: '2024-03',
      groups: expandGroups(['violence-sexual']),
      area: { kind: 'cells', res: 7, cells: tiles.map((r) => r.h3) },
    };
  }, 120_000);
  afterAll(async () => t?.dispose());

  it('read the counts of an area by an index, not by scanning the table', async () => {
    const plans: RecordedPlan[] = [];
    const cells = await countByCell(recordingPlans(t.db, plans, areaQueries), q);
    expect(cells.length).toBeGreaterThan(500);
    expect(plans).toHaveLength(1);
    const scans = plans[0]!.nodes.filter((n) => n['Relation Name'] === 'cell_counts');
    // By the tile index (the only index of the counts, migration 010), one scan.
    expect(scans.map((n) => n['Node Type'])).toEqual(['Index Scan']);
    expect(scans[0]!['Index Name']).toBe('cell_counts_tile');
  });

  it('test an area total against its cover by hashing, not by a loop over the cover per row', async () => {
    const plans: RecordedPlan[] = [];
    const total = await countTotal(recordingPlans(t.db, plans, areaQueries), q);
    expect(total.count).toBe((await countByCell(t.db, q)).reduce((a, c) => a + c.count, 0));
    expect(plans).toHaveLength(1);
    const types = plans[0]!.nodes.map((n) => n['Node Type']);
    expect(types).not.toContain('Nested Loop');
    expect(types).not.toContain('Seq Scan');
    expect(types).toContain('Hash Join');
  });

  // A parallel index scan cannot take the tiles as an index condition: for the whole of Wales on
  // a national year it read the whole dataset and filtered (5.9 s instead of 0.11 s).
  it('bound an area by its tiles in the index, with no parallel scan, where the planner would favour one', async () => {
    const plans: RecordedPlan[] = [];
    // A tenth of the dataset's tiles, as one force is of a national dataset.
    const cells = q.area!.kind === 'cells' ? q.area!.cells : [];
    const part: CellQuery = {
      ...q,
      area: { kind: 'cells', res: 7, cells: cells.slice(0, Math.ceil(cells.length / 10)) },
    };
    expect((await countByCell(t.db, part)).length).toBeGreaterThan(20);
    await countByCell(recordingPlans(favouringParallelPlans(t.db), plans, areaQueries), part);
    expect(plans).toHaveLength(1);
    const scans = plans[0]!.nodes.filter((n) => n['Relation Name'] === 'cell_counts');
    expect(scans).toHaveLength(1);
    expect(scans[0]!['Parallel Aware']).toBe(false);
    expect(scans[0]!['Index Cond']).toMatch(/h3_r7 = ANY/);
    expect(plans[0]!.nodes.map((n) => n['Node Type'])).not.toContain('Gather Merge');
  });
});
