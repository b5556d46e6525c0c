/**
 * SIGKILLs the real server (server/main.ts) in the middle of a large upload's import, restarts
 * it on the same database and shows nothing of the import exists and the database still works.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestUser } from '../helpers/auth.js';
import { backends, sharedDatabase } from '../helpers/databases.js';
import { countRows } from '../helpers/import.js';
import { SHARED } from '../helpers/shared-data.js';
import { startServer } from '../helpers/server-process.js';

function upload(url: string, token: string, files: string[]): Promise<Response> {
  const body = new FormData();
  body.set('kind', 'police-uk');
  body.set('name', 'Gwent');
  for (const f of files) body.append('files', new Blob([readFileSync(f)]), f.split('/').pop());
  return fetch(`${url}/api/datasets`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
}

describe.each(backends)('the server killed during an import on $name', (backend) => {
  // Starts the real server twice and uploads every Gwent month to it.
  it('keeps no partial dataset, and after a restart lists nothing and takes the next upload', async () => {
    // With the geography, as a server that has started before leaves it (each start would load it).
    const { env, open } = await sharedDatabase(backend, { geography: true });
    // An analyst with a token, made before the server starts (PGlite allows one process at a time).
    let token: string;
    {
      const { db, close } = await open();
      token = (await createTestUser(db, { role: 'analyst', scopes: ['pcc:W15000002'] })).token;
      await close();
    }
    const gwent = readdirSync(`${SHARED}police-uk/gwent`)
      .sort()
      .map((f) => `${SHARED}police-uk/gwent/${f}`);

    const first = await startServer(env);
    const pending = upload(first.url, token, gwent).catch((e: Error) => e);
    await first.waitFor(/"import progress","file":4,/);
    first.child.kill('SIGKILL');
    const outcome = await pending;
    expect(outcome instanceof Error || !(outcome as Response).ok).toBe(true);
    await new Promise((r) => first.child.once('exit', r));

    const second = await startServer(env);
    try {
      const list = (await (
        await fetch(`${second.url}/api/datasets`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { datasets: unknown[] };
      expect(list.datasets).toEqual([]);
      const ok = await upload(second.url, token, gwent.slice(-1));
      expect(ok.status).toBe(201);
      const { report } = (await ok.json()) as { report: { rowsAccepted: number } };
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
      const { db, close } = await open();
      try {
        expect(await countRows(db, 'select count(*)::int as n from datasets')).toBe(1);
        expect(await countRows(db, 'select count(*)::int as n from imports')).toBe(1);
        expect(await countRows(db)).toBe(report.rowsAccepted);
        expect(
          await countRows(
            db,
            `select count(*)::int as n from audit_log where action = 'dataset.import' and outcome = 'ok'`,
          ),
        ).toBe(1);
      } finally {
        await close();
      }
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 120_000);
});
