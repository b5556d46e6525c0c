/**
 * WCAG 2.2 AA in headless Chromium: axe-core on every page of the real app (sign-in, map,
 * compare, Police and ED, panels with a review, the review report, the SNA chapter, data sharing,
 * admin), each with exactly one <main> landmark; and the map's main flow driven by keyboard alone.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { createTestUser } from '../helpers/auth.js';
import { type AxeViolation, axeViolations } from '../helpers/axe.js';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { extract, MEETING, SPOTS } from '../helpers/planted.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const RESTRICTED = fileURLToPath(new URL('../../geodata/sample/restricted/', import.meta.url));

/** What a failing page reports: each rule broken, with the elements that break it. */
const readable = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target).join(', ')}`);

describe.skipIf(!hasChromium)('accessibility (WCAG 2.2 AA) in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let tmp: string;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hotspot-a11y-browser-'));
    const file = join(tmp, 'planted.csv');
    await writeFile(file, extract(SPOTS.map((_, i) => i)).csv);
    server = await startTestServer({
      policeUkFiles: [policeUkFile('gwent', '2024-05'), policeUkFile('gwent', '2024-06')],
      restrictedFiles: [file],
      edFiles: [`${RESTRICTED}istv-ed-gwent-south-wales.csv.gz`],
    });
    const gwent = `partnership:${await findPartnershipByName(server.db, 'Gwent force area')}`;
    admin = { email: 'admin@gwent.example', password: 'an admin passphrase for the browser' };
    await createTestUser(server.db, { role: 'admin', scopes: [gwent], ...admin });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('finds no violations and one main landmark on any page', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1366, height: 768 });
    const found: Record<string, string[]> = {};
    const mains: Record<string, number> = {};
    const check = async (name: string) => {
      mains[name] = await page.locator('main').count();
      const violations = readable(await axeViolations(page));
      // axe counts an empty header as best practice only; WCAG 1.3.1 wants every header to say what it heads.
      const emptyHeaders = await page
        .locator('th')
        .evaluateAll((ths) => ths.filter((th) => !th.textContent?.trim() && !th.getAttribute('aria-label')).length);
      if (emptyHeaders) violations.push(`${emptyHeaders} empty table headers`);
      if (violations.length) found[name] = violations;
    };

    await page.goto(server.url);
    await page.getByLabel('Email').waitFor();
    await check('sign-in');
    await signInThroughPage(page, server.url, admin);

    await page.locator('#map[data-status="ready"]').waitFor({ timeout: 90_000 });
    await page.locator('.priority-table, .status-line').first().waitFor();
    await check('map');

    await page.getByRole('button', { name: 'Compare' }).click();
    await page.locator('table').first().waitFor({ timeout: 90_000 });
    await check('compare');

    const triangulated = page.waitForResponse((r) => r.url().includes('/api/triangulation?'));
    await page.getByRole('button', { name: 'Police and ED' }).click();
    await triangulated;
    await page.locator('.linked-map[data-map-id="triangulation"][data-status="ready"]').waitFor({ timeout: 90_000 });
    await check('police and ED');

    await page.getByRole('button', { name: 'Printable SNA place chapter' }).click();
    await page.locator('.report-page').waitFor();
    await page.waitForLoadState('networkidle');
    await check('SNA chapter');

    await page.goto(server.url);
    await page.getByRole('button', { name: 'Panels' }).click();
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
    await page.getByRole('button', { name: 'Create review' }).click();
    await expect
      .poll(() => page.locator('.review-priorities tbody tr').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await page.locator('.review-priorities tbody tr').first().click();
    await page.locator('.location h3').waitFor();
    await check('panels');

    await page.getByRole('button', { name: 'Printable report' }).click();
    await page.getByRole('article', { name: 'Review report' }).waitFor();
    await check('review report');

    await page.goto(`${server.url}/sharing`);
    await page.locator('.user-bar').waitFor();
    await page.waitForLoadState('networkidle');
    await check('data sharing');

    await page.goto(`${server.url}/admin`);
    await page.getByRole('heading', { name: /administration/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await check('admin');

    expect(found).toEqual({});
    expect(mains).toEqual({
      'sign-in': 1,
      map: 1,
      compare: 1,
      'police and ED': 1,
      'SNA chapter': 1,
      panels: 1,
      'review report': 1,
      'data sharing': 1,
      admin: 1,
    });
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
  it('keeps the selection compact and the priority table in view beside the map', async () => {
    const measured: Record<
      string,
      { sidePanel: number; controlsBottom: number; priorityTop: number; besideMap: boolean }
    > = {};
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const { page, errors } = await airGappedPage(browser, server.url, viewport);
      await signInThroughPage(page, server.url, server.analyst);
      await page.locator('#map[data-status="ready"]').waitFor({ timeout: 90_000 });
      const table = page.locator('table.priority-table');
      await table.waitFor({ timeout: 90_000 });
      const [tableBox, mapBox] = [(await table.boundingBox())!, (await page.locator('#map').boundingBox())!];
      measured[`${viewport.width}x${viewport.height}`] = {
        sidePanel: await page.evaluate(() => document.querySelector('.side-panel')!.scrollHeight),
        // Where the last group of controls ends (the panel's own padding and status line aside).
        controlsBottom: await page.evaluate(() =>
          Math.round(
            [...document.querySelectorAll('.side-panel .control-section')].at(-1)!.getBoundingClientRect().bottom,
          ),
        ),
        priorityTop: Math.round(tableBox.y),
        besideMap: tableBox.x >= mapBox.x + mapBox.width - 1 || tableBox.x + tableBox.width <= mapBox.x + 1,
      };
      await page.screenshot({ path: `${ARTIFACTS}map-layout-${viewport.width}.png` });
      expect(errors).toEqual([]);
      await page.close();
    }
    console.log('map page layout (CSS px):', JSON.stringify(measured));
    // The selection fits the screen, and the table's first rows are on screen beside the map without scrolling.
    for (const [viewport, m] of Object.entries(measured)) {
      const height = Number(viewport.split('x')[1]);
      expect(m.controlsBottom, viewport).toBeLessThanOrEqual(height);
      expect(m.sidePanel, viewport).toBeLessThan(height * 1.1);
      expect(m.priorityTop, viewport).toBeLessThan(height - 150);
      expect(m.besideMap, viewport).toBe(true);
    }
  }, 300_000);

  /** Presses Tab (Shift+Tab: back) until the focused element matches the selector; fails after `max` presses. */
  async function tabTo(page: Page, selector: string, max = 200) {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('runs the main flow by keyboard alone: area, datasets, view, then a priority location', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1366, height: 768 });
    await signInThroughPage(page, server.url, server.analyst);
    await page.locator('#map[data-status="ready"]').waitFor({ timeout: 90_000 });
    const url = () => new URL(page.url()).searchParams;

    // Area: open the group with Enter, then pick the partnership in the focused select by its first letter.
    await tabTo(page, 'details.control-section > summary');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Area and data');
    await page.keyboard.press('Enter');
    await tabTo(page, '#partnership');
    // Pressing a letter again moves on to the next option starting with it.
    for (let i = 0; i < 60; i++) {
      if (/^Newport CSP/.test((await page.locator('#partnership option:checked').textContent()) ?? '')) break;
      await page.keyboard.press('N');
    }
    await expect.poll(() => url().get('area')).toMatch(/^partnership:\d+$/);
    expect(await page.locator('#partnership option:checked').textContent()).toMatch(/^Newport CSP/);

    // Datasets: Space unticks and ticks the focused box.
    await tabTo(page, 'input[name="dataset"]');
    const box = page.locator('input[name="dataset"]:focus');
    const before = await box.isChecked();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(!before);
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(before);

    // View: the arrow keys move along the radio group.
    await tabTo(page, 'input[name="map-view"]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => url().get('view')).toBe('hotspots');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => url().get('view') ?? 'counts').toBe('counts');

    // A priority location: Tab on to the table beside the map, Enter opens the row's cell.
    const row = page.locator('tr.priority-row').first();
    await row.waitFor({ timeout: 90_000 });
    await tabTo(page, 'tr.priority-row');
    const h3 = await page.evaluate(() => document.activeElement?.getAttribute('data-h3'));
    await page.keyboard.press('Enter');
    await expect.poll(() => url().get('cell')).toBe(h3);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('lands a user on their own partnership, and says so when their role cannot use a page', async () => {
    const newport = await findPartnershipByName(server.db, 'Newport CSP');
    const member = { email: 'member@newport.example', password: 'a panel member passphrase here' };
    await createTestUser(server.db, { role: 'panel', scopes: [`partnership:${newport}`], ...member });
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1366, height: 768 });
    const firstCells = page.waitForRequest((r) => r.url().includes('/api/cells?'));
    await signInThroughPage(page, server.url, member);
    // The very first counts asked for are Newport's, not Gwent's.
    expect(new URL((await firstCells).url()).searchParams.get('area')).toBe(`partnership:${newport}`);
    await page.locator('#map[data-status="ready"]').waitFor({ timeout: 90_000 });
    expect(await page.locator('#partnership').inputValue()).toBe(String(newport));
    expect(await page.locator('.control-section-summary').first().textContent()).toMatch(/^Newport CSP · Gwent Police/);
    expect(await page.getByRole('button', { name: 'Data sharing' }).count()).toBe(0);

    for (const [path, why] of [
      ['/sharing', /Data sharing is for analysts, PCC staff and administrators/],
      ['/admin', /The Admin page is for administrators/],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { name: 'hotspot · page not available' }).waitFor();
      expect(await page.getByRole('status').textContent()).toMatch(why);
      expect(await page.locator('#map').count()).toBe(0);
      expect(readable(await axeViolations(page))).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
