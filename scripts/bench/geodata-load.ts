/**
 * First-start cost of the geography: loads the bundled boundaries, H3 covers with population,
 * places and seeded partnerships into a fresh in-memory PGlite database.
 *   npx tsx scripts/bench/geodata-load.ts
 */
import { openDatabase } from '../../server/db/index.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';

const { db } = await openDatabase({});
const started = performance.now();
await loadGeodataOnce(db, (step) => console.log(`${((performance.now() - started) / 1000).toFixed(1)} s  ${step}`));
console.log(
  `geography loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
await db.close();
