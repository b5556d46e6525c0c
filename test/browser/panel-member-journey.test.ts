/**
 * The panel member's journey, in headless Chromium against the real app: open the meeting's
 * review, read its locations by name (a street and town, or LSOA and postcode sector, never an H3
 * id) and its area by the partnership's name, record an action on a location, and find the
 * action and the named locations in the printable report.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { nameLocations } from '../../server/services/location-names.js';
import { createTestUser } from '../helpers/auth.js';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { APPEARS, cellOfSpot, extract, MEETING, SPOTS } from '../helpers/planted.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const H3_ID = /\b[0-9a-f]{15}\b/;
/** "Commercial Street, Newport" or "Newport 014A · NP20 1". */
const PLACE_NAME = /^[^,·]+, [^,·]+$|^.+ \d{3}[A-Z] · [A-Z]{1,2}\d[A-Z\d]? \d$/;

describe.skipIf(!hasChromium)('panel member journey in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let tmp: string;
  let member: { email: string; password: string };

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hotspot-panel-member-'));
    const file = join(tmp, 'planted.csv');
    await writeFile(file, extract(SPOTS.map((_, i) => i)).csv);
    server = await startTestServer({ policeUkFiles: [], restrictedFiles: [file] });
    // An analyst sets the panel up and freezes the meeting's review, as they would before the meeting.
    const gwent = await findPartnershipByName(server.db, 'Gwent force area');
    const [dataset] = await server.db.query<{ id: number }>(
      `select id from datasets where name = 'Local police extract (restricted)'`,
    );
    const post = async (path: string, json: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.analyst.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
      expect(res.status).toBe(201);
      return res.json() as Promise<{ panel?: { id: number } }>;
    };
    const { panel } = await post('/api/panels', {
      partnershipId: gwent,
      name: 'Newport violence panel',
      cadence: 'fortnight',
      selection: { datasets: [dataset!.id], res: 9 },
    });
    await post(`/api/panels/${panel!.id}/reviews`, { meetingDate: MEETING });
    const password = 'a long panel passphrase';
    const user = await createTestUser(server.db, { role: 'panel', scopes: [`partnership:${gwent}`], password });
    member = { email: user.email, password };
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('reads named locations and the partnership, records an action, and finds both in the report', async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1280, height: 1000 });
    await signInThroughPage(page, server.url, member);
    await page.getByRole('button', { name: 'Panels' }).click();

    const rows = page.locator('.review-priorities tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    // The area by its partnership's name, not "partnership:N".
    const hintLine = page.locator('.review > p.hint').first();
    await expect.poll(() => hintLine.textContent(), { timeout: 15_000 }).toContain('Gwent force area');
    const hint = (await hintLine.textContent())!;
    expect(hint).not.toMatch(/partnership:\d/);
    // Every priority location by a name for people, each the one the server gives its cell.
    const cells = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-h3')!));
    const names = await nameLocations(server.db, cells);
    const shownNames = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent!.trim()));
    expect(shownNames).toEqual(cells.map((h3) => names.get(h3)!.label));
    for (const name of shownNames) {
      expect(name).not.toMatch(H3_ID);
      expect(name).toMatch(PLACE_NAME);
    }
    // At least one Newport cell is named by a street read from a nearby setting's address.
    expect([...names.values()].some((n) => n.street !== null)).toBe(true);

    // The new location: its panel is headed by its name, with the id kept beside it.
    const appears = cellOfSpot(APPEARS);
    const appearsName = (await nameLocations(server.db, [appears])).get(appears)!.label;
    await page.locator(`.review-priorities tr[data-h3="${appears}"]`).click();
    await expect.poll(() => page.locator('.location h3').textContent()).toContain(appearsName);
    expect(await page.locator('.location .cell-id').textContent()).toContain(appears);
    // The change map's tooltip names the place too.
    expect(await page.locator(`.change-map polygon[data-h3="${appears}"] title`).textContent()).toContain(appearsName);

    await page.getByLabel('Kind').selectOption('action');
    await page.getByLabel('Note or action').fill('Patrol the underpass on Friday nights');
    await page.getByLabel('Owner').fill('Gwent neighbourhood team');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => page.locator('.notes li').first().textContent())
      .toContain('Patrol the underpass on Friday nights');
    await page.screenshot({ path: `${ARTIFACTS}panel-member-review.png`, fullPage: true });

    await page.getByRole('button', { name: 'Printable report' }).click();
    const report = page.getByRole('article', { name: 'Review report' });
    await report.waitFor();
    const reportText = (await report.textContent())!;
    expect(reportText).toContain('Area Gwent force area');
    const reportRow = report.locator(`tr[data-h3="${appears}"]`);
    const rowText = (await reportRow.textContent())!;
    expect(rowText).toContain(appearsName);
    expect(rowText).toContain(appears); // the id kept for reference
    expect(rowText).toContain('Action (open, Gwent neighbourhood team): Patrol the underpass on Friday nights');
    expect(reportText).not.toMatch(/Offence groups:[^.]*\b[a-z]+-[a-z-]+\b/); // group labels, not ids
    await page.screenshot({ path: `${ARTIFACTS}panel-member-report.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
