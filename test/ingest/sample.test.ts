import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { adoptUnownedSample, loadSampleOnce, sampleManifest } from '../../server/sample.js';
import { backends } from '../helpers/databases.js';
import { countRows } from '../helpers/import.js';
import { SHARED } from '../helpers/shared-data.js';

const sampleDir = fileURLToPath(new URL('../../geodata/sample/', import.meta.url));

describe('bundled sample', () => {
  it('holds unmodified data.police.uk months: Gwent 24, South Wales and Avon and Somerset 4', () => {
    const expected = { gwent: 24, 'south-wales': 4, 'avon-and-somerset': 4 };
    for (const [force, months] of Object.entries(expected)) {
      const files = readdirSync(`${sampleDir}police-uk/${force}`);
      expect(files).toHaveLength(months);
      for (const file of files) {
        const original = readFileSync(`${SHARED}police-uk/${force}/${file.replace(/\.gz$/, '')}`);
        expect(gunzipSync(readFileSync(`${sampleDir}police-uk/${force}/${file}`)).equals(original)).toBe(true);
      }
    }
  });

  it.each(backends)(
    'loads once per database on $name, synthetic restricted data with no rejected rows',
    async (backend) => {
      // With the geography: the owner of the restricted sample is a seeded partnership.
      const t = await backend.open({ geography: true });
      const db = t.db;
      try {
        const restricted = (await sampleManifest()).filter((e) => e.sensitivity === 'restricted');
        expect(restricted).toHaveLength(2);
        const progress: string[] = [];
        const loaded = await loadSampleOnce(
          db,
          (p) => progress.push(p.dataset),
          (e) => e.sensitivity === 'restricted',
        );
        expect(loaded).toBe(true);
        expect(new Set(progress)).toEqual(new Set(restricted.map((e) => e.name)));
        const datasets = await db.query<{
          name: string;
          sensitivity: string;
          threshold: number;
          rows_rejected: number;
          rows_accepted: number;
          date_precision: string;
          source: string;
        }>(
          'select name, sensitivity, threshold, rows_rejected, rows_accepted, date_precision, basis, owner_scope, source from datasets order by id',
        );
        // Who recorded the events is stated, not guessed from a name: the ED sample is health records.
        expect(datasets.map((d) => d.source)).toEqual(
          restricted.map((e) => (e.mapping === 'istv-ed' ? 'health' : 'police')),
        );
        expect(datasets.map((d) => d.source)).toContain('health');
        const vru = `partnership:${await findPartnershipByName(db, 'Wales Violence Prevention Unit area')}`;
        for (const d of datasets)
          expect(d).toMatchObject({
            sensitivity: 'restricted',
            threshold: 5,
            rows_rejected: 0,
            date_precision: 'datetime',
            basis: 's16',
            owner_scope: vru,
          });
        // A database from before ownership: the sample is adopted by its manifest owner, once.
        await db.query(`update datasets set owner_scope = null, basis = 'dsa'`);
        expect(await adoptUnownedSample(db)).toBe(2);
        expect(await adoptUnownedSample(db)).toBe(0);
        expect(await db.query('select distinct owner_scope, basis from datasets')).toEqual([
          { owner_scope: vru, basis: 's16' },
        ]);
        const lines = (path: string) =>
          gunzipSync(readFileSync(sampleDir + path))
            .toString('utf8')
            .trim()
            .split('\n').length - 1;
        expect(datasets.map((d) => d.rows_accepted)).toEqual(restricted.map((e) => lines(e.paths[0]!)));
        const before = await countRows(db);
        expect(await loadSampleOnce(db, () => undefined)).toBe(false);
        expect(await countRows(db)).toBe(before);
      } finally {
        await t.dispose();
      }
    },
  );
});
