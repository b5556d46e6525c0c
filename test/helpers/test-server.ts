import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { createTestUser } from './auth.js';
import { backends } from './databases.js';
import { importPaths } from './import.js';
import { policeUkFile } from './shared-data.js';

export interface TestServer {
  url: string;
  db: Db;
  /** An analyst of the Gwent force area partnership (which owns the restricted dataset). */
  analyst: { email: string; password: string; token: string };
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** police.uk files loaded as one public dataset "Gwent Police (data.police.uk)". */
  policeUkFiles?: string[];
  /** Incident files (local-police preset) loaded as a restricted dataset. */
  restrictedFiles?: string[];
  /** ISTV ED files loaded as a restricted dataset "ED assaults (ISTV, restricted)". */
  edFiles?: string[];
  /** More public police.uk datasets (other forces), each loaded under its name. */
  morePoliceUk?: { name: string; files: string[] }[];
}

const distRoot = fileURLToPath(new URL('../../dist', import.meta.url));

/** The real app (API plus built client) on a free port, over a PGlite database of its own. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  // PGlite, with the geography: a copy of the run's (test/global-setup.ts).
  const database = await backends[0]!.open({ geography: true });
  const db = database.db;
  const policeUkFiles = options.policeUkFiles ?? [policeUkFile('gwent', '2024-01'), policeUkFile('gwent', '2024-02')];
  if (policeUkFiles.length)
    await importPaths(db, policeUkFiles, { kind: 'police-uk', name: 'Gwent Police (data.police.uk)' });
  for (const more of options.morePoliceUk ?? [])
    await importPaths(db, more.files, { kind: 'police-uk', name: more.name });
  const gwent = `partnership:${await findPartnershipByName(db, 'Gwent force area')}`;
  if (options.restrictedFiles?.length) {
    await importPaths(db, options.restrictedFiles, {
      kind: 'incidents',
      name: 'Local police extract (restricted)',
      mapping: resolveMapping('local-police'),
      sensitivity: 'restricted',
      threshold: 5,
      basis: 's16',
      ownerScope: gwent,
    });
  }
  if (options.edFiles?.length) {
    await importPaths(db, options.edFiles, {
      kind: 'incidents',
      name: 'ED assaults (ISTV, restricted)',
      mapping: resolveMapping('istv-ed'),
      source: 'health',
      sensitivity: 'restricted',
      threshold: 5,
      basis: 's16',
      ownerScope: gwent,
    });
  }
  const credentials = { email: 'analyst@gwent.example', password: 'a test passphrase for the browser' };
  const analyst = {
    ...credentials,
    token: (await createTestUser(db, { role: 'analyst', scopes: [gwent], ...credentials })).token,
  };
  const app = createApp(db, { staticRoot: distRoot });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    analyst,
    async close() {
      await new Promise((r) => server.close(r));
      await database.dispose();
    },
  };
}
