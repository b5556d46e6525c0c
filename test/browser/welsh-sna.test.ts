/**
 * End-to-end: the SNA place chapter in Welsh (`?lang=cy`) for Gwent on the real police.uk data and
 * the synthetic ISTV ED data: the document is marked Welsh, every heading is the catalogue's Welsh
 * alone (not the bilingual English/Welsh of the English chapter), and the English headings are gone.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../server/domain/i18n/translate.js';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const RESTRICTED = fileURLToPath(new URL('../../geodata/sample/restricted/', import.meta.url));
const MONTHS = ['2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12'];
const SECTIONS = [
  'sna.heading.definition',
  'sna.heading.sources',
  'sna.heading.priorities',
  'sna.heading.trend',
  'sna.heading.triangulation',
  'sna.heading.disclosure',
] as const;

describe.skipIf(!hasChromium)('the SNA place chapter in Welsh', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      policeUkFiles: MONTHS.map((m) => policeUkFile('gwent', m)),
      edFiles: [`${RESTRICTED}istv-ed-gwent-south-wales.csv.gz`],
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('writes the chapter in Welsh, headings and tables, when the page is opened with ?lang=cy', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1200, height: 1600 });
    await signInThroughPage(page, server.url, server.analyst);
    // The chapter's address comes from the English Police and ED page, then opens again in Welsh.
    await page.getByRole('button', { name: 'Police and ED' }).click();
    await page.getByRole('button', { name: 'Printable SNA place chapter' }).click();
    await page.getByRole('article', { name: 'SNA place chapter' }).waitFor({ timeout: 90_000 });
    const address = new URL(page.url());
    address.searchParams.set('lang', 'cy');
    await page.goto(address.toString());

    const chapter = page.getByRole('article', { name: translate('cy', 'sna.chapterLabel') });
    await chapter.waitFor({ timeout: 90_000 });
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await expect
      .poll(() => chapter.locator('h2').allTextContents(), { timeout: 90_000 })
      .toEqual(SECTIONS.map((key) => translate('cy', key)));
    expect(await chapter.locator('h1').textContent()).toMatch(new RegExp(`^${translate('cy', 'sna.heading.title')}: `));
    await expect.poll(() => chapter.locator('figcaption').count(), { timeout: 90_000 }).toBe(4);
    const text = (await chapter.textContent())!;
    for (const key of [...SECTIONS, 'sna.heading.title', 'sna.col.legalBasis', 'sna.definitionHospital'] as const)
      expect(text).not.toContain(translate('en', key));
    expect(text).toContain(translate('cy', 'sna.col.legalBasis'));
    expect(text).toContain(translate('cy', 'sna.disclosureRestricted', { max: 4, threshold: 5 }));
    expect(await page.getByRole('button', { name: translate('cy', 'sna.print') }).isVisible()).toBe(true);
    expect(await chapter.locator('.form-error').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}sna-welsh.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);
});
