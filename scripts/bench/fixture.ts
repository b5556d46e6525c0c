/**
 * The data the server benchmarks run on: the bundled geography, 12 months of real Gwent
 * police.uk data (2023-07 to 2024-06), the synthetic restricted extract and ED data, and South
 * Wales police.uk; an analyst of the Gwent force-area partnership with an API token. On PGlite
 * (in memory) or, with DATABASE_URL, on PostgreSQL in a schema of its own (HOTSPOT_DB_SCHEMA).
 * Needs ../shared/data.
 */
import { readdirSync } from 'node:fs';
import { hashSecret, newSecret } from '../../server/auth/secret.js';
import { openDatabase } from '../../server/db/index.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { insertApiToken } from '../../server/db/sessions.js';
import { insertUser } from '../../server/db/users.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';
import { importDataset } from '../../server/ingest/import.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { expandInputs } from '../../server/ingest/sources.js';

const shared = (path: string) => new URL(`../../../shared/data/${path}`, import.meta.url).pathname;
const bundled = (path: string) => new URL(`../../geodata/sample/restricted/${path}`, import.meta.url).pathname;

export async function benchFixture(options: { southWales?: boolean; restricted?: boolean } = {}) {
  const { db } = await openDatabase({ url: process.env.DATABASE_URL, schema: process.env.HOTSPOT_DB_SCHEMA });
  await loadGeodataOnce(db);
  const gwentPartnership = `partnership:${await findPartnershipByName(db, 'Gwent force area')}`;
  const gwentDir = shared('police-uk/gwent/');
  const months = readdirSync(gwentDir)
    .sort()
    .filter((f) => f >= '2023-07' && f < '2024-07')
    .map((f) => gwentDir + f);
  const stamp = Date.now();
  const pub = await importDataset(db, { kind: 'police-uk', name: `bench ${stamp}`, files: await expandInputs(months) });
  const restrictedSet = async (mapping: 'local-police' | 'istv-ed', file: string, name: string) =>
    importDataset(db, {
      kind: 'incidents',
      name: `${name} ${stamp}`,
      mapping: resolveMapping(mapping),
      sensitivity: 'restricted',
      basis: 's16',
      ownerScope: gwentPartnership,
      files: await expandInputs([bundled(file)]),
    });
  const restricted =
    options.restricted === false
      ? null
      : await restrictedSet('local-police', 'local-police-gwent-south-wales.csv.gz', 'bench restricted');
  const ed =
    options.restricted === false
      ? null
      : await restrictedSet('istv-ed', 'istv-ed-gwent-south-wales.csv.gz', 'bench ED');
  const southWalesDir = shared('police-uk/south-wales/');
  const southWales =
    options.southWales === false
      ? null
      : await importDataset(db, {
          kind: 'police-uk',
          name: `bench south wales ${stamp}`,
          files: await expandInputs(
            readdirSync(southWalesDir)
              .sort()
              .map((f) => southWalesDir + f),
          ),
        });
  const userId = await db.transaction((tx) =>
    insertUser(tx, {
      email: `bench${stamp}@example.org`,
      displayName: 'bench',
      role: 'analyst',
      scopes: [gwentPartnership],
    }),
  );
  const token = newSecret('hs_');
  await insertApiToken(db, { userId, name: 'bench', tokenHash: hashSecret(token), prefix: 'hs_', expiresAt: null });
  return { db, token, gwentPartnership, pub, restricted, ed, southWales };
}
