import type { Principal } from '../auth/access.js';
import type { AuthSettings } from '../auth/settings.js';
import type { Db } from '../db/index.js';
import type { PreparedSelection } from './prepare-selection.js';

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
    /** Set only by the `selection` middleware (server/http/selection.ts): the selection, or the first of several. */
    selection: PreparedSelection;
    /** Set only by the `selection` middleware: every selection the route asked for. */
    selections: PreparedSelection[];
  };
}
