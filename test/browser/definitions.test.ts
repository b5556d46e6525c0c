/**
 * End-to-end: an analyst starts a serious-violence definition from a national preset, saves it
 * (version 1), changes it and saves it again (version 2), sees both versions in the history, and
 * the map counts that definition: its cells request names version 2, and choosing version 1 in
 * the map's Offences section asks again with version 1 and draws other counts.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  airGappedPage,
  cellsBody,
  drawnMap,
  hasChromium,
  launchChromium,
  openControls,
  signInThroughPage,
} from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const MONTHS = ['2024-01', '2024-02', '2024-03'];

const nextCells = (page: Page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cells', { timeout: 60_000 });

/** Ticks exactly these offence groups in the definition editor. */
async function chooseGroups(page: Page, ids: string[]) {
  const editor = page.getByRole('form', { name: 'Definition' });
  await editor.getByRole('button', { name: 'None' }).click();
  for (const id of ids) await editor.locator(`input[name="group"][value="${id}"]`).check();
}

describe.skipIf(!hasChromium)('the definitions editor', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ policeUkFiles: MONTHS.map((m) => policeUkFile('gwent', m)) });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('saves a definition as version 2 and the map counts it', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 1000 });
    await signInThroughPage(page, server.url, server.analyst);
    await page.getByRole('button', { name: 'Definitions' }).click();
    await page.getByRole('heading', { name: 'Saved definitions and their versions' }).waitFor();
    await expect.poll(() => page.locator('#partnership').inputValue()).not.toBe('all'); // the analyst's partnership

    // Version 1: from the national homicide preset, renamed, counting robbery.
    await page.locator('#definition-start').selectOption({ label: 'Homicide' });
    const editor = page.getByRole('form', { name: 'Definition' });
    await editor.getByLabel('Key').fill('street-violence');
    await editor.getByLabel('Name').fill('Street violence');
    await chooseGroups(page, ['robbery']);
    await editor.getByRole('button', { name: 'Save as version 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Street violence” as version 1.' }).waitFor();

    // Version 2: the same key, now robbery and possession of weapons.
    await chooseGroups(page, ['robbery', 'weapons']);
    await editor.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Street violence” as version 2.' }).waitFor();
    const rows = page.locator('table.definition-history tbody tr[data-key="street-violence"]');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-version')))).toEqual(['2', '1']);
    expect(await rows.first().textContent()).toContain('Robbery, Possession of weapons');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}definitions.png`, fullPage: true });

    // Version 2 on the map: the cells request names it, not the groups.
    const v2Cells = nextCells(page);
    await rows.first().getByRole('button', { name: 'Show on the map' }).click();
    const v2Response = await v2Cells;
    const v2Params = new URL(v2Response.url()).searchParams;
    expect(v2Params.get('groups')).toBeNull();
    const v2Id = v2Params.get('definition');
    expect(v2Id).toMatch(/^\d+$/);
    const v2 = await cellsBody(v2Response);
    await drawnMap(page, v2);
    await openControls(page, 'Offences');
    expect(await page.locator('#definition option:checked').textContent()).toBe('Street violence, version 2 (latest)');
    expect(
      await page.locator('details.control-section', { hasText: 'Offences' }).locator('summary').textContent(),
    ).toContain('Street violence (version 2)');

    // Version 1 instead: another request, with fewer incidents (robbery only).
    const v1Cells = nextCells(page);
    await page.locator('#definition').selectOption({ label: 'Street violence, version 1' });
    const v1Response = await v1Cells;
    const v1Id = new URL(v1Response.url()).searchParams.get('definition');
    expect(v1Id).toMatch(/^\d+$/);
    expect(v1Id).not.toBe(v2Id);
    const v1 = await cellsBody(v1Response);
    await drawnMap(page, v1);
    const total = (body: typeof v1) => body.cells.reduce((sum, c) => sum + (c.count ?? 0), 0);
    expect(total(v1)).toBeGreaterThan(0);
    expect(total(v2)).toBeGreaterThan(total(v1));
    expect(errors).toEqual([]);
  }, 240_000);
});
