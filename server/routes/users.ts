import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../auth/audit.js';
import { allow } from '../auth/policy.js';
import { createSignInLink, signInLinkPath } from '../auth/sessions.js';
import { emailTaken, getUser, insertUser, listUsers, ROLES, setUserScopes, updateUser } from '../db/users.js';
import type { AppEnv } from '../http/env.js';
import { scopeParam, unknownScopes } from '../http/scope-param.js';
import { validate } from '../http/validate.js';
import { emailAddress } from '../domain/email.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const newUser = z
  .object({
    email: emailAddress,
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    scopes: z.array(scopeParam).max(50).default([]),
  })
  .strict();
const userChanges = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    scopes: z.array(scopeParam).max(50),
  })
  .partial()
  .strict();

const admin = allow.roles(['admin']);

export const userRoutes = new Hono<AppEnv>()
  .get('/users', admin, async (c) => c.json({ users: await listUsers(c.get('db')) }))
  .post('/users', admin, validate('json', newUser), async (c) => {
    const db = c.get('db');
    const body = c.req.valid('json');
    if (await emailTaken(db, body.email))
      return c.json({ error: `a user with email ${body.email} already exists` }, 409);
    const unknown = await unknownScopes(db, body.scopes);
    if (unknown.length) return c.json({ error: `unknown partnership or force area: ${unknown.join(', ')}` }, 400);
    const id = await db.transaction((tx) => insertUser(tx, body));
    const link = await createSignInLink(db, id, c.get('auth').now());
    await audit(c, { action: 'user.create', target: body.email, summary: { role: body.role, scopes: body.scopes } });
    // No password is ever set by someone else: the new user signs in once with the link and chooses one.
    return c.json({ user: (await getUser(db, id))!, signInPath: signInLinkPath(link) }, 201);
  })
  .patch('/users/:id', admin, validate('param', idParam), validate('json', userChanges), async (c) => {
    const db = c.get('db');
    const { id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const user = await getUser(db, id);
    if (!user) return c.json({ error: `no user ${id}` }, 404);
    if (id === c.get('user')!.id && (changes.disabled || (changes.role && changes.role !== 'admin')))
      return c.json({ error: 'you cannot disable yourself or remove your own admin role' }, 400);
    if (changes.scopes) {
      const unknown = await unknownScopes(db, changes.scopes);
      if (unknown.length) return c.json({ error: `unknown partnership or force area: ${unknown.join(', ')}` }, 400);
    }
    await db.transaction(async (tx) => {
      await updateUser(tx, id, changes);
      if (changes.scopes) await setUserScopes(tx, id, changes.scopes);
    });
    await audit(c, { action: 'user.update', target: user.email, summary: changes });
    return c.json({ user: (await getUser(db, id))! });
  })
  .post('/users/:id/link', admin, validate('param', idParam), async (c) => {
    const db = c.get('db');
    const user = await getUser(db, c.req.valid('param').id);
    if (!user) return c.json({ error: `no user ${c.req.valid('param').id}` }, 404);
    const link = await createSignInLink(db, user.id, c.get('auth').now());
    await audit(c, { action: 'user.link', target: user.email });
    return c.json({ signInPath: signInLinkPath(link) }, 201);
  });
