import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createSignInLink } from '../../server/auth/sessions.js';
import { as, createTestUser, type TestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';

const PASSWORD = 'correct horse battery staple';

describe.each(backends)('sign-in, sessions and tokens on $name', (backend) => {
  let t: TestDb;
  let clock = new Date('2026-03-02T09:00:00Z');
  let app: ReturnType<typeof createApp>;
  let alice: TestUser;

  beforeAll(async () => {
    t = await backend.open();
    app = createApp(t.db, {
      auth: { now: () => clock, sessionHours: 8, idleMinutes: 30, maxFailedSignIns: 3, throttleMinutes: 15 },
    });
    alice = await createTestUser(t.db, { role: 'analyst', scopes: ['partnership:1'], password: PASSWORD });
  });
  afterAll(async () => t?.dispose());

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.request('/api/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    });

  async function session(): Promise<{ cookie: string; csrf: string; setCookie: string }> {
    const res = await signIn(alice.email, PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: setCookie.split(';')[0]!, csrf: csrfToken, setCookie };
  }

  const me = (cookie: string) => app.request('/api/auth/me', { headers: { cookie } });

  it('signs in with a password into an HttpOnly SameSite=Strict session cookie that stores only a hash', async () => {
    const { cookie, setCookie } = await session();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; https requests get Secure
    const body = (await (await me(cookie)).json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: alice.email, role: 'analyst' });
    const secret = cookie.split('=')[1]!;
    expect(await t.db.query('select 1 from sessions where token_hash = $1', [secret])).toHaveLength(0);
    const https = await app.request('https://hotspot.example/api/auth/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: alice.email, password: PASSWORD }),
    });
    expect(https.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses state-changing cookie requests without the CSRF header, and cross-origin requests', async () => {
    const { cookie, csrf } = await session();
    const post = (headers: Record<string, string>) =>
      app.request('/api/tokens', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ name: 'x' }),
      });
    const missing = await post({});
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: string }).error).toMatch(/x-csrf-token/);
    expect((await post({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrf, origin: 'https://evil.example' })).status).toBe(403);
    expect((await signIn(alice.email, PASSWORD, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrf, origin: 'http://localhost' })).status).toBe(201);
    // Reads need no token, and a stolen CSRF token without the cookie is nothing.
    expect((await me(cookie)).status).toBe(200);
    expect(
      (
        await app.request('/api/tokens', {
          method: 'POST',
          headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: '{"name":"x"}',
        })
      ).status,
    ).toBe(401);
  });

  it('ends sessions after the idle limit and the absolute limit, and on sign-out', async () => {
    const start = clock;
    const a = await session();
    clock = new Date(start.getTime() + 29 * 60_000);
    expect((await me(a.cookie)).status).toBe(200); // activity keeps it alive...
    clock = new Date(clock.getTime() + 29 * 60_000);
    expect((await me(a.cookie)).status).toBe(200);
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect((await me(a.cookie)).status).toBe(401); // ...but 31 idle minutes end it
    clock = start;
    const b = await session();
    for (let minutes = 25; minutes < 8 * 60; minutes += 25) {
      clock = new Date(start.getTime() + minutes * 60_000);
      expect((await me(b.cookie)).status).toBe(200);
    }
    clock = new Date(start.getTime() + 8 * 60 * 60_000 + 1000);
    expect((await me(b.cookie)).status).toBe(401); // 8 hours after sign-in, however active
    clock = start;
    const c = await session();
    expect(
      (
        await app.request('/api/auth/signout', {
          method: 'POST',
          headers: { cookie: c.cookie, 'x-csrf-token': c.csrf },
        })
      ).status,
    ).toBe(200);
    expect((await me(c.cookie)).status).toBe(401);
  });

  it('throttles repeated failed sign-ins per email with 429, even for the right password', async () => {
    const victim = await createTestUser(t.db, { role: 'panel', password: PASSWORD });
    for (let i = 0; i < 3; i++) expect((await signIn(victim.email, 'wrong password!!')).status).toBe(401);
    const throttled = await signIn(victim.email, PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('900');
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await signIn(victim.email, PASSWORD)).status).toBe(200);
    // Unknown emails get the same answer as wrong passwords.
    const unknown = await signIn('nobody@example.org', PASSWORD);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: 'wrong email or password' });
  });

  it('shows an API token once, stores only its hash, and refuses it once revoked or expired', async () => {
    const api = as(app, alice);
    const made = await api.request('/api/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'nightly', expiresInDays: 1 }),
    });
    const { secret, token } = (await made.json()) as { secret: string; token: { id: number; prefix: string } };
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(await t.db.query('select 1 from api_tokens where token_hash = $1', [secret])).toHaveLength(0);
    const listed = (await (await api.request('/api/tokens')).json()) as { tokens: Record<string, unknown>[] };
    expect(JSON.stringify(listed)).not.toContain(secret);
    const withToken = as(app, { token: secret });
    expect((await withToken.request('/api/auth/me')).status).toBe(200);
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    expect((await withToken.request('/api/auth/me')).status).toBe(401);
    const second = (await (
      await api.request('/api/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"ci"}',
      })
    ).json()) as { secret: string; token: { id: number } };
    const ci = as(app, { token: second.secret });
    expect((await ci.request('/api/auth/me')).status).toBe(200);
    const other = await createTestUser(t.db, { role: 'analyst' });
    expect((await as(app, other).request(`/api/tokens/${second.token.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await api.request(`/api/tokens/${second.token.id}`, { method: 'DELETE' })).status).toBe(200);
    const refused = await ci.request('/api/auth/me');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/revoked/);
  });

  it('signs in once with a one-time link, then makes the user choose a password of 12+ characters', async () => {
    const newcomer = await createTestUser(t.db, { role: 'panel' });
    const link = await createSignInLink(t.db, newcomer.id, clock);
    const use = () =>
      app.request('/api/auth/link', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: link }),
      });
    const first = await use();
    expect(first.status).toBe(200);
    const { user, csrfToken } = (await first.json()) as { user: { hasPassword: boolean }; csrfToken: string };
    expect(user.hasPassword).toBe(false);
    expect((await use()).status).toBe(401); // spent
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    const setPassword = (password: string) =>
      app.request('/api/auth/password', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ password }),
      });
    expect((await setPassword('short')).status).toBe(400);
    expect((await setPassword('a much longer passphrase')).status).toBe(200);
    // Now the old one is needed to change it.
    expect((await setPassword('another long passphrase')).status).toBe(403);
    expect((await signIn(newcomer.email, 'a much longer passphrase')).status).toBe(200);
    const stale = await createSignInLink(t.db, newcomer.id, new Date(clock.getTime() - 25 * 3_600_000));
    expect(
      (
        await app.request('/api/auth/link', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: stale }),
        })
      ).status,
    ).toBe(401);
  });

  it('signs a disabled user out everywhere', async () => {
    const admin = await createTestUser(t.db, { role: 'admin' });
    const { cookie } = await session();
    const res = await as(app, admin).request(`/api/users/${alice.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(res.status).toBe(200);
    expect((await me(cookie)).status).toBe(401);
    expect((await as(app, alice).request('/api/auth/me')).status).toBe(401);
    expect((await signIn(alice.email, PASSWORD)).status).toBe(401);
  });
});
