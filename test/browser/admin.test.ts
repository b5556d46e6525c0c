/**
 * The first-run path in the browser: the console's one-time link signs the admin in, the admin
 * chooses a password, adds a user (getting that user's link), and reads the audit log.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInLink, signInLinkPath } from '../../server/auth/sessions.js';
import { createTestUser } from '../helpers/auth.js';
import { hasChromium, launchChromium, signInThroughPage } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe.skipIf(!hasChromium)('sign-in and administration in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const extract = join(await mkdtemp(join(tmpdir(), 'hotspot-sharing-')), 'extract.csv');
    const rows = Array.from(
      { length: 10 },
      (_, i) => `R${i},2024-01-1${i % 9},21:00,51.588,-2.997,Common assault,N,N,N,Gwent Police`,
    );
    await writeFile(
      extract,
      [
        'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force',
        ...rows,
      ].join('\n'),
    );
    [browser, server] = await Promise.all([
      launchChromium(),
      startTestServer({ policeUkFiles: [], restrictedFiles: [extract] }),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await mkdir(ARTIFACTS, { recursive: true });
  }, 900_000);

  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password on the sign-in page with a clear message', async () => {
    await page.goto(server.url);
    await page.getByLabel('Email').fill(server.analyst.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('wrong email or password');
    await page.screenshot({ path: `${ARTIFACTS}sign-in.png` });
  });

  it('signs a new admin in with a one-time link, sets a password, adds a user and shows the audit log', async () => {
    const admin = await createTestUser(server.db, { role: 'admin', email: 'admin@example.org' });
    await page.goto(server.url + signInLinkPath(await createSignInLink(server.db, admin.id)));
    await page.locator('.user-bar').waitFor();
    expect(new URL(page.url()).search).toBe(''); // the spent link is gone from the address bar
    await page.getByLabel('New password', { exact: true }).fill('blue kettle morning river');
    await page.getByLabel('Repeat new password').fill('blue kettle morning river');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.locator('.set-password').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: /administration/ }).waitFor();
    await page.locator('input[name="new-email"]').fill('panel.member@newport.example');
    await page.locator('input[name="new-name"]').fill('Pat Panel');
    await page.locator('select[name="new-role"]').selectOption('panel');
    await page.locator('select[name="new-scopes"]').selectOption({ label: 'Newport CSP' });
    await page.getByRole('button', { name: /Add user/ }).click();
    const shown = page.getByTestId('sign-in-link');
    await shown.waitFor();
    expect(await shown.textContent()).toMatch(/panel\.member@newport\.example.*\/signin\?link=/);
    const url = (await shown.textContent())!.match(/(http\S+)/)![1]!;
    await expect
      .poll(() => page.locator('table.data-table').textContent())
      .toMatch(/Pat Panel.*Panel member.*Newport CSP.*invited/);
    await page.screenshot({ path: `${ARTIFACTS}admin-users.png` });
    // Promote Pat to analyst and add Torfaen.
    await page.locator('tr', { hasText: 'Pat Panel' }).getByRole('button', { name: 'Edit' }).click();
    await page.locator('tr.editing select[aria-label="Role"]').selectOption('analyst');
    await page
      .locator('tr.editing select[aria-label="Belongs to"]')
      .selectOption([{ label: 'Newport CSP' }, { label: 'Torfaen CSP' }]);
    await page.locator('tr.editing').getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('tr', { hasText: 'Pat Panel' }).textContent())
      .toMatch(/Analyst.*(Newport CSP; Torfaen CSP|Torfaen CSP; Newport CSP)/);

    await page.getByRole('tab', { name: 'Audit log' }).click();
    const table = page.locator('table.audit-table');
    await table.waitFor();
    const text = await table.textContent();
    for (const action of ['user.create', 'user.update', 'password', 'signin']) expect(text).toContain(action);
    await page.screenshot({ path: `${ARTIFACTS}admin-audit.png` });

    // The analyst makes two different restricted queries; the admin sees them against the daily budget.
    const { id: restricted } = (
      await server.db.query<{ id: number }>(`select id from datasets where sensitivity = 'restricted'`)
    )[0]!;
    for (const month of ['2024-01', '2024-02'])
      expect(
        (
          await fetch(
            `${server.url}/api/cells?datasets=${restricted}&from=${month}&to=${month}&res=8&area=lad:W06000022`,
            { headers: { authorization: `Bearer ${server.analyst.token}` } },
          )
        ).status,
      ).toBe(200);
    await page.getByRole('tab', { name: 'Query budgets' }).click();
    const budgets = page.locator('table.budget-table');
    await budgets.waitFor();
    const row = budgets.locator('tr', { hasText: server.analyst.email });
    await expect
      .poll(() => row.locator('td').allTextContents())
      .toEqual([server.analyst.email, 'Local police extract (restricted)', '2', '0%']);
    await page.screenshot({ path: `${ARTIFACTS}admin-budgets.png` });

    // The new user's link works once, in a fresh browser context.
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(url);
    await other.locator('.user-bar').waitFor();
    expect(await other.locator('.user-name').textContent()).toMatch(/Pat Panel · Analyst/);
    expect(await other.getByRole('button', { name: 'Admin' }).count()).toBe(0);
    expect(await other.getByRole('button', { name: 'Data sharing' }).count()).toBe(1);
    await context.close();
    expect(errors).toEqual([]);
  });

  it('lets the data owner grant a restricted dataset to another partnership and revoke it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const owner = await context.newPage();
    await signInThroughPage(owner, server.url, server.analyst);
    await owner.getByRole('button', { name: 'Data sharing' }).click();
    await owner.getByRole('heading', { name: /data sharing/ }).waitFor();
    await owner.locator('select[name="grant-dataset"]').selectOption({ label: 'Local police extract (restricted)' });
    await owner.locator('select[name="grant-to"]').selectOption({ label: 'South Wales force area' });
    await owner.locator('input[name="grant-purpose"]').fill('Cross-border problem profile under the Duty');
    await owner.locator('input[name="grant-area"]').fill('pfa:W15000002');
    await owner.getByRole('button', { name: 'Grant access' }).click();
    const row = owner.locator('table.data-table tbody tr').first();
    await expect
      .poll(() => row.textContent())
      .toMatch(
        /Local police extract \(restricted\)South Wales force areaCross-border problem profile under the Dutypfa:W15000002.*live/,
      );
    await owner.screenshot({ path: `${ARTIFACTS}sharing.png` });
    const grants = await server.db.query<{ grantee_scope: string; area: string; revoked_at: Date | null }>(
      'select grantee_scope, area, revoked_at from grants',
    );
    expect(grants).toEqual([expect.objectContaining({ area: 'pfa:W15000002', revoked_at: null })]);
    await owner.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.textContent()).toMatch(/revoked/);

    // A refuge layer: uploaded on the same page (always restricted), then granted whole, by its id.
    const refuges = join(await mkdtemp(join(tmpdir(), 'hotspot-refuges-')), 'refuges.csv');
    await writeFile(refuges, 'name,latitude,longitude\nRefuge A,51.59,-3.0\nRefuge B,51.60,-2.99\n');
    await owner.locator('input[name="layer"]').fill('Refuges (Newport)');
    await owner.locator('select[name="type"]').selectOption('refuge');
    await owner.locator('input[name="file"]').setInputFiles(refuges);
    await owner.getByRole('button', { name: 'Upload layer' }).click();
    await expect.poll(() => owner.getByRole('status').textContent()).toMatch(/Layer \d+: 2 places stored, 0 rejected/);
    const layerId = Number(/Layer (\d+)/.exec((await owner.getByRole('status').textContent())!)![1]);
    await expect
      .poll(() => owner.locator('table.place-layers').textContent())
      .toMatch(/Refuges \(Newport\)Refuges.*2restricted/);
    await owner.locator('select[name="grant-dataset"]').selectOption(`layer:${layerId}`);
    expect(await owner.locator('input[name="grant-area"]').isDisabled()).toBe(true);
    await owner.locator('select[name="grant-to"]').selectOption({ label: 'South Wales force area' });
    await owner.locator('input[name="grant-purpose"]').fill('Safeguarding review near hotspots');
    await owner.getByRole('button', { name: 'Grant access' }).click();
    await expect
      .poll(() => owner.locator('table.grants-table tbody').textContent())
      .toMatch(
        /place layer "Refuges \(Newport\)"South Wales force areaSafeguarding review near hotspotswhole layer.*live/,
      );
    await owner.screenshot({ path: `${ARTIFACTS}sharing-layers.png`, fullPage: true });
    const layerGrants = await server.db.query<{ place_layer_id: number }>(
      'select place_layer_id from grants where place_layer_id is not null',
    );
    expect(layerGrants).toEqual([{ place_layer_id: layerId }]);
    await context.close();
    expect(errors).toEqual([]);
  });
});
