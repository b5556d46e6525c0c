import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDataset, recordedContent } from '../../server/db/datasets.js';
import type { Queryable } from '../../server/db/types.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';

const tmp = mkdtempSync(join(tmpdir(), 'hotspot-recorded-'));
const HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';

describe.each(backends)('what a dataset records, on $name', (backend) => {
  let t: TestDb;
  const write = (name: string, lines: string[]) => {
    const p = join(tmp, `${name}-${backend.name}.csv`);
    writeFileSync(p, [HEADER, ...lines].join('\n') + '\n');
    return p;
  };
  const importLocal = (file: string) =>
    importPaths(t.db, [file], {
      kind: 'incidents',
      name: 'Local',
      mapping: resolveMapping('local-police'),
      sensitivity: 'restricted',
      basis: 's16',
      ownerScope: 'partnership:1',
    });
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => t?.dispose());

  it('is read once per import of the dataset, and read again after the next', async () => {
    const { datasetId } = await importLocal(
      write('a', ['GW/1,2024-03-01,21:05,51.588311,-2.997664,Common assault,,,,Gwent Police']),
    );
    let queries = 0;
    const counting: Queryable = { query: (sql, params) => (queries++, t.db.query(sql, params)) };
    const first = (await recordedContent(counting, [(await getDataset(t.db, datasetId))!]))[0]!;
    expect([...first.groups]).toEqual(['violence-without-injury']);
    expect([...first.flags].sort()).toEqual(['alcohol', 'domestic-abuse', 'knife']); // the extract's Y/N columns
    expect(queries).toBe(1);
    // Asked again for the same import: no query, and the caller's sets are its own.
    first.groups.add('robbery');
    const again = (await recordedContent(counting, [(await getDataset(t.db, datasetId))!]))[0]!;
    expect(queries).toBe(1);
    expect([...again.groups]).toEqual(['violence-without-injury']);
    // A second import adds a group: a new latest import, read afresh.
    await importLocal(
      write('b', ['GW/2,2024-03-02,14:00,51.588311,-2.997664,Robbery of personal property,N,Y,N,Gwent Police']),
    );
    const after = (await recordedContent(counting, [(await getDataset(t.db, datasetId))!]))[0]!;
    expect(queries).toBe(2);
    expect([...after.groups].sort()).toEqual(['robbery', 'violence-without-injury']);
  });
});
