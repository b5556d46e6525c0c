/**
 * The API under load: 32 concurrent clients (autocannon, in a child process so it does not share
 * the server's event loop) against the real server on localhost, for the cells and hot-spot
 * routes of the Gwent force area at resolution 9 over 12 months.
 *
 *   npx tsx scripts/bench/load.ts [seconds=60] [connections=32] [autocannon|wrk]     (DATABASE_URL=... for PostgreSQL)
 *
 * The load generator shares the two cores with the server. autocannon (JavaScript) spends about
 * a core reading a 141 KB hot-spot answer 300 times a second; wrk (C, Debian's `wrk` package,
 * one thread) reads the same for a fraction of that, so it measures the server rather than the
 * client. wrk is used when it is installed, unless the third argument says autocannon.
 *
 * Each route runs twice: as a panel would use it (everyone asks for the same result: after the
 * first, it is answered from the result cache, which still checks access and audits every
 * request), and uncached (HOTSPOT_RESULT_CACHE=off in the same process: every request computes).
 * Floor: GET /api/health under the same load, the same HTTP, authentication and JSON stack with
 * nothing to compute. Prints p50/p95/p99 latency, requests/s, errors and non-2xx responses.
 * Requests say `Accept-Encoding: gzip`, as every browser does.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { createApp } from '../../server/app.js';
import { benchFixture } from './fixture.js';

const seconds = Number(process.argv[2] ?? 60);
const connections = Number(process.argv[3] ?? 32);
const tool = process.argv[4] ?? (existsSync('/usr/bin/wrk') ? 'wrk' : 'autocannon');

// wrk's summary as one JSON line (its latencies are in microseconds).
const WRK_REPORT = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"p50":%f,"p95":%f,"p99":%f,"total":%d,"seconds":%f,"errors":%d,"non2xx":%d}\\n',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status))
end`;

/** The load generator's command: wrk itself, or this script as autocannon's child. */
function clientCommand(url: string, token: string): [string, string[]] {
  if (tool === 'wrk') {
    const script = join(tmpdir(), 'hotspot-load-report.lua');
    writeFileSync(script, WRK_REPORT);
    return [
      'wrk',
      [
        '-t1',
        `-c${connections}`,
        `-d${seconds}s`,
        '--timeout',
        '10s',
        '-s',
        script,
        '-H',
        `Authorization: Bearer ${token}`,
        '-H',
        'Accept-Encoding: gzip',
        url,
      ],
    ];
  }
  return [
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), String(seconds), String(connections), 'autocannon'],
  ];
}

if (process.env.LOAD_CHILD) {
  // The client side: one autocannon run; every response's time is kept for exact percentiles.
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: process.env.LOAD_URL!,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${process.env.LOAD_TOKEN}`, 'accept-encoding': 'gzip' },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? null;
  console.log(
    JSON.stringify({
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      rps: result.requests.total / seconds,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      total: result.requests.total,
    }),
  );
} else {
  const fixture = await benchFixture({ southWales: false });
  const app = createApp(fixture.db);
  // Requests still computing when a run's clients hang up: the next run, and closing the
  // database, wait for them (otherwise they bleed into the next run's figures, or fail).
  let inFlight = 0;
  const drained = async () => {
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const server = serve({
    fetch: async (request, env) => {
      inFlight++;
      try {
        return await app.fetch(request, env);
      } finally {
        inFlight--;
      }
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sel = `datasets=${fixture.pub.datasetId}&from=2023-07&to=2024-06&res=9&area=pfa:W15000002`;
  const runs: [string, string, boolean][] = [
    ['floor: /api/health', '/api/health', true],
    ['/api/cells, same result for everyone (cached)', `/api/cells?${sel}`, true],
    ['/api/hotspots, same result for everyone (cached)', `/api/hotspots?${sel}`, true],
    ['/api/cells, every request computed', `/api/cells?${sel}`, false],
    ['/api/hotspots, every request computed', `/api/hotspots?${sel}`, false],
  ];
  console.log(
    `${fixture.db.kind}, ${tool}, ${connections} connections, ${seconds} s each, ${fixture.pub.rowsAccepted.toLocaleString('en-GB')} police.uk rows`,
  );
  console.log(
    `${'run'.padEnd(50)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'req/s'.padStart(8)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)}`,
  );
  let floor: { p95: number; rps: number } | null = null;
  for (const [label, path, cached] of runs) {
    await drained();
    process.env.HOTSPOT_RESULT_CACHE = cached ? 'on' : 'off';
    // Autocannon runs in a child; this process's event loop serves meanwhile.
    const out = await new Promise<string>((resolve, reject) => {
      const [command, args] = clientCommand(base + path, fixture.token);
      const child = spawn(command, args, {
        env: { ...process.env, LOAD_CHILD: '1', LOAD_URL: base + path, LOAD_TOKEN: fixture.token },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`${tool} exited with ${code}`))));
    });
    const line = JSON.parse(out.trim().split('\n').pop()!) as {
      p50: number;
      p95: number;
      p99: number;
      rps?: number;
      total: number;
      seconds?: number;
      errors: number;
      non2xx: number;
    };
    const r = { ...line, rps: line.rps ?? line.total / line.seconds! };
    floor ??= r;
    const ratio =
      r === floor
        ? ''
        : `  p95 x${(r.p95 / floor.p95).toFixed(1)} the floor, throughput ${((r.rps / floor.rps) * 100).toFixed(1)}% of it`;
    const ms = (v: number) => `${Math.round(v)} ms`.padStart(8);
    console.log(
      `${label.padEnd(50)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.p99)} ${r.rps.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}${ratio}`,
    );
  }
  await new Promise((resolve) => server.close(resolve));
  await drained();
  await fixture.db.close();
}
