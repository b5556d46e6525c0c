import { Hono } from 'hono';
import { OFFENCE_GROUPS } from '../domain/offence-groups.js';
import { allow } from '../auth/policy.js';
import type { AppEnv } from './env.js';

export const groupRoutes = new Hono<AppEnv>().get('/groups', allow.signedIn(), (c) =>
  c.json({
    groups: OFFENCE_GROUPS.map((g) => ({ id: g.id, label: g.label, violence: g.violence, parent: g.parent ?? null })),
  }),
);
