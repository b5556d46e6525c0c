import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLocalSettings } from '../../server/db/local-settings.js';
import type { Tx } from '../../server/db/types.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { recordingPlans, type RecordedPlan } from '../helpers/plans.js';
import { policeUkFile } from '../helpers/shared-data.js';

const settingsOf = (q: Pick<Tx, 'query'>) =>
  q
    .query<{ sort: string; jit: string; mem: string }>(
      "select current_setting('enable_sort') as sort, current_setting('jit') as jit, current_setting('work_mem') as mem",
    )
    .then((r) => r[0]!);

// A fresh import's rows have no statistics when its months' counts are rebuilt, so the planner
// guesses a handful of rows and would group them by sorting (on disk for a national month, 3.3 s
// against 2.2 s by hashing). The rebuild sets the plan it needs (refreshCellCounts, with
// withLocalSettings), then puts the transaction's settings back.
describe.each(backends)('the rebuild of pre-aggregated counts on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open();
  }, 120_000);
  afterAll(async () => t?.dispose());

  it('groups a fresh import by hashing and sorts once, in tile order', async () => {
    const plans: RecordedPlan[] = [];
    const report = await importPaths(
      recordingPlans(t.db, plans, (sql) => /^\s*insert into cell_counts/i.test(sql)),
      [policeUkFile('gwent', '2024-01')],
      { kind: 'police-uk', name: 'Gwent' },
    );
    expect(report.rowsAccepted).toBeGreaterThan(5000);
    expect(plans).toHaveLength(1);
    const aggregates = plans[0]!.nodes.filter((n) => n['Node Type'] === 'Aggregate');
    expect(aggregates.map((n) => n.Strategy)).toEqual(['Hashed']);
    const sorts = plans[0]!.nodes.filter((n) => n['Node Type'] === 'Sort');
    expect(sorts).toHaveLength(1);
    expect(sorts[0]!['Sort Key']!.join()).toMatch(/h3_r7.*COLLATE "C"/);
  });

  it('changes settings for its statements only, and puts back what the transaction had, also when they fail', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query("select set_config('jit', 'off', true)");
      const before = await settingsOf(tx);
      const inside = await withLocalSettings(tx, { enable_sort: 'off', jit: 'on', work_mem: '64MB' }, () =>
        settingsOf(tx),
      );
      expect(inside).toEqual({ sort: 'off', jit: 'on', mem: '64MB' });
      expect(await settingsOf(tx)).toEqual(before);
      expect(before).toEqual({ sort: 'on', jit: 'off', mem: '4MB' });
      await expect(
        withLocalSettings(tx, { enable_sort: 'off' }, async () => {
          throw new Error('statement failed');
        }),
      ).rejects.toThrow('statement failed');
      expect(await settingsOf(tx)).toEqual(before);
    });
    // Local to the transaction: the session is as it was.
    expect((await settingsOf(t.db)).jit).toBe('on');
  });
});
