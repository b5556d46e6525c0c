/**
 * End-to-end: police-recorded against ED violence in headless Chromium, on the real Gwent
 * police.uk data (2023-07..2024-06) and the synthetic ISTV ED data with its planted ED-only
 * clusters: the bivariate map, the classes and the tables.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { latLngToCell } from 'h3-js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { airGappedPage, hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { policeUkFile } from '../helpers/shared-data.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const MONTHS = [
  '2023-07',
  '2023-08',
  '2023-09',
  '2023-10',
  '2023-11',
  '2023-12',
  '2024-01',
  '2024-02',
  '2024-03',
  '2024-04',
  '2024-05',
  '2024-06',
];
const RESTRICTED = fileURLToPath(new URL('../../geodata/sample/restricted/', import.meta.url));
const PLANTED = JSON.parse(readFileSync(`${RESTRICTED}planted-clusters.json`, 'utf8')) as {
  clusters: { id: string; force: string; lat: number; lng: number }[];
};

describe.skipIf(!hasChromium)('police and ED triangulation in the browser', () => {
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

  it("maps Gwent's police and ED records together and lists the ED-only clusters with the settings near them", async () => {
    const { page, errors } = await airGappedPage(browser, server.url, { width: 1400, height: 2600 });
    await signInThroughPage(page, server.url, server.analyst);
    const answered = page.waitForResponse((r) => r.url().includes('/api/triangulation?'));
    await page.getByRole('button', { name: 'Police and ED' }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { from: string; to: string; cells: unknown[]; restricted: boolean };
    expect([body.from, body.to, body.restricted]).toEqual(['2023-07', '2024-06', true]);
    await page
      .locator(`.linked-map[data-map-id="triangulation"][data-status="ready"][data-cells-drawn="${body.cells.length}"]`)
      .waitFor({ timeout: 90_000 });
    const edOnly = page.locator('table.triangulation-cells[data-class="ed-excess"] tbody tr');
    await expect.poll(() => edOnly.count()).toBeGreaterThanOrEqual(3);
    for (const cluster of PLANTED.clusters.filter((c) => c.force === 'Gwent Police')) {
      expect(
        await page
          .locator(
            `table.triangulation-cells[data-class="ed-excess"] tr[data-h3="${latLngToCell(cluster.lat, cluster.lng, 8)}"]`,
          )
          .count(),
        cluster.id,
      ).toBe(1);
    }
    expect(await page.locator('.triangulation-areas tbody tr').count()).toBe(5);
    expect(await page.locator('.bivariate-legend td').count()).toBe(9);
    expect(await page.locator('.nte td').first().textContent()).toMatch(/^\d/); // the ED night-time economy count
    // The GeoPackage downloads through the page's link, as the analyst's browser would fetch it.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'GeoPackage' }).click();
    const file = await (await download).path();
    expect(readFileSync(file!).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    await page.screenshot({ path: `${ARTIFACTS}triangulation.png`, fullPage: true });

    // The map as a PNG at print resolution (300 dpi: 3.125 device pixels per CSS pixel), hexagons included.
    const mapBox = (await page.locator('.linked-map[data-map-id="triangulation"]').boundingBox())!;
    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save map as PNG (print resolution)' }).click();
    const png = readFileSync((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(Math.abs(png.readUInt32BE(16) - mapBox.width * (300 / 96))).toBeLessThan(10); // the box includes the 1px border
    expect(png.readUInt32BE(20)).toBeGreaterThan(mapBox.height * (300 / 96));
    writeFileSync(`${ARTIFACTS}triangulation-map-print.png`, png);
    const drawn = await page.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(
        new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      // The bivariate fill: police orange (red well above blue) or ED blue (blue well above red).
      let orangeOrBlue = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if ((r > 180 && r - b > 90 && g > 60) || (b > 160 && b - r > 60 && g < 170)) orangeOrBlue++;
      }
      return orangeOrBlue;
    }, png.toString('base64'));
    expect(drawn).toBeGreaterThan(5000);
    // Made in the browser, recorded on the server: every export is audited.
    await expect
      .poll(
        async () =>
          (
            await server.db.query(
              `select summary from audit_log where action = 'export' and summary->>'format' = 'map.png'`,
            )
          ).length,
      )
      .toBe(1);

    // The SNA place chapter for the same selection: Welsh headings for a Welsh area, every section, and a PDF.
    await page.getByRole('button', { name: 'Printable SNA place chapter' }).click();
    const chapter = page.getByRole('article', { name: 'SNA place chapter' });
    await chapter.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => chapter.locator('h2').allTextContents(), { timeout: 60_000 })
      .toEqual([
        'Definition of serious violence / Diffiniad o drais difrifol',
        'Data sources / Ffynonellau data',
        'Priority locations / Lleoliadau blaenoriaeth',
        'Trends / Tueddiadau',
        "Police and hospital data / Data'r heddlu a'r ysbyty",
        'Disclosure control / Rheoli datgelu',
      ]);
    await expect.poll(() => chapter.locator('figcaption').count(), { timeout: 60_000 }).toBe(4);
    expect(await chapter.locator('h1').textContent()).toBe(
      'Serious violence: place chapter / Trais difrifol: pennod lle: Gwent',
    );
    const text = (await chapter.textContent())!;
    expect(text).toContain('Police, Crime, Sentencing and Courts Act 2022, section 16');
    expect(text).toContain('Open Government Licence v3.0');
    expect(text).toMatch(/Counts from 1 to 4 are not shown/);
    for (const cluster of PLANTED.clusters.filter((c) => c.force === 'Gwent Police'))
      expect(text).toContain(latLngToCell(cluster.lat, cluster.lng, 8));
    expect(await chapter.locator('.change-map polygon[data-class="3"]').count()).toBeGreaterThan(10);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTIFACTS}sna-chapter.png`, fullPage: true });
    expect((await page.pdf({ format: 'A4' })).subarray(0, 4).toString()).toBe('%PDF');

    // The public version for publication: coarse cells, the higher threshold, checked by the server.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Public version (for publication)' }).click();
    const publicChapter = page.locator('article.sna-report[data-public="true"]');
    await publicChapter.waitFor({ timeout: 60_000 });
    await expect.poll(() => publicChapter.locator('figcaption').count(), { timeout: 60_000 }).toBe(4);
    const publicText = (await publicChapter.textContent())!;
    expect(publicText).toContain('Public version, for publication');
    expect(publicText).toMatch(/Counts from 1 to 9 are not shown/);
    expect(publicText).toContain('H3 resolution 7');
    // Every cell named is of resolution 7 (H3 indexes of resolution 7 begin 87, of 8 begin 88).
    const named = await publicChapter.locator('td code').allTextContents();
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((h3) => !h3.startsWith('87'))).toEqual([]);
    expect(await publicChapter.locator('.form-error').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}sna-chapter-public.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
