/**
 * Where one route's time goes: every SQL statement it runs, timed, over N calls (after one
 * warm-up), against the bench fixture (scripts/bench/fixture.ts), with the result cache off.
 *
 *   npx tsx scripts/bench/route-profile.ts '/api/compare?datasets={pub}&from=2023-07&to=2024-06&res=9&areas=lad:W06000018,lad:W06000019' [runs=5]
 *
 * {pub}, {restricted}, {ed} and {southWales} in the path become the fixture's dataset ids.
 * Prints the route's median time, then the statements by total time per call, and the rest
 * (JavaScript: validation, statistics, JSON). Statements that run at once overlap, so their sum
 * can exceed the route's time. EXPLAIN=1 adds the plan of the slowest statement.
 */
import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import { benchFixture } from './fixture.js';

process.env.HOTSPOT_RESULT_CACHE = 'off';
const [template, runsText] = process.argv.slice(2);
if (!template) throw new Error('give a route path');
const runs = Number(runsText ?? 5);
const f = await benchFixture();
const ids: Record<string, number | undefined> = {
  pub: f.pub.datasetId,
  restricted: f.restricted?.datasetId,
  ed: f.ed?.datasetId,
  southWales: f.southWales?.datasetId,
};
const path = template.replace(/\{(\w+)\}/g, (_, name: string) => String(ids[name]));

const statements = new Map<
  string,
  { calls: number; ms: number; sql: string; params?: unknown[]; settings?: { sql: string; params?: unknown[] } }
>();
let recording = false;
// Every statement is timed, including those inside transactions (area queries run in one).
// The planner settings a transaction gave before a statement are kept with it, so that EXPLAIN
// shows the plan the statement ran with.
const timed = <Q extends { query: Db['query'] }>(db: Q): Q => {
  const query = db.query.bind(db);
  let settings: { sql: string; params?: unknown[] } | undefined;
  db.query = (async (sql: string, params?: unknown[]) => {
    const started = performance.now();
    if (sql.includes('set_config(')) settings = { sql, params };
    try {
      return await query(sql, params);
    } finally {
      if (recording) {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 110);
        const s = statements.get(key) ?? { calls: 0, ms: 0, sql, params, settings };
        s.calls++;
        s.ms += performance.now() - started;
        statements.set(key, s);
      }
    }
  }) as Db['query'];
  if ('transaction' in db) {
    const transaction = (db as unknown as Db).transaction.bind(db);
    (db as unknown as Db).transaction = ((run: (tx: unknown) => Promise<unknown>) =>
      transaction((tx) => run(timed(tx)))) as unknown as Db['transaction'];
  }
  return db;
};
const app = createApp(timed(f.db));
const call = async () => {
  const res = await app.request(path, { headers: { authorization: `Bearer ${f.token}` } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
};
await call();
recording = true;
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  await call();
  times.push(performance.now() - started);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
const sqlMs = [...statements.values()].reduce((a, s) => a + s.ms, 0) / runs;
console.log(
  `${path}\nmedian ${median.toFixed(0)} ms per call; SQL ${sqlMs.toFixed(0)} ms, the rest ${(median - sqlMs).toFixed(0)} ms`,
);
for (const [sql, s] of [...statements].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15))
  console.log(`${(s.ms / runs).toFixed(1).padStart(8)} ms ${String(s.calls / runs).padStart(4)}x  ${sql}`);
if (process.env.EXPLAIN) {
  // The plan of the statement that took longest, with the parameters of one of its calls.
  const top = [...statements.values()].sort((a, b) => b.ms - a.ms)[0]!;
  const plan = await f.db.transaction(async (tx) => {
    if (top.settings) await tx.query(top.settings.sql, top.settings.params);
    return tx.query<Record<string, string>>(`explain (analyze, buffers) ${top.sql}`, top.params);
  });
  if (top.settings) console.log(`with ${top.settings.sql.replace(/\s+/g, ' ').trim()}`);
  console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
}
await f.db.close();
