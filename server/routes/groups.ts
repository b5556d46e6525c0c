import { Hono } from 'hono';
import { allow } from '../auth/policy.js';
import { vocabulary } from '../domain/vocabulary.js';
import type { AppEnv } from '../http/env.js';

export const groupRoutes = new Hono<AppEnv>()
  .get('/groups', allow.signedIn(), (c) => c.json({ groups: vocabulary().groups }))
  .get('/vocabulary', allow.signedIn(), (c) => c.json(vocabulary()));
