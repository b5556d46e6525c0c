import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { firstAdminLink } from '../../server/auth/first-admin.js';
import { listUsers } from '../../server/db/users.js';
import { backends } from '../helpers/databases.js';

describe.each(backends)('first start on $name', (backend) => {
  it('creates one passwordless admin and a fresh one-time link per start until a password is set', async () => {
    const t = await backend.open();
    try {
      const first = (await firstAdminLink(t.db, 'admin@localhost', ['partnership:1']))!;
      expect(first.email).toBe('admin@localhost');
      expect(first.path).toMatch(/^\/signin\?link=[\w-]{40,}$/);
      const again = (await firstAdminLink(t.db, 'someone.else@localhost', []))!;
      expect(again.email).toBe('admin@localhost');
      expect(again.path).not.toBe(first.path);
      const users = await listUsers(t.db);
      expect(users).toEqual([
        expect.objectContaining({
          email: 'admin@localhost',
          role: 'admin',
          hasPassword: false,
          scopes: ['partnership:1'],
        }),
      ]);

      const app = createApp(t.db);
      const token = decodeURIComponent(first.path.split('=')[1]!);
      const res = await app.request('/api/auth/link', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(res.status).toBe(200);
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const set = await app.request('/api/auth/password', {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ password: 'four random words here' }),
      });
      expect(set.status).toBe(200);
      expect(await firstAdminLink(t.db, 'admin@localhost', [])).toBeNull();
      expect(await listUsers(t.db)).toHaveLength(1);
    } finally {
      await t.dispose();
    }
  });
});
