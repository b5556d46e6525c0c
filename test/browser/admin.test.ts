/**
 * The first-run path in the browser: the console's one-time link signs the admin in, the admin
 * chooses a password, adds a user (getting that user's link), and reads the audit log.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignInLink, signInLinkPath } from '../../server/auth/sessions.js';
import { createTestUser } from '../helpers/auth.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe.skipIf(!hasChromium)('sign-in and administration in the browser', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer({ policeUkFiles: [] })]);
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
    await expect.poll(() => page.locator('table.data-table').textContent()).toMatch(/Pat Panel.*Panel member.*Newport CSP.*invited/);
    await page.screenshot({ path: `${ARTIFACTS}admin-users.png` });

    await page.getByRole('tab', { name: 'Audit log' }).click();
    const table = page.locator('table.audit-table');
    await table.waitFor();
    const text = await table.textContent();
    for (const action of ['user.create', 'password', 'signin']) expect(text).toContain(action);
    await page.screenshot({ path: `${ARTIFACTS}admin-audit.png` });

    // The new user's link works once, in a fresh browser context.
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(url);
    await other.locator('.user-bar').waitFor();
    expect(await other.locator('.user-name').textContent()).toMatch(/Pat Panel · Panel member/);
    expect(await other.getByRole('button', { name: 'Admin' }).count()).toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  });
});
