import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backends, sharedDatabase } from '../helpers/databases.js';
import { countRows, importPaths } from '../helpers/import.js';
import { policeUkFile, SHARED } from '../helpers/shared-data.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the ingest CLI on all 36 Gwent months and SIGKILLs it once it has copied rows. */
function killMidImport(env: Record<string, string>): Promise<{ killedAfterRows: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/ingest.ts', '--kind', 'police-uk', '--name', 'Gwent', `${SHARED}police-uk/gwent`],
      {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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
  // Runs the ingest CLI as a child process until it is killed mid-import.
  it('leaves no partial dataset and a database that takes the next import', async () => {
    const shared = await sharedDatabase(backend);
    const { killedAfterRows } = await killMidImport(shared.env);
    expect(killedAfterRows).toBeGreaterThanOrEqual(20_000);

    const { db, close: dispose } = await shared.open();
    try {
      expect(await countRows(db, 'select count(*)::int as n from datasets')).toBe(0);
      expect(await countRows(db)).toBe(0);
      const report = await importPaths(db, [policeUkFile('gwent', '2024-01')], { kind: 'police-uk', name: 'Gwent' });
      expect(await countRows(db)).toBe(report.rowsAccepted);
    } finally {
      await dispose();
    }
  }, 120_000);
});
