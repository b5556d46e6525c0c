/**
 * End-to-end: a panel review from creation to the printable report, in headless Chromium against
 * the real API with planted daily-dated data (a location that appears, one that doubles, one that stops).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { APPEARS, cellOfSpot, extract, MEETING, SPOTS } from '../helpers/planted.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe.skipIf(!hasChromium)('panel review in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hotspot-panel-browser-'));
    const file = join(tmp, 'planted.csv');
    await writeFile(file, extract(SPOTS.map((_, i) => i)).csv);
    server = await startTestServer({ policeUkFiles: [], restrictedFiles: [file] });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('creates the review for a meeting, records an action on a new location, and prints the report', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 1000 });
    await signInThroughPage(page, server.url, server.analyst);
    await page.getByRole('button', { name: 'Panels' }).click();
    // Set the panel up in the page: the Gwent force area partnership, fortnightly, the restricted extract.
    await page.getByText('Set up a panel').click();
    await page.getByLabel('Name').fill('Newport violence panel');
    await page.getByLabel('Partnership').selectOption({ label: 'Gwent force area' });
    await page.getByLabel(/Local police extract \(restricted\)/).check();
    const panelCreated = page.waitForResponse((r) => r.url().endsWith('/api/panels') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Create panel' }).click();
    expect((await panelCreated).status()).toBe(201);
    await page.getByLabel(/New review for meeting on/).fill(MEETING);
    const created = page.waitForResponse((r) => r.url().endsWith('/reviews') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Create review' }).click();
    expect((await created).status()).toBe(201);

    const rows = page.locator('.review-priorities tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe('New');
    expect(await page.locator(`.change-map polygon[data-class="new"]`).count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.change-summary li[data-class="new"]').textContent()).toMatch(/New: [1-9]/);
    expect(await page.locator('.small-multiple svg').count()).toBe(8); // the last eight fortnights

    await page.locator(`.review-priorities tr[data-h3="${cellOfSpot(APPEARS)}"]`).click();
    await expect.poll(() => page.locator('.location h3').textContent()).toContain(cellOfSpot(APPEARS));
    expect(await page.locator('.series-chart rect').count()).toBe(8);
    await page.getByLabel('Kind').selectOption('action');
    await page.getByLabel('Note or action').fill('Licensing to visit the new late bar');
    await page.getByLabel('Owner').fill('Newport licensing');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.locator('.notes li').first().textContent()).toContain('Licensing to visit the new late bar');
    await page.screenshot({ path: `${ARTIFACTS}panel-review.png`, fullPage: true });

    await page.getByRole('button', { name: 'Printable report' }).click();
    const report = page.getByRole('article', { name: 'Review report' });
    await report.waitFor();
    await expect.poll(() => report.locator('h1').textContent()).toContain(`Newport violence panel: review for the meeting of ${MEETING}`);
    const text = (await report.textContent())!;
    expect(text).toContain('Action (open, Newport licensing): Licensing to visit the new late bar');
    expect(text).toMatch(/Disclosure control.*counts from 1 to 4 withheld/);
    expect(text).toMatch(/Data sources.*Local police extract \(restricted\)/);
    expect(await report.locator('.small-multiple svg').count()).toBe(8);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}panel-report.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
