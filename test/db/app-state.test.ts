import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetGeodataVersion, setState, storedGeodataVersion } from '../../server/db/app-state.js';
import type { Queryable } from '../../server/db/types.js';
import { backends, type TestDb } from '../helpers/databases.js';

describe.each(backends)('stored geography version on $name', (backend) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await backend.open();
  });
  afterEach(async () => t.dispose());

  it('is read once per interval per handle, and afresh once forgotten', async () => {
    let reads = 0;
    const counting: Queryable = { query: async (sql, params) => (reads++, t.db.query(sql, params)) };
    await setState(t.db, 'geodata_version', 'one');
    expect(await storedGeodataVersion(counting)).toBe('one');
    await setState(t.db, 'geodata_version', 'two');
    // Within the interval: the remembered value, and no query.
    expect(await storedGeodataVersion(counting)).toBe('one');
    expect(reads).toBe(1);
    forgetGeodataVersion(counting);
    expect(await storedGeodataVersion(counting)).toBe('two');
    expect(reads).toBe(2);
    // Another handle on the same database has its own memo.
    expect(await storedGeodataVersion(t.db)).toBe('two');
  });
});
