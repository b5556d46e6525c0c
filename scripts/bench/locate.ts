/**
 * Point-in-polygon throughput of area assignment (police force area + local authority), on
 * distinct random points over the bundled area (no memoisation hits).
 *   npx tsx scripts/bench/locate.ts [points]
 */
import seedrandom from 'seedrandom';
import { policeForceAreaIndex } from '../../server/geo/boundaries.js';
import { localAuthorityIndex } from '../../server/geo/geodata.js';

const n = Number(process.argv[2] ?? 200_000);
const random = seedrandom('locate-bench');
const points = Array.from({ length: n }, () => [-5.3 + random() * 3.2, 50.9 + random() * 2.5] as const);
const pfa = policeForceAreaIndex();
const lad = localAuthorityIndex();
pfa.locate(-3, 51.6);
lad.locate(-3, 51.6);
const started = performance.now();
let inLad = 0;
for (const [lng, lat] of points) {
  if (pfa.locate(lng, lat) && lad.locate(lng, lat)) inLad++;
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `${n} points (${inLad} in a bundled LAD): ${seconds.toFixed(2)} s, ${Math.round(n / seconds).toLocaleString('en-GB')} points/s (PFA + LAD lookups)`,
);
