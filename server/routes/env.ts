import type { Db } from '../db/index.js';

/** Per-request context every route can read. */
export interface AppEnv {
  Variables: { db: Db };
}
