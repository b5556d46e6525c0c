/**
 * Page weight and first hexagons, in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core). Run by hand, after building the client:
 *
 *   npx vite build && npx tsx scripts/bench/page-weight.ts [--runs 3]
 *
 * The real app (API plus dist/, an in-memory PGlite with the geography and the two Gwent police.uk
 * months the browser tests use) in this process. (test/helpers/test-server.ts copies databases that
 * only vitest's global setup builds, so this starts its own.) Every measured navigation is a fresh browser context (cold HTTP cache):
 *
 * - the sign-in page, signed out: bytes transferred (resource timing transferSize, headers
 *   included) by kind, and whether any MapLibre or deck.gl code was fetched;
 * - the map page, signed in (the session cookie of one earlier sign-in): the same, and the time
 *   from navigation start to #map reaching data-status="ready" with data-cells-drawn > 0 (the
 *   browser tests' signal that deck.gl submitted the hexagons), by a MutationObserver.
 *
 * Chromium asks for gzip and brotli (`Accept-Encoding: gzip, deflate, br, zstd`), so with
 * precompressed assets the transferred bytes are the .br files'. Medians of --runs.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createApp } from '../../server/app.js';
import { openDatabase } from '../../server/db/index.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { loadGeodataOnce } from '../../server/geodata-load.js';
import { createTestUser } from '../../test/helpers/auth.js';
import { hasChromium, launchChromium, signInThroughPage } from '../../test/helpers/browser.js';
import { importPaths } from '../../test/helpers/import.js';
import { policeUkFile } from '../../test/helpers/shared-data.js';
import { COLLECT_TIMINGS, MAP_DRAWN, RECORD_MAP_STATUS } from './client/inpage.js';
import { waitForQuiet } from './client/quiet.js';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
const VIEWPORT = { width: 1280, height: 800 };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
if (!hasChromium) throw new Error('no /usr/bin/chromium');
if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');

interface Resource {
  name: string;
  transfer: number;
  decoded: number;
}
interface Timings {
  resources: Resource[];
  log: { t: number; drawn: string | null; status: string | null }[];
}
interface Weight {
  /** Bytes over the wire: the document plus every resource. */
  total: number;
  script: number;
  scriptDecoded: number;
  style: number;
  api: number;
  scripts: number;
  mapCode: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} KiB`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(page: Page, expression: string, timeout = 120_000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${expression.slice(0, 80)}`);
    await sleep(50);
  }
}

/** Sums a page's transfers by kind. Chunk names say which library they hold (vite manualChunks). */
async function weigh(page: Page): Promise<{ weight: Weight; timings: Timings }> {
  const timings = (await page.evaluate(COLLECT_TIMINGS)) as Timings;
  const document = (await page.evaluate(`performance.getEntriesByType('navigation')[0].transferSize`)) as number;
  const weight: Weight = { total: document, script: 0, scriptDecoded: 0, style: 0, api: 0, scripts: 0, mapCode: false };
  for (const r of timings.resources) {
    weight.total += r.transfer;
    const path = new URL(r.name).pathname;
    if (path.endsWith('.js') || path.endsWith('.mjs')) {
      weight.script += r.transfer;
      weight.scriptDecoded += r.decoded;
      weight.scripts++;
      if (/maplibre|deck/i.test(path)) weight.mapCode = true;
    } else if (path.endsWith('.css')) weight.style += r.transfer;
    else if (path.startsWith('/api/')) weight.api += r.transfer;
  }
  return { weight, timings };
}

/** The app over a fresh database, as test/helpers/test-server.ts builds it for the browser tests. */
async function startServer() {
  const { db } = await openDatabase({});
  await loadGeodataOnce(db);
  await importPaths(db, [policeUkFile('gwent', '2024-01'), policeUkFile('gwent', '2024-02')], {
    kind: 'police-uk',
    name: 'Gwent Police (data.police.uk)',
  });
  const gwent = `partnership:${await findPartnershipByName(db, 'Gwent force area')}`;
  const analyst = { email: 'analyst@gwent.example', password: 'a test passphrase for the browser' };
  await createTestUser(db, { role: 'analyst', scopes: [gwent], ...analyst });
  const app = createApp(db, { staticRoot: join(ROOT, 'dist') });
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    analyst,
    async close() {
      await new Promise((resolve) => http.close(resolve));
      await db.close();
    },
  };
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let browser: Browser | undefined;
try {
  server = await startServer();
  const serverUrl = server.url;
  browser = await launchChromium();
  const signIn = await browser.newContext({ viewport: VIEWPORT });
  await signInThroughPage(await signIn.newPage(), serverUrl, server.analyst);
  const storageState = await signIn.storageState();
  await signIn.close();

  const signInRuns: Weight[] = [];
  const mapRuns: { weight: Weight; firstHexagons: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    await waitForQuiet();
    const out = await browser.newContext({ viewport: VIEWPORT });
    const page = await out.newPage();
    await page.goto(`${serverUrl}/`, { waitUntil: 'networkidle' });
    await page
      .getByLabel('Email')
      .waitFor()
      .catch(async (e) => {
        throw new Error(`no sign-in form: ${await page.locator('body').innerHTML()}`, { cause: e });
      });
    signInRuns.push((await weigh(page)).weight);
    await out.close();

    await waitForQuiet();
    const context = await browser.newContext({ viewport: VIEWPORT, storageState });
    await context.addInitScript({ content: RECORD_MAP_STATUS });
    const mapPage = await context.newPage();
    await mapPage.goto(`${serverUrl}/`, { waitUntil: 'commit' });
    await waitFor(mapPage, MAP_DRAWN);
    const { weight, timings } = await weigh(mapPage);
    const first = timings.log.find((e) => e.status === 'ready' && e.drawn !== null && e.drawn !== '0');
    if (!first) throw new Error('no hexagons drawn');
    mapRuns.push({ weight, firstHexagons: first.t });
    await context.close();
    console.error(`run ${run + 1}: first hexagons ${Math.round(first.t)} ms`);
  }

  const row = (label: string, ws: Weight[], extra = '') =>
    `| ${label} | ${kib(median(ws.map((w) => w.total)))} | ${kib(median(ws.map((w) => w.script)))} (${ws[0]!.scripts} files, ${kib(median(ws.map((w) => w.scriptDecoded)))} decoded) | ${kib(median(ws.map((w) => w.style)))} | ${kib(median(ws.map((w) => w.api)))} | ${ws.every((w) => w.mapCode) ? 'yes' : ws.some((w) => w.mapCode) ? 'some runs' : 'no'} |${extra}`;
  console.log(
    `\nMedians of ${RUNS} cold loads; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| page | transferred | of which JavaScript | CSS | API | MapLibre/deck.gl chunks | first hexagons |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('sign-in', signInRuns, ' |'));
  console.log(
    row(
      'map (signed in)',
      mapRuns.map((r) => r.weight),
      ` ${Math.round(median(mapRuns.map((r) => r.firstHexagons))).toLocaleString('en-GB')} ms |`,
    ),
  );
} finally {
  await browser?.close();
  await server?.close();
}
