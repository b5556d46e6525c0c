import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/index.js';
import { backends } from '../helpers/databases.js';
import { countRows, importPaths } from '../helpers/import.js';
import { policeUkFile, SHARED } from '../helpers/shared-data.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the ingest CLI on all 36 Gwent months and SIGKILLs it once it has copied rows. */
function killMidImport(env: Record<string, string>): Promise<{ killedAfterRows: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--kind', 'police-uk', '--name', 'Gwent', `${SHARED}police-uk/gwent`], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killedAfterRows = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      const m = /files, ([\d,]+) rows/.exec(chunk.toString());
      const rows = m ? Number(m[1]!.replace(/,/g, '')) : 0;
      if (rows >= 20_000 && !killedAfterRows) {
        killedAfterRows = rows;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killedAfterRows });
      else reject(new Error(`ingest finished (code ${code}) before it could be killed`));
    });
  });
}

describe.each(backends)('an import killed mid-way on $name', (backend) => {
  it('leaves no partial dataset and a database that takes the next import', async () => {
    let env: Record<string, string>;
    let reopen: () => Promise<{ db: Db; dispose(): Promise<void> }>;
    if (backend.name === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'hotspot-kill-'));
      env = { HOTSPOT_DATA_DIR: dataDir };
      // Create and migrate the database first, as a server would have.
      await (await openDatabase({ dataDir })).db.close();
      reopen = async () => {
        const { db } = await openDatabase({ dataDir });
        return { db, dispose: () => db.close() };
      };
    } else {
      const t = await backend.open();
      env = t.env;
      reopen = async () => t;
    }
    const { killedAfterRows } = await killMidImport(env);
    expect(killedAfterRows).toBeGreaterThanOrEqual(20_000);

    const { db, dispose } = await reopen();
    try {
      expect(await countRows(db, 'select count(*)::int as n from datasets')).toBe(0);
      expect(await countRows(db)).toBe(0);
      const report = await importPaths(db, [policeUkFile('gwent', '2024-01')], { kind: 'police-uk', name: 'Gwent' });
      expect(await countRows(db)).toBe(report.rowsAccepted);
    } finally {
      await dispose();
    }
  });
});
