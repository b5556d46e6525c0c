import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countByCell, countByCellAndPeriod, countSource, countTotal, type CellQuery } from '../../server/db/cells.js';
import { deleteDataset } from '../../server/db/datasets.js';
import { expandGroups, OFFENCE_GROUPS } from '../../server/domain/offence-groups.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

const GRAIN = 'dataset_id, month, offence_group, knife, domestic_abuse, alcohol, h3_r7, h3_r8, h3_r9';
/** Rows where the pre-aggregated counts and a fresh grouping of the incidents differ (both ways). */
const DIFFERENCES = `
  (select ${GRAIN}, count(*)::int as n, sum(record_key)::bigint as key_sum from incidents group by ${GRAIN}
   except select ${GRAIN}, n, key_sum from cell_counts)
  union all
  (select ${GRAIN}, n, key_sum from cell_counts
   except select ${GRAIN}, count(*)::int, sum(record_key)::bigint from incidents group by ${GRAIN})`;

const tmp = mkdtempSync(join(tmpdir(), 'hotspot-cell-counts-'));
const POLICE_HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';

describe.each(backends)('pre-aggregated cell counts on $name', (backend) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await backend.open();
  });
  afterEach(async () => t.dispose());
  const differences = async () => t.db.query(DIFFERENCES);

  it('match the incidents exactly after imports, a republished month and a deleted dataset', async () => {
    const [jan, feb] = [policeUkFile('gwent', '2024-01'), policeUkFile('gwent', '2024-02')];
    const first = await importPaths(t.db, [jan, feb], { kind: 'police-uk', name: 'Gwent' });
    const { n, rows } = (
      await t.db.query<{ n: number; rows: number }>('select sum(n)::int as n, count(*)::int as rows from cell_counts')
    )[0]!;
    expect(n).toBe(first.rowsAccepted);
    // Fewer rows than incidents: that is the point of them.
    expect(rows).toBeLessThan(first.rowsAccepted * 0.75);
    expect(await differences()).toEqual([]);
    await importPaths(t.db, [jan], { kind: 'police-uk', name: 'Gwent' });
    expect(await differences()).toEqual([]);
    expect((await t.db.query<{ n: number }>('select sum(n)::int as n from cell_counts'))[0]!.n).toBe(
      first.rowsAccepted,
    );
    await deleteDataset(t.db, first.datasetId);
    expect(await t.db.query('select 1 from cell_counts')).toEqual([]);
  });

  it('follow records re-supplied by id into another month, with their flags', async () => {
    const write = (name: string, lines: string[]) => {
      const p = join(tmp, `${name}-${backend.name}.csv`);
      writeFileSync(p, lines.join('\n') + '\n');
      return p;
    };
    const mapping = resolveMapping('local-police');
    await importPaths(
      t.db,
      [
        write('a', [
          POLICE_HEADER,
          'GW/1,2024-03-01,21:05,51.588311,-2.997664,Assault occasioning actual bodily harm,Y,N,Y,Gwent Police',
          'GW/2,2024-03-02,14:00,51.588311,-2.997664,Possession of article with blade or point,N,Y,N,Gwent Police',
          'GW/3,2024-04-02,14:00,51.60,-2.98,Common assault,N,N,N,Gwent Police',
        ]),
      ],
      { kind: 'incidents', name: 'Local', mapping },
    );
    expect(await differences()).toEqual([]);
    // GW/2 is corrected and moved to April: March loses it, April gains it.
    await importPaths(
      t.db,
      [
        write('b', [
          POLICE_HEADER,
          'GW/2,2024-04-03,14:00,51.588311,-2.997664,Possession of offensive weapon,N,N,N,Gwent Police',
        ]),
      ],
      { kind: 'incidents', name: 'Local', mapping },
    );
    expect(await differences()).toEqual([]);
    expect(
      await t.db.query(
        `select to_char(month, 'YYYY-MM') as month, sum(n)::int as n from cell_counts group by 1 order by 1`,
      ),
    ).toEqual([
      { month: '2024-03', n: 1 },
      { month: '2024-04', n: 2 },
    ]);
  });

  it('answer whole-month selections as the incidents do, and leave the rest to the incidents', async () => {
    const months = ['2023-11', '2023-12', '2024-01'];
    const { datasetId } = await importPaths(
      t.db,
      months.map((m) => policeUkFile('gwent', m)),
      { kind: 'police-uk', name: 'Gwent' },
    );
    const violence = expandGroups(['violence-sexual']);
    const q: CellQuery = { datasetIds: [datasetId], res: 8, from: '2023-11', to: '2024-01', groups: violence };
    expect(countSource(q).table).toBe('cell_counts');
    for (const [label, query] of [
      ['r8', q],
      ['r7', { ...q, res: 7 }],
      ['r9, all groups', { ...q, res: 9, groups: expandGroups(OFFENCE_GROUPS.map((g) => g.id)) }],
    ] as const) {
      const raw = await t.db.query<{ h3: string; count: number; key: number }>(
        `select h3_r${query.res} as h3, count(*)::int as count, (sum(record_key) % 256)::int as key from incidents
          where dataset_id = $1 and month between '2023-11-01' and '2024-01-01' and offence_group = any($2::text[]) group by 1 order by 1`,
        [datasetId, query.groups],
      );
      const counted = (await countByCell(t.db, query)).map(({ h3, count, key }) => ({ h3, count, key }));
      expect(counted, label).toEqual(raw);
      expect(raw.length, label).toBeGreaterThan(50);
    }
    const total = await countTotal(t.db, q);
    expect(total.count).toBe(
      (
        await t.db.query<{ n: number }>(
          `select count(*)::int as n from incidents where offence_group = any($1::text[])`,
          [violence],
        )
      )[0]!.n,
    );
    const byPeriod = await countByCellAndPeriod(
      t.db,
      q,
      months.map((m) => ({ from: `${m}-01`, to: `${m}-01` })),
    );
    expect(byPeriod.reduce((a, r) => a + r.count, 0)).toBe(total.count);
    // A selection the counts do not keep goes to the incidents.
    expect(countSource({ ...q, res: 10 }).table).toBe('incidents');
    expect(countSource({ ...q, from: '2023-11-01', to: '2024-01-31' }).table).toBe('incidents');
    expect(countSource({ ...q, hours: [22, 23] }).table).toBe('incidents');
    expect(countSource({ ...q, settings: ['street'] }).table).toBe('incidents');
    expect(countSource({ ...q, flags: ['knife'] }).table).toBe('cell_counts');
  });
});
