/**
 * Client performance at national scale, in headless Chromium (Debian's /usr/bin/chromium through
 * playwright-core; no browser is downloaded). Run by hand, after building the client:
 *
 *   npx vite build && npx tsx scripts/bench/client.ts [--runs 2] [--cells 100000] [--pan-ms 6000]
 *     [--min-frames 5] [--variant-cells 10000] [--drag]
 *
 * At 100k cells this takes about 20 minutes on the 2-core test machine (import ~70 s; software
 * WebGL needs ~50 s per frame of 100k hexagons); `--cells 5000 --runs 1 --pan-ms 2000` is a quick
 * check of the machinery.
 *
 * Data: a seeded synthetic police.uk CSV (scripts/bench/client/synthetic.ts) with incidents in
 * --cells distinct resolution-10 cells of the Gwent force area (~90% of its 112k cells), loaded
 * as the default dataset "Gwent Police (data.police.uk)" into the real app (startTestServer:
 * API plus dist/, in-memory PGlite, in this process). The analyst signs in once through the
 * sign-in page; every measured navigation is a fresh browser context (cold HTTP cache) that
 * carries that session cookie. "Hexagons drawn" is the browser tests' signal: #map reaches
 * data-status="ready" with data-cells-drawn = the instances deck.gl submitted, timed by a
 * MutationObserver in ms since navigation start; "on screen" is two animation frames later, when
 * the frame holding them has been produced (with software WebGL that is where the drawing cost
 * lands). Between measurements the benchmark waits until Chromium's processes are idle.
 *
 * Figures, each with a floor measured in the same run:
 *
 * (1) Navigation to first hexagons on screen on the main map (goal < 2 s), (a) as the app opens
 *     (resolution 8) and (b) at resolution 10, ~100k hexagons: the page's /api/cells request is
 *     rewritten to res=10 on its way to the server (the app has no URL state for the resolution).
 *     Floor: navigation to a bare page (scripts/bench/client/bare/) that fetches the very same
 *     /api/cells URL from the same server with the same cookie and draws it with deck.gl alone,
 *     using the app's own createCellsLayer, in a canvas the size of #map at the app's view. It
 *     starts the fetch at once and deck.gl meanwhile: no React, no sign-in check, no reference
 *     data, no MapLibre. That is the least any client drawing these hexagons with this server
 *     and this layer can take, so value / floor is what the app's start-up and request waterfall
 *     add. (DOMContentLoaded and first paint of the app page are printed too; they do not involve
 *     the hexagons at all, so as a floor they would say little.)
 *
 * (2) Frame time while panning the main map with ~100k hexagons shown: median and p95 of the
 *     intervals between requestAnimationFrame timestamps during an animated map.panBy east and
 *     back (linear legs of --pan-ms / 2, 400 px, repeated until --pan-ms has passed and at least
 *     --min-frames intervals were recorded: on software WebGL one frame can outlast a leg).
 *     With --drag, also during a mouse drag (page.mouse; MapLibre's drag handler, deck.gl's
 *     pointer events and picking). Floor: the same page, view and pan with the dataset unticked in
 *     the side panel, so the app hands deck.gl no hexagon layer (MapLibre, the empty deck.gl
 *     overlay, boundaries and places still render).
 *
 * Also printed: the /api/cells response (bytes as JSON and as sent, server time from Node, the
 * in-page time to read and JSON.parse it), the bare page's steps (fetch, read, parse, deck.gl
 * layer update, draw), the app's request waterfall, and frame times of layer variants on the
 * bare page over the first --variant-cells cells (with outlines; without, as the app draws small
 * hexagons; as one non-instanced polygon mesh), to show what the drawing cost depends on.
 *
 * Browser flags are test/helpers/browser.ts launchChromium's: --headless --no-sandbox
 * --disable-gpu --disable-background-networking plus SwiftShader WebGL. Software WebGL on two
 * cores makes frames CPU-bound and far slower than on any GPU (it is what a browser without GPU
 * acceleration, e.g. in some virtual desktops, gets); compare ratios within a run. The load
 * average is printed because other work on the machine shifts the absolute values. Every request
 * off the test server is refused and reported, as in the browser tests.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { hasChromium, launchChromium, signInThroughPage } from '../../test/helpers/browser.js';
import { startTestServer, type TestServer } from '../../test/helpers/test-server.js';
import {
  animatedPan,
  barePan,
  clickDataset,
  COLLECT_TIMINGS,
  FRAME_COUNT,
  MAP_DRAWN,
  MAP_EMPTY,
  MAP_SETTLED,
  MAP_VIEW,
  RECORD_MAP_STATUS,
  START_FRAMES,
  STOP_FRAMES,
  timeJsonInPage,
} from './client/inpage.js';
import { waitForQuiet } from './client/quiet.js';
import { writeSyntheticPoliceUk } from './client/synthetic.js';

// ---------------------------------------------------------------- options

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
const RUNS = option('runs', 2);
const CELLS = option('cells', 100_000);
const PAN_MS = option('pan-ms', 6000);
const MIN_FRAMES = option('min-frames', 5);
const VARIANT_CELLS = option('variant-cells', 10_000);
const DRAG = process.argv.includes('--drag');
const PAN_PX = 400;
const VIEWPORT = { width: 1280, height: 800 };
const DATASET = 'Gwent Police (data.police.uk)';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
if (!hasChromium) throw new Error('no /usr/bin/chromium');
if (!existsSync(join(ROOT, 'dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls a JavaScript expression in the page until it is true. (page.waitForFunction evaluates a
 * string with eval, which the app's Content-Security-Policy forbids; page.evaluate does not.)
 */
async function waitFor(page: Page, expression: string, timeout = 300_000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await page.evaluate(expression))) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${expression.slice(0, 120)}`);
    await sleep(100);
  }
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
/** Nearest-rank quantile. */
function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
const ms = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : `${Math.round(x).toLocaleString('en-GB')} ms`;
const ms1 = (x: number) => (Number.isNaN(x) ? '–' : x >= 1000 ? ms(x) : `${x.toFixed(1)} ms`);
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '–');
const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} KiB`;
const count = (n: number) => n.toLocaleString('en-GB');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
/** Intervals between rAF timestamps, ms. */
const intervals = (stamps: readonly number[]) => stamps.slice(1).map((s, i) => s - stamps[i]!);

function table(title: string, header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

const step = (text: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

// ---------------------------------------------------------------- types

type Resource = {
  name: string;
  start: number;
  requestStart: number;
  responseStart: number;
  end: number;
  transfer: number;
  encoded: number;
  decoded: number;
};

interface Timings {
  dcl: number | null;
  paint: Record<string, number>;
  resources: Resource[];
  log: { t: number; drawn: string | null; status: string | null }[];
  presented: number | null;
  longtasks: { start: number; duration: number }[];
}

interface AppRun {
  /** First data-cells-drawn other than 0 (deck.gl submitted the hexagons). */
  drawnAt: number;
  /** Two animation frames later. */
  presentedAt: number;
  drawn: number;
  cells: Resource;
  cellsUrl: string;
  /** Long tasks that started between the cells response and the hexagons on screen. */
  blocked: number;
  timings: Timings;
  context: BrowserContext;
  page: Page;
}

interface BareRun {
  drawn: number;
  marks: Record<string, number>;
}

type View = { lng: number; lat: number; zoom: number; width: number; height: number };

// ---------------------------------------------------------------- run

const tmp = mkdtempSync(join(tmpdir(), 'hotspot-bench-client-'));
let server: TestServer | undefined;
let browser: Browser | undefined;
const loadAtStart = load();

try {
  step(`writing ${count(CELLS)} synthetic cells`);
  const synthetic = writeSyntheticPoliceUk(join(tmp, '2024-gwent-street.csv'), {
    cells: CELLS,
    res: 10,
    seed: 'hotspot bench client',
  });
  step(
    `${count(synthetic.rows)} rows in ${count(synthetic.cells)} of the force polygon's ${count(synthetic.coverCells)} resolution-10 cells`,
  );

  step('building the bare deck.gl page');
  const bareDir = join(tmp, 'bare');
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./client/bare/', import.meta.url)),
    base: '/__bench/',
    logLevel: 'warn',
    build: { outDir: bareDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  });

  step('starting the server and importing (a minute or two)');
  const t0 = performance.now();
  server = await startTestServer({ policeUkFiles: [synthetic.path] });
  const startSeconds = (performance.now() - t0) / 1000;
  const serverUrl = server.url;
  const token = server.analyst.token;
  step(`server up in ${startSeconds.toFixed(0)} s at ${serverUrl}`);

  browser = await launchChromium();
  const chromium = browser;

  // Sign in once through the page; every measured context starts from that cookie.
  const signIn = await chromium.newContext({ viewport: VIEWPORT });
  const signInPage = await signIn.newPage();
  await signInThroughPage(signInPage, serverUrl, server.analyst);
  const storageState = await signIn.storageState();
  await signIn.close();

  const pageErrors: string[] = [];

  /** A fresh context (cold cache) with the session, air-gapped; optionally rewrites the map's cells request to `res`. */
  async function freshPage(res?: number): Promise<{ context: BrowserContext; page: Page; cellsRequests: string[] }> {
    await waitForQuiet();
    const context = await chromium.newContext({ viewport: VIEWPORT, storageState });
    const cellsRequests: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${serverUrl}/__bench/`)) {
        const file = normalize(join(bareDir, new URL(url).pathname.slice('/__bench/'.length)));
        if (!file.startsWith(bareDir) || !existsSync(file)) return route.fulfill({ status: 404 });
        return route.fulfill({ path: file });
      }
      if (!url.startsWith(serverUrl)) {
        pageErrors.push(`external request: ${url}`);
        return route.abort('blockedbyclient');
      }
      if (url.includes('/api/cells?')) {
        cellsRequests.push(url);
        if (res !== undefined) {
          const rewritten = new URL(url);
          rewritten.searchParams.set('res', String(res));
          return route.continue({ url: rewritten.toString() });
        }
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return { context, page, cellsRequests };
  }

  /** Navigates a fresh context to the map and waits for the first hexagons on screen. */
  async function appRun(res?: number): Promise<AppRun> {
    const { context, page, cellsRequests } = await freshPage(res);
    await context.addInitScript({ content: RECORD_MAP_STATUS });
    await page.goto(`${serverUrl}/`, { waitUntil: 'commit' });
    await waitFor(page, MAP_DRAWN);
    const timings = (await page.evaluate(COLLECT_TIMINGS)) as Timings;
    if (cellsRequests.length !== 1) throw new Error(`expected one /api/cells request, saw ${cellsRequests.length}`);
    const first = timings.log.find((e) => e.drawn !== null && e.drawn !== '0');
    const cells = timings.resources.filter((r) => r.name.includes('/api/cells?')).at(-1);
    if (!first || !cells || timings.presented === null)
      throw new Error('no drawn hexagons or no /api/cells timing recorded');
    const url = new URL(cellsRequests[0]!);
    if (res !== undefined) url.searchParams.set('res', String(res));
    const presentedAt = timings.presented;
    const blocked = timings.longtasks
      .filter((l) => l.start >= cells.end && l.start < presentedAt)
      .reduce((s, l) => s + l.duration, 0);
    return {
      drawnAt: first.t,
      presentedAt,
      drawn: Number(first.drawn),
      cells,
      cellsUrl: url.pathname + url.search,
      blocked,
      timings,
      context,
      page,
    };
  }

  /** Navigates a fresh context to the bare deck.gl page for the same cells URL (the page stays open when `keep`). */
  async function bareRun(
    cellsUrl: string,
    view: View,
    keep = false,
  ): Promise<BareRun & { page: Page; context: BrowserContext }> {
    const { context, page } = await freshPage();
    const q = new URLSearchParams({
      cells: cellsUrl,
      lng: String(view.lng),
      lat: String(view.lat),
      zoom: String(view.zoom),
      w: String(view.width),
      h: String(view.height),
    });
    await page.goto(`${serverUrl}/__bench/index.html?${q}`, { waitUntil: 'commit' });
    await waitFor(
      page,
      '!!window.__bench && (window.__bench.marks.presented !== undefined || window.__bench.error !== null)',
    );
    const state = (await page.evaluate('window.__bench')) as {
      marks: Record<string, number>;
      drawn: number | null;
      error: string | null;
    };
    if (!keep) await context.close();
    if (state.error !== null || state.drawn === null) throw new Error(`bare page: ${state.error}`);
    return { drawn: state.drawn, marks: state.marks, page, context };
  }

  /** The cells response fetched from Node with the analyst's token (gzip accepted, as browsers do). */
  async function serverCells(cellsUrl: string) {
    const started = performance.now();
    const response = await fetch(serverUrl + cellsUrl, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });
    const headers = performance.now() - started;
    const text = await response.text();
    const total = performance.now() - started;
    if (!response.ok) throw new Error(`GET ${cellsUrl}: ${response.status} ${text.slice(0, 200)}`);
    const cells = (JSON.parse(text) as { cells: unknown[] }).cells.length;
    return {
      headers,
      total,
      bytes: Buffer.byteLength(text),
      gzip: gzipSync(text).length,
      encoding: response.headers.get('content-encoding'),
      cells,
    };
  }

  // ---------------------------------------------------------------- (1) navigation to hexagons

  step('warm-up navigation (res 10): warms the server and finds the view');
  const warm = await appRun(10);
  const view = (await warm.page.evaluate(MAP_VIEW)) as View;
  await warm.context.close();
  const cellsUrl10 = warm.cellsUrl;
  const res8 = new URL(cellsUrl10, serverUrl);
  res8.searchParams.set('res', '8');
  const cellsUrl8 = res8.pathname + res8.search;
  await bareRun(cellsUrl8, view); // the bare page's first load (shader compilation) off the record

  const runs = { app8: [] as AppRun[], bare8: [] as BareRun[], app10: [] as AppRun[], bare10: [] as BareRun[] };
  for (let r = 0; r < RUNS; r++) {
    step(`navigation run ${r + 1} of ${RUNS}: res 8`);
    const a8 = await appRun();
    await a8.context.close();
    runs.app8.push(a8);
    runs.bare8.push(await bareRun(cellsUrl8, view));
    step(`navigation run ${r + 1} of ${RUNS}: res 10`);
    const a10 = await appRun(10);
    await a10.context.close();
    runs.app10.push(a10);
    runs.bare10.push(await bareRun(cellsUrl10, view));
  }

  // ---------------------------------------------------------------- JSON size, server and parse time

  step('cells response: server time, bytes, in-page parse');
  await waitForQuiet();
  const node10 = [await serverCells(cellsUrl10), await serverCells(cellsUrl10), await serverCells(cellsUrl10)];
  const node8 = [await serverCells(cellsUrl8), await serverCells(cellsUrl8), await serverCells(cellsUrl8)];

  // ---------------------------------------------------------------- layer variants on the bare page

  step(`layer variants on the bare page (first ${count(VARIANT_CELLS)} cells)`);
  const bare = await bareRun(cellsUrl10, view, true);
  const inPage = (await bare.page.evaluate(timeJsonInPage(cellsUrl10))) as {
    headers: number;
    body: number;
    parse: number;
    bytes: number;
    cells: number;
  }[];
  const subset = `window.__benchLayer.props.data.slice(0, ${VARIANT_CELLS})`;
  const variants: [string, string][] = [
    ['no layer', 'window.__benchDeck.setProps({ layers: [] })'],
    [
      'instanced hexagons with outlines (as drawn where an edge is 3 px or more)',
      `window.__benchDeck.setProps({ layers: [window.__benchLayer.clone({ data: ${subset}, stroked: true })] })`,
    ],
    [
      'without outlines (stroked: false)',
      `window.__benchDeck.setProps({ layers: [window.__benchLayer.clone({ data: ${subset}, stroked: false })] })`,
    ],
    [
      'one polygon mesh, no outlines (highPrecision: true, stroked: false)',
      `window.__benchDeck.setProps({ layers: [window.__benchLayer.clone({ data: ${subset}, stroked: false, highPrecision: true })] })`,
    ],
  ];
  const variantFrames: [string, number[]][] = [];
  for (const [name, expression] of variants) {
    await bare.page.evaluate(expression);
    await sleep(500);
    await waitForQuiet(); // the first frame with the layer (attributes, tessellation) off the record
    variantFrames.push([
      name,
      intervals((await bare.page.evaluate(barePan(PAN_PX, PAN_MS / 2, MIN_FRAMES))) as number[]),
    ]);
  }
  await bare.context.close();

  // ---------------------------------------------------------------- (2) panning the app's map

  // A failure here (e.g. a timeout on a very slow machine) still leaves the figures above printed.
  let withHexagons = { animated: [] as number[], drag: [] as number[] };
  let without = { animated: [] as number[], drag: [] as number[] };
  let drawnForPan = 0;
  let panError: string | null = null;
  let panContext: BrowserContext | undefined;
  try {
    step('panning: loading the map at res 10');
    const panRun = await appRun(10);
    panContext = panRun.context;
    const page = panRun.page;
    await page.evaluate(MAP_VIEW);
    drawnForPan = Number(await page.locator('#map').getAttribute('data-cells-drawn'));

    const dragPan = async (): Promise<number[]> => {
      await page.evaluate(MAP_SETTLED);
      const box = (await page.locator('#map').boundingBox())!;
      const x0 = box.x + box.width / 2 - PAN_PX / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x0, y);
      await page.mouse.down();
      await page.evaluate(START_FRAMES);
      const started = performance.now();
      // The pointer follows the clock (east and back every PAN_MS), whatever the page's input latency.
      for (let checked = 0; ; ) {
        const elapsed = performance.now() - started;
        if (elapsed >= PAN_MS && elapsed - checked > 500) {
          checked = elapsed;
          if (((await page.evaluate(FRAME_COUNT)) as number) > MIN_FRAMES) break;
        }
        const f = (elapsed / PAN_MS) % 1;
        await page.mouse.move(x0 + PAN_PX * (f < 0.5 ? 2 * f : 2 - 2 * f), y);
        await sleep(8);
      }
      const stamps = (await page.evaluate(STOP_FRAMES)) as number[];
      await page.mouse.up();
      return intervals(stamps);
    };

    const pans = async (label: string) => {
      await waitForQuiet();
      step(`panning: ${label}`);
      await page.evaluate(MAP_SETTLED);
      const animated = intervals((await page.evaluate(animatedPan(PAN_PX, PAN_MS, MIN_FRAMES))) as number[]);
      const drag = DRAG ? (await waitForQuiet(), await dragPan()) : [];
      return { animated, drag };
    };

    withHexagons = await pans(`with ${count(drawnForPan)} hexagons`);
    await waitForQuiet();
    if (!(await page.evaluate(clickDataset(DATASET)))) throw new Error(`no checkbox for the dataset "${DATASET}"`);
    await waitFor(page, MAP_EMPTY);
    without = await pans('without the hexagon layer');
  } catch (error) {
    panError = error instanceof Error ? error.message : String(error);
  } finally {
    await panContext?.close();
  }

  // ---------------------------------------------------------------- report

  const n8 = runs.app8[0]!.drawn;
  const n10 = runs.app10[0]!.drawn;
  const app8 = median(runs.app8.map((r) => r.presentedAt));
  const bare8 = median(runs.bare8.map((r) => r.marks.presented!));
  const app10 = median(runs.app10.map((r) => r.presentedAt));
  const bare10 = median(runs.bare10.map((r) => r.marks.presented!));
  const wa = withHexagons.animated;
  const na = without.animated;

  console.log(
    `\nhotspot client benchmark: ${VIEWPORT.width}×${VIEWPORT.height}, Chromium ${chromium.version()} (SwiftShader WebGL), ${RUNS} navigation run(s) each, medians`,
  );
  console.log(`load average (1, 5, 15 min) at start ${loadAtStart}, at end ${load()} on ${cpus().length} cores`);
  console.log(
    `data: ${count(synthetic.rows)} synthetic rows in ${count(synthetic.cells)} resolution-10 cells of Gwent; server start and import ${startSeconds.toFixed(0)} s`,
  );
  console.log(
    `hexagons drawn (deck.gl instances, data-cells-drawn): res 8 ${count(n8)}, res 10 ${count(n10)} (pan ${count(drawnForPan)}); /api/cells returned res 8 ${count(node8[0]!.cells)}, res 10 ${count(node10[0]!.cells)}`,
  );

  table(
    'Figures',
    ['figure', 'value', 'floor', 'ratio'],
    [
      [
        `(1a) navigation → first hexagons on screen, as the app opens (res 8, ${count(n8)})`,
        ms(app8),
        ms(bare8),
        ratio(app8, bare8),
      ],
      [
        `(1b) navigation → first hexagons on screen, res 10 (${count(n10)}; goal < 2 s)`,
        ms(app10),
        ms(bare10),
        ratio(app10, bare10),
      ],
      [
        `(2) panning with ${count(drawnForPan)} hexagons: median frame`,
        ms1(median(wa)),
        ms1(median(na)),
        ratio(median(wa), median(na)),
      ],
      [
        '(2) panning: p95 frame',
        ms1(quantile(wa, 0.95)),
        ms1(quantile(na, 0.95)),
        ratio(quantile(wa, 0.95), quantile(na, 0.95)),
      ],
      ...(DRAG
        ? [
            [
              '(2) mouse drag: median frame',
              ms1(median(withHexagons.drag)),
              ms1(median(without.drag)),
              ratio(median(withHexagons.drag), median(without.drag)),
            ],
            [
              '(2) mouse drag: p95 frame',
              ms1(quantile(withHexagons.drag, 0.95)),
              ms1(quantile(without.drag, 0.95)),
              ratio(quantile(withHexagons.drag, 0.95), quantile(without.drag, 0.95)),
            ],
          ]
        : []),
    ],
  );
  console.log(
    'floors: (1) the same /api/cells URL drawn by the same layer with deck.gl alone on a bare page; (2) the same pan with the dataset unticked (no hexagon layer).',
  );

  table(
    'Navigation runs (ms since navigation start)',
    ['run', 'cells request', 'cells response', 'hexagons submitted', 'on screen'],
    [
      ...runs.app8.map((r, i) => [
        `app, res 8, #${i + 1}`,
        ms(r.cells.start),
        ms(r.cells.end),
        ms(r.drawnAt),
        ms(r.presentedAt),
      ]),
      ...runs.bare8.map((r, i) => [
        `bare, res 8, #${i + 1}`,
        ms(r.marks.start),
        ms(r.marks.body),
        ms(r.marks.drawn),
        ms(r.marks.presented),
      ]),
      ...runs.app10.map((r, i) => [
        `app, res 10, #${i + 1}`,
        ms(r.cells.start),
        ms(r.cells.end),
        ms(r.drawnAt),
        ms(r.presentedAt),
      ]),
      ...runs.bare10.map((r, i) => [
        `bare, res 10, #${i + 1}`,
        ms(r.marks.start),
        ms(r.marks.body),
        ms(r.marks.drawn),
        ms(r.marks.presented),
      ]),
    ],
  );

  const last = runs.app10.at(-1)!;
  const c = last.cells;
  table(
    `Where the time goes: app, res 10 (run #${RUNS}; ms since navigation start)`,
    ['step', 'at', 'takes'],
    [
      ['DOMContentLoaded', ms(last.timings.dcl), ''],
      ['first contentful paint', ms(last.timings.paint['first-contentful-paint']), ''],
      ['/api/cells request starts (app start-up, session, reference data)', ms(c.start), ms(c.start)],
      ['/api/cells first byte (server, behind the other requests)', ms(c.responseStart), ms(c.responseStart - c.start)],
      ['/api/cells last byte (download)', ms(c.end), ms(c.end - c.responseStart)],
      ['hexagons submitted (JSON, React, deck.gl layer update)', ms(last.drawnAt), ms(last.drawnAt - c.end)],
      ['hexagons on screen (the frame drawn: WebGL)', ms(last.presentedAt), ms(last.presentedAt - last.drawnAt)],
      ['  long tasks from cells response to on screen', '', ms(last.blocked)],
    ],
  );
  const requests = last.timings.resources.filter((r) => r.name.startsWith(serverUrl)).sort((a, b) => a.start - b.start);
  table(
    `App requests (res 10, run #${RUNS})`,
    ['request', 'start', 'end', 'as sent', 'decoded'],
    requests.map((r) => [
      r.name.slice(serverUrl.length).replace(/\?.*/, (q) => (q.length > 36 ? `${q.slice(0, 33)}...` : q)),
      ms(r.start),
      ms(r.end),
      r.encoded ? kib(r.encoded) : '',
      r.decoded ? kib(r.decoded) : '',
    ]),
  );

  const bareStep = (key: string, from: string) => median(runs.bare10.map((r) => r.marks[key]! - r.marks[from]!));
  table(
    'Bare page, res 10 (medians)',
    ['step', 'takes'],
    [
      ['navigation → script runs (fetch sent, deck.gl created)', ms(median(runs.bare10.map((r) => r.marks.start!)))],
      ['→ response headers (server)', ms(bareStep('headers', 'start'))],
      ['→ body read (download)', ms(bareStep('body', 'headers'))],
      ['→ JSON.parse', ms(bareStep('parsed', 'body'))],
      ['→ createCellsLayer + setProps', ms(bareStep('layerSet', 'parsed'))],
      [
        '→ first frame with the layer (deck.gl layer update, attributes)',
        ms(bareStep('firstBeforeRender', 'layerSet')),
      ],
      ['→ draw calls submitted', ms(bareStep('drawn', 'firstBeforeRender'))],
      ['→ on screen (WebGL work of that frame)', ms(bareStep('presented', 'drawn'))],
    ],
  );

  const s10 = node10.slice(1);
  const s8 = node8.slice(1);
  const cells10 = runs.app10.at(-1)!.cells;
  table(
    '/api/cells response',
    ['measure', 'res 8', 'res 10'],
    [
      ['cells', count(node8[0]!.cells), count(node10[0]!.cells)],
      ['bytes of JSON', kib(node8[0]!.bytes), kib(node10[0]!.bytes)],
      [
        'bytes of JSON per cell',
        String(Math.round(node8[0]!.bytes / node8[0]!.cells)),
        String(Math.round(node10[0]!.bytes / node10[0]!.cells)),
      ],
      ['gzipped (gzip -6 here)', kib(node8[0]!.gzip), kib(node10[0]!.gzip)],
      [
        `as the browser received it (content-encoding: ${node10[0]!.encoding ?? 'none'})`,
        kib(runs.app8.at(-1)!.cells.encoded),
        kib(cells10.encoded),
      ],
      [
        'server from Node, warm: first byte (median of 2)',
        ms(median(s8.map((x) => x.headers))),
        ms(median(s10.map((x) => x.headers))),
      ],
      ['server from Node, warm: whole body', ms(median(s8.map((x) => x.total))), ms(median(s10.map((x) => x.total)))],
      ['in page: fetch to headers (median of 3)', '', ms(median(inPage.map((x) => x.headers)))],
      ['in page: read body', '', ms(median(inPage.map((x) => x.body)))],
      ['in page: JSON.parse', '', ms(median(inPage.map((x) => x.parse)))],
    ],
  );

  table(
    `Pans (frames = rAF intervals)`,
    ['pan', 'frames', 'median', 'p95', 'max'],
    [
      ...(
        [
          [`app, animated, ${count(drawnForPan)} hexagons`, wa],
          ['app, animated, no hexagon layer', na],
          ...(DRAG
            ? [
                [`app, drag, ${count(drawnForPan)} hexagons`, withHexagons.drag],
                ['app, drag, no hexagon layer', without.drag],
              ]
            : []),
          ...variantFrames.map(([name, xs]) => [`bare, ${count(Math.min(VARIANT_CELLS, n10))} cells: ${name}`, xs]),
        ] as [string, number[]][]
      ).map(([name, xs]) => [name, String(xs.length), ms1(median(xs)), ms1(quantile(xs, 0.95)), ms1(Math.max(...xs))]),
    ],
  );

  if (panError) console.log(`\npanning failed: ${panError}`);
  if (pageErrors.length) console.log(`\npage errors or external requests:\n  ${pageErrors.join('\n  ')}`);
} finally {
  await browser?.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
}
