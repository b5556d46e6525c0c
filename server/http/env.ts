import type { Principal } from '../auth/access.js';
import type { AuthSettings } from '../auth/settings.js';
import type { Db } from '../db/index.js';

/** Per-request context every route can read. */
export interface AppEnv {
  Variables: {
    db: Db;
    auth: AuthSettings;
    /** Largest file accepted in a dataset upload (bytes). */
    maxUploadBytes: number;
    /** null when the request is not signed in. */
    user: Principal | null;
    /** Set when signed in with a session cookie (not an API token); `via` is how it began. */
    session: { tokenHash: string; csrfToken: string; via: 'password' | 'link' } | null;
  };
}
