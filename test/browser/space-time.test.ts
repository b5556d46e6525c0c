/**
 * End-to-end: the space-time view's period slider in headless Chromium on six bundled Gwent
 * police.uk months. Play steps the map through every period's Gi* classes to the last (the map
 * and legend say which period they draw), and a cell's panel lists its count and class for each
 * period as the API answered them.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

interface SpaceTimeAnswer {
  periods: { from: string; to: string }[];
  coverage: { periods: { coverage: string }[] };
  cells: { h3: string; counts: (number | null)[]; classes: (number | null)[] }[];
}

describe.skipIf(!hasChromium)('the space-time period slider in the browser', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    // Six Gwent months: space-time patterns need a series of at least 4.
    server = await startTestServer({
      policeUkFiles: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'].map((m) =>
        policeUkFile('gwent', m),
      ),
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('plays the periods one by one to the last, and shows a cell its series', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 1000 });
    await signInThroughPage(page, server.url, server.analyst);

    // The busiest cell of the series, opened from the URL as a shared link would.
    const first = page.waitForResponse((r) => r.url().includes('/api/space-time?'), { timeout: 45_000 });
    await page.getByLabel(/Space-time \(EHSA, sfhotspot\)/).check();
    const response = await first.catch(async (e) => {
      await page.screenshot({ path: '/tmp/h2-fail.png' });
      throw new Error(`${e}; page errors: ${errors.join(' | ')}`);
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as SpaceTimeAnswer;
    const n = body.periods.length;
    expect(n).toBeGreaterThanOrEqual(4);
    for (const c of body.cells) expect(c.classes).toHaveLength(n);
    await page.locator('#map[data-view="space-time"][data-status="ready"]').waitFor({ timeout: 90_000 });
    // The first priority location's cell, opened from the priority table.
    await page.locator('.priorities tbody tr').first().click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('cell'), { timeout: 30_000 })
      .toMatch(/^8[0-9a-f]{14}$/);
    const h3 = new URL(page.url()).searchParams.get('cell')!;
    const busiest = body.cells.find((c) => c.h3 === h3)!;
    expect(busiest).toBeDefined();

    // The panel's series: one row per period, the API's released count, withheld and missing named.
    const rows = page.locator('table.cell-space-time-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(n);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ state: tr.getAttribute('data-state'), count: tr.getAttribute('data-count') })),
    );
    expect(shown).toEqual(
      busiest.counts.map((count, i) => ({
        state: body.coverage.periods[i]!.coverage === 'none' ? 'missing' : count === null ? 'withheld' : 'released',
        count: count === null ? '' : String(count),
      })),
    );
    expect(shown.some((r) => r.state === 'released' && r.count !== '0')).toBe(true);

    // Record every period the map draws, then play.
    await page.evaluate(() => {
      const map = document.getElementById('map')!;
      const seen: string[] = [];
      (window as unknown as { seenPeriods: string[] }).seenPeriods = seen;
      new MutationObserver(() => {
        const p = map.dataset.period ?? '';
        if (seen.at(-1) !== p) seen.push(p);
      }).observe(map, { attributes: true, attributeFilter: ['data-period'] });
    });
    await page.getByRole('button', { name: 'Play' }).click();
    const middle = Math.ceil(n / 2);
    await page.locator(`#map[data-period="${middle}"]`).waitFor({ timeout: 10_000 });
    const legend = page.locator('.space-time-legend');
    expect(await legend.getAttribute('data-period')).toBe(String(middle));
    expect(await legend.textContent()).toContain(`Period ${middle} of ${n}`);
    await page.screenshot({ path: `${SCREENSHOTS}space-time.png` });

    await page.locator(`#map[data-period="${n}"]`).waitFor({ timeout: (n + 2) * 2_000 });
    // Playback stops at the last period: the button offers Play again and the URL keeps the period.
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 5_000 });
    expect(new URL(page.url()).searchParams.get('stperiod')).toBe(String(n));
    const seen = await page.evaluate(() => (window as unknown as { seenPeriods: string[] }).seenPeriods);
    expect(seen).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)));
    expect(await page.locator('.space-time-legend').getAttribute('data-period')).toBe(String(n));
    expect(errors).toEqual([]);
  }, 240_000);
});
