import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import { hashSecret, newSecret } from '../auth/secret.js';
import { getApiToken, insertApiToken, listApiTokens, revokeApiToken } from '../db/sessions.js';
import type { AppEnv } from '../http/env.js';
import { validate } from '../http/validate.js';

const newToken = z
  .object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() })
  .strict();

export const tokenRoutes = new Hono<AppEnv>()
  .get('/tokens', allow.signedIn(), async (c) => {
    const me = c.get('user')!;
    return c.json({ tokens: await listApiTokens(c.get('db'), me.role === 'admin' ? undefined : me.id) });
  })
  .post('/tokens', allow.signedIn(), validate('json', newToken), async (c) => {
    const me = c.get('user')!;
    const { name, expiresInDays } = c.req.valid('json');
    const secret = newSecret('hs_');
    const expiresAt = expiresInDays ? new Date(c.get('auth').now().getTime() + expiresInDays * 86_400_000) : null;
    const id = await insertApiToken(c.get('db'), {
      userId: me.id,
      name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 7),
      expiresAt,
    });
    await audit(c, { action: 'token.create', target: `token:${id}`, summary: { name, expiresAt } });
    // The only time the secret is shown: only its hash is stored.
    return c.json({ token: (await getApiToken(c.get('db'), id))!, secret }, 201);
  })
  .delete(
    '/tokens/:id',
    allow.signedIn(),
    validate('param', z.object({ id: z.coerce.number().int().positive() })),
    async (c) => {
      const me = c.get('user')!;
      const token = await getApiToken(c.get('db'), c.req.valid('param').id);
      if (!token || (token.userId !== me.id && me.role !== 'admin'))
        return c.json({ error: `no token ${c.req.valid('param').id}` }, 404);
      await revokeApiToken(c.get('db'), token.id, c.get('auth').now());
      await audit(c, {
        action: 'token.revoke',
        target: `token:${token.id}`,
        summary: { name: token.name, owner: token.userId },
      });
      return c.json({ revoked: token.id });
    },
  );
