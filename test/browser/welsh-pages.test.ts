/**
 * The Welsh interface end to end: with `?lang=cy`, the Compare page and a panel's printed report
 * speak Welsh (from the message catalogue) and mark the page `lang="cy"`; their English headings are gone.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../server/domain/i18n/translate.js';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { extract, MEETING, SPOTS } from '../helpers/planted.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04'];
const cy = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('cy', key, params);

describe.skipIf(!hasChromium)('Welsh pages in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let tmp: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hotspot-welsh-browser-'));
    const file = join(tmp, 'planted.csv');
    await writeFile(file, extract(SPOTS.map((_, i) => i)).csv);
    server = await startTestServer({
      policeUkFiles: MONTHS.map((m) => policeUkFile('gwent', m)),
      morePoliceUk: [
        { name: 'South Wales Police (data.police.uk)', files: MONTHS.map((m) => policeUkFile('south-wales', m)) },
      ],
      restrictedFiles: [file],
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('shows the Compare page and a printed panel report in Welsh', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 1400 });
    await signInThroughPage(page, server.url, server.analyst);

    // Compare: the heading, table headers and map choices in Welsh, the English heading gone.
    const compared = page.waitForResponse((r) => r.url().includes('/api/compare?'), { timeout: 90_000 });
    await page.goto(`${server.url}/compare?lang=cy`);
    expect((await compared).status()).toBe(200);
    await page.getByRole('heading', { name: cy('compare.heading') }).waitFor();
    const headers = await page.locator('.compare-table thead th').allTextContents();
    expect(headers).toContain(cy('compare.table.rank'));
    expect(headers).toContain(cy('compare.table.yearEarlier'));
    expect(headers).not.toContain('Rank');
    await expect.poll(() => page.getByRole('group', { name: cy('compare.picker.legend') }).count()).toBe(1);
    expect(await page.getByText(cy('compare.mode.crossBorder')).count()).toBeGreaterThanOrEqual(1);
    const compareText = (await page.locator('main').textContent())!;
    expect(compareText).not.toContain('Areas side by side');
    expect(compareText).not.toContain('Areas compared');
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');

    // A panel and a review, set up in English (the Welsh panel screens are checked by their keys below).
    await page.goto(`${server.url}/panels?lang=en`);
    await page.getByText('Set up a panel').click();
    await page.getByLabel('Name').fill('Panel trais Casnewydd');
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
    await expect
      .poll(() => page.locator('.review-priorities tbody tr').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);

    // The same review reopened in Welsh, then its printed report.
    const inWelsh = new URL(page.url());
    inWelsh.searchParams.set('lang', 'cy');
    await page.goto(inWelsh.toString());
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await page.getByRole('button', { name: cy('panel.printable') }).click();
    const report = page.getByRole('article', { name: cy('panel.report.label') });
    await report.waitFor();
    await expect
      .poll(() => report.locator('h1').textContent())
      .toBe(cy('panel.report.title', { panel: 'Panel trais Casnewydd', date: MEETING }));
    const headings = await report.locator('h2').allTextContents();
    expect(headings).toEqual(
      expect.arrayContaining([
        cy('panel.report.summary'),
        cy('panel.report.priorities'),
        cy('panel.report.method'),
        cy('panel.report.disclosure'),
        cy('panel.report.sources'),
      ]),
    );
    for (const english of ['Summary', 'Priority locations', 'Disclosure control', 'Data sources'])
      expect(headings).not.toContain(english);
    const text = (await report.textContent())!;
    expect(text).toContain(cy('panel.report.col.location'));
    expect(text).toContain(cy('panel.report.licence'));
    expect(text).not.toContain('Open Government Licence');
    expect(await page.getByRole('button', { name: cy('panel.report.print') }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SCREENSHOTS}report-welsh.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
