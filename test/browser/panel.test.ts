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
import { insertGrant } from '../../server/db/grants.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { createTestUser } from '../helpers/auth.js';
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
    const panelCreated = page.waitForResponse(
      (r) => r.url().endsWith('/api/panels') && r.request().method() === 'POST',
    );
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
    // The change map says where it is: local authority outlines and at least one authority's name.
    await expect.poll(() => page.locator('.change-map .change-map-boundaries path').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.change-map .change-map-labels text').allTextContents()).not.toEqual([]);
    await page
      .locator('.change-map')
      .first()
      .screenshot({ path: `${ARTIFACTS}change-map.png` });
    expect(await page.locator('.change-summary li[data-class="new"]').textContent()).toMatch(/New: [1-9]/);
    expect(await page.locator('.small-multiple svg').count()).toBe(8); // the last eight fortnights

    await page.locator(`.review-priorities tr[data-h3="${cellOfSpot(APPEARS)}"]`).click();
    await expect.poll(() => page.locator('.location .cell-id').textContent()).toContain(cellOfSpot(APPEARS));
    expect(await page.locator('.series-chart rect').count()).toBe(8);
    await page.getByLabel('Kind').selectOption('action');
    await page.getByLabel('Note or action').fill('Licensing to visit the new late bar');
    await page.getByLabel('Owner').fill('Newport licensing');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.locator('.notes li').first().textContent())
      .toContain('Licensing to visit the new late bar');
    await page.screenshot({ path: `${ARTIFACTS}panel-review.png`, fullPage: true });

    await page.getByRole('button', { name: 'Printable report' }).click();
    const report = page.getByRole('article', { name: 'Review report' });
    await report.waitFor();
    await expect
      .poll(() => report.locator('h1').textContent())
      .toContain(`Newport violence panel: review for the meeting of ${MEETING}`);
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

  it('lets an admin of another partnership read the panel only after stating a reason, read-only and audited', async () => {
    const southWales = `partnership:${await findPartnershipByName(server.db, 'South Wales force area')}`;
    const admin = await createTestUser(server.db, {
      role: 'admin',
      scopes: [southWales],
      email: 'admin@south-wales.example',
      password: 'a long admin passphrase',
    });
    // Holding a grant on the data does not make the admin a member of the panel's partnership.
    const { id: datasetId } = (
      await server.db.query<{ id: number }>(`select id from datasets where name = 'Local police extract (restricted)'`)
    )[0]!;
    await insertGrant(server.db, {
      datasetId: datasetId!,
      placeLayerId: null,
      granteeScope: southWales,
      purpose: 'Cross-border review',
      area: null,
      expiresAt: new Date('2099-01-01'),
      grantedBy: null,
    });
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 1000 });
    await signInThroughPage(page, server.url, { email: admin.email, password: admin.password! });
    await page.getByRole('button', { name: 'Panels' }).click();
    await page.getByText(/No panels yet/).waitFor();
    await page.getByText("Read another partnership's panels (audited)").click();
    await page.getByLabel('Reason').fill('support request from the Gwent panel chair');
    await page.getByRole('button', { name: 'Read their panels' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /each read is recorded in the audit log/ })
      .waitFor();
    await expect.poll(() => page.locator('select').first().textContent()).toContain('Newport violence panel');
    const rows = page.locator('.review-priorities tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('button', { name: 'Create review' }).count()).toBe(0);
    await rows.first().click();
    await page.locator('.location').waitFor();
    expect(await page.locator('.note-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add to watch-list' }).count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}panel-admin-override.png`, fullPage: true });
    const audited = await server.db.query<{ target: string }>(
      `select target from audit_log where action = 'panel.override' and user_id = $1`,
      [admin.id],
    );
    expect(audited.map((a) => a.target)).toEqual(
      expect.arrayContaining(['GET /api/panels', expect.stringMatching(/^panel:\d+$/)]),
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
