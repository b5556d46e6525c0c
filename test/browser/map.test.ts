/**
 * End-to-end: the built client (dist/) against the real API (PGlite with real Gwent
 * months) in headless Chromium. Proves hexagons were drawn two ways: the map reports how many
 * hexagons deck.gl submitted for drawing (data-cells-drawn, equal to the /api/cells response), and
 * a screenshot has yellow-to-red pixels that vanish when the deck.gl canvas is hidden.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cellsBody,
  drawnMap,
  hasChromium,
  launchChromium,
  openControls,
  signInThroughPage,
  warmPixels,
} from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer, type TestServerOptions } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe.skipIf(!hasChromium)('map in the browser', () => {
  let browser: Browser;
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hotspot-browser-'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** A fresh server and page per test; page errors and off-server requests are recorded. */
  function session(options: () => Promise<TestServerOptions> | TestServerOptions = () => ({})) {
    const s = {
      server: undefined as unknown as TestServer,
      page: undefined as unknown as Page,
      errors: [] as string[],
    };
    beforeEach(async () => {
      s.errors = [];
      s.server = await startTestServer(await options());
      s.page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      s.page.on('pageerror', (error) => s.errors.push(error.message));
      // Air-gapped: anything not served by the test server is refused and reported.
      await s.page.route('**/*', (route) => {
        if (route.request().url().startsWith(s.server.url)) return route.continue();
        s.errors.push(`external request: ${route.request().url()}`);
        return route.abort('blockedbyclient');
      });
    });
    afterEach(async () => {
      await s.page?.close();
      await s.server?.close();
    });
    return s;
  }

  describe('public police.uk data', () => {
    const s = session();

    // Software WebGL (SwiftShader): drawing the map and reading it back takes seconds.
    it('draws one hexagon per cell from /api/cells over Gwent', async () => {
      const { page } = s;
      const cellsResponse = page.waitForResponse((r) => r.url().includes('/api/cells?'));
      await signInThroughPage(page, s.server.url, s.server.analyst);
      const body = await cellsBody(await cellsResponse);
      expect(body.cells.length).toBeGreaterThan(100);

      const map = await drawnMap(page, body);
      expect(Number(await map.getAttribute('data-cells-suppressed'))).toBe(0);
      expect(await page.getByRole('alert').count()).toBe(0);

      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}map.png` });

      // Hexagon-coloured pixels in the map alone (legend hidden), with and without deck.gl.
      await page.locator('.legend').evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
      const withHexagons = await warmPixels(page, await page.locator('#map').screenshot());
      await page
        .locator('#map canvas:not(.maplibregl-canvas)')
        .evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
      const withoutHexagons = await warmPixels(page, await page.locator('#map').screenshot());

      expect(withHexagons.pixels).toBeGreaterThan(5_000);
      expect(withHexagons.colours).toBeGreaterThanOrEqual(3);
      expect(withoutHexagons.pixels).toBeLessThan(withHexagons.pixels / 20);
      expect(s.errors).toEqual([]);
    }, 120_000);

    // Software WebGL; waits up to 60 s for the view to be drawn.
    it('switches to the hot spot view: every cell of the area drawn by its Gi* class', async () => {
      const { page } = s;
      const cellsResponse = page.waitForResponse((r) => r.url().includes('/api/cells?'));
      await signInThroughPage(page, s.server.url, s.server.analyst);
      await drawnMap(page, await cellsBody(await cellsResponse));
      const hotspotsResponse = page.waitForResponse((r) => r.url().includes('/api/hotspots?'));
      await page.getByLabel(/Hot spots \(Gi\*\)/).check();
      const response = await hotspotsResponse;
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { cells: { class: number }[]; area: string };
      expect(body.area).toMatch(/^partnership:\d+$/);
      const hot = body.cells.filter((c) => c.class === 3).length;
      expect(hot).toBeGreaterThan(0);
      expect(body.cells.filter((c) => c.class === 0).length).toBeGreaterThan(hot);
      await page
        .locator(`#map[data-view="hotspots"][data-status="ready"][data-cells-drawn="${body.cells.length}"]`)
        .waitFor({ timeout: 60_000 });
      const legend = page.getByRole('region', { name: 'Map legend' });
      await expect
        .poll(() => legend.textContent())
        .toContain(`Hot spot, 99% confidence (${hot.toLocaleString('en-GB')})`);
      await page.screenshot({ path: `${ARTIFACTS}hotspots.png` });
      // The neighbourhood chosen and the p-values are said in the legend; permutations on request.
      const chosen = body as unknown as { k: number; coldSpots: { note: string | null } };
      expect(await legend.textContent()).toContain(`${chosen.k}-ring neighbours · normal p`);
      if (chosen.coldSpots.note) expect(await legend.textContent()).toContain('Cold spots cannot occur in this region');
      const permutation = page.waitForResponse(
        (r) => r.url().includes('/api/hotspots?') && r.url().includes('permutation'),
      );
      await page.getByLabel('Gi* p-values').selectOption('permutation');
      expect((await permutation).status()).toBe(200);
      await expect.poll(() => legend.textContent()).toContain('permutation p');
      // The hot-spot map as a PNG at print resolution (300 dpi), for the SNA.
      const mapBox = (await page.locator('#map').boundingBox())!;
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Save map as PNG (print resolution)' }).click();
      const png = readFileSync((await (await download).path())!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(Math.abs(png.readUInt32BE(16) - mapBox.width * (300 / 96))).toBeLessThan(10);
      expect((await warmPixels(page, png)).pixels).toBeGreaterThan(10_000); // the red and orange hot spots
      expect(s.errors).toEqual([]);
    }, 120_000);

    // Software WebGL; waits up to 60 s for the view to be drawn.
    it('switches to the density view: every cell of the area drawn by its density band', async () => {
      const { page } = s;
      const cellsResponse = page.waitForResponse((r) => r.url().includes('/api/cells?'));
      await signInThroughPage(page, s.server.url, s.server.analyst);
      await drawnMap(page, await cellsBody(await cellsResponse));
      const densityResponse = page.waitForResponse((r) => r.url().includes('/api/density?'));
      await page.getByLabel(/Density \(kernel\)/).check();
      const response = await densityResponse;
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { cells: { band: number; density: number | null }[]; bandwidth: number };
      const top = body.cells.filter((c) => c.band === 5).length;
      expect(top).toBeGreaterThan(0);
      expect(body.bandwidth).toBeGreaterThanOrEqual(100);
      await page
        .locator(`#map[data-view="density"][data-status="ready"][data-cells-drawn="${body.cells.length}"]`)
        .waitFor({ timeout: 60_000 });
      const legend = page.getByRole('region', { name: 'Map legend' });
      await expect.poll(() => legend.textContent()).toContain(`Highest fifth (${top.toLocaleString('en-GB')})`);
      expect(await legend.textContent()).toContain(`bandwidth ${Math.round(body.bandwidth).toLocaleString('en-GB')} m`);
      await page.screenshot({ path: `${ARTIFACTS}density.png` });
      // The bandwidth can be overridden: a street-level surface.
      const narrower = page.waitForResponse(
        (r) => r.url().includes('/api/density?') && r.url().includes('bandwidth=250'),
      );
      await page.getByLabel('Density bandwidth').selectOption({ label: '250 m (street level)' });
      expect((await narrower).status()).toBe(200);
      await expect.poll(() => legend.textContent()).toContain('bandwidth 250 m');
      expect(s.errors).toEqual([]);
    }, 120_000);

    it("lists the area's priority locations in a table beside the map, as the summary route ranks them", async () => {
      const { page } = s;
      const summaryResponse = page.waitForResponse((r) => r.url().includes('/summary?'));
      await signInThroughPage(page, s.server.url, s.server.analyst);
      const response = await summaryResponse;
      expect(response.status()).toBe(200);
      const summary = (await response.json()) as {
        priorities: { h3: string; name: string; count: number; class: number }[];
      };
      expect(summary.priorities.length).toBe(10);
      const table = page.getByRole('table', { name: /Top 10 cells/ });
      await table.waitFor();
      const rows = table.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(10);
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-h3')))).toEqual(
        summary.priorities.map((p) => p.h3),
      );
      // Each location by its name for people (its street and town, or LSOA and postcode sector), not its id.
      const first = summary.priorities[0]!;
      expect(first.name).not.toMatch(/^[0-9a-f]{15}$/);
      expect((await rows.first().textContent())!.startsWith(`1${first.name}Hot 99%${first.count}`)).toBe(true);
      await page.locator('.priorities').screenshot({ path: `${ARTIFACTS}priorities.png` });
      expect(s.errors).toEqual([]);
    });
  });

  describe('six months of public police.uk data', () => {
    const s = session(() => ({
      policeUkFiles: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].map((m) =>
        policeUkFile('gwent', m),
      ),
    }));

    // Software WebGL; waits up to 60 s for the view to be drawn.
    it('switches to the space-time view: sfhotspot classes, and which rule and time step were used', async () => {
      const { page } = s;
      const cellsResponse = page.waitForResponse((r) => r.url().includes('/api/cells?'));
      await signInThroughPage(page, s.server.url, s.server.analyst);
      await drawnMap(page, await cellsBody(await cellsResponse));
      // Space-time patterns need a series of at least 4 months: six are loaded here.
      const spaceTime = page.waitForResponse((r) => r.url().includes('/api/space-time?'));
      await page.getByLabel(/Space-time \(EHSA, sfhotspot\)/).check();
      const response = await spaceTime;
      expect(response.status()).toBe(200);
      const body = (await response.json()) as { cells: unknown[]; k: number; rule: string; timeStep: number };
      expect(body.rule).toBe('sfhotspot');
      await page
        .locator(`#map[data-view="space-time"][data-status="ready"][data-cells-drawn="${body.cells.length}"]`)
        .waitFor({ timeout: 60_000 });
      const legend = page.getByRole('region', { name: 'Map legend' });
      await expect
        .poll(() => legend.textContent())
        .toContain(`${body.k}-ring neighbours · sfhotspot's significance · EHSA time step 0`);
      const fdr = page.waitForResponse(
        (r) => r.url().includes('/api/space-time?') && r.url().includes('fdr-over-cells'),
      );
      await page.getByLabel('sfhotspot significance').selectOption('fdr-over-cells');
      expect((await fdr).status()).toBe(200);
      await expect.poll(() => legend.textContent()).toContain('FDR over cells');
      const step = page.waitForResponse((r) => r.url().includes('/api/space-time?') && r.url().includes('timeStep=1'));
      await page.getByLabel('EHSA neighbourhood time step').selectOption('1');
      expect((await step).status()).toBe(200);
      await expect.poll(() => legend.textContent()).toContain('EHSA time step 1');
      expect(s.errors).toEqual([]);
    }, 120_000);
  });

  describe('with a restricted dataset', () => {
    const s = session(async () => {
      const path = join(tmp, 'local-police.csv');
      await writeFile(path, syntheticLocalPolice(800));
      return { restrictedFiles: [path] };
    });

    it('draws suppressed cells distinctly and labels them "fewer than k"', async () => {
      const { page } = s;
      const first = page.waitForResponse((r) => r.url().includes('/api/cells?'));
      await signInThroughPage(page, s.server.url, s.server.analyst);
      await drawnMap(page, await cellsBody(await first));

      const restricted = page.waitForResponse((r) => r.url().includes('/api/cells?'));
      await openControls(page, 'Area and data');
      await page.getByRole('checkbox', { name: /restricted/i }).check();
      const body = await cellsBody(await restricted);
      const suppressed = body.cells.filter((c) => c.count === null).length;
      expect(body.threshold).toBe(5);
      expect(suppressed).toBeGreaterThan(0);

      const map = await drawnMap(page, body);
      expect(Number(await map.getAttribute('data-cells-suppressed'))).toBe(suppressed);
      await expect.poll(() => page.locator('.legend').innerText()).toContain('Fewer than 5');
      await page.screenshot({ path: `${ARTIFACTS}map-restricted.png` });
      expect(s.errors).toEqual([]);
    });
  });
});

/** Deterministic incident rows (local-police preset columns) around Newport, February 2024. */
function syntheticLocalPolice(rows: number): string {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const lines = [
    'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force',
  ];
  for (let i = 0; i < rows; i++) {
    const clustered = random() < 0.5;
    const lat = clustered ? 51.588 + (random() - 0.5) * 0.02 : 51.55 + random() * 0.25;
    const lng = clustered ? -2.998 + (random() - 0.5) * 0.03 : -3.3 + random() * 0.45;
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const hour = String(Math.floor(random() * 24)).padStart(2, '0');
    lines.push(
      `GW/2024/${String(i).padStart(6, '0')},2024-02-${day},${hour}:30,${lat.toFixed(5)},${lng.toFixed(5)},common assault,N,N,N,Gwent`,
    );
  }
  return lines.join('\n') + '\n';
}
