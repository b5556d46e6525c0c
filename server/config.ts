import { resolve } from 'node:path';
import { isEmailAddress, normaliseEmail } from './domain/email.js';

/** Runtime settings, all from the environment. */
export interface Config {
  port: number;
  databaseUrl?: string;
  /** PostgreSQL schema (tests and side-by-side installs); default: the server's search_path. */
  databaseSchema?: string;
  dataDir: string;
  staticRoot: string;
  loadSample: boolean;
  /** The first admin's email, used only when the database has no accounts. */
  adminEmail: string;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Distinct restricted queries per user and dataset per UTC day. */
  dailyRestrictedQueries: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const adminEmail = normaliseEmail(env.HOTSPOT_ADMIN_EMAIL || 'admin@localhost');
  if (!isEmailAddress(adminEmail))
    throw new Error(`HOTSPOT_ADMIN_EMAIL must be an email address, got "${env.HOTSPOT_ADMIN_EMAIL}"`);
  const dailyRestrictedQueries = Number(env.HOTSPOT_DAILY_RESTRICTED_QUERIES ?? 1000);
  if (!Number.isInteger(dailyRestrictedQueries) || dailyRestrictedQueries < 1)
    throw new Error(
      `HOTSPOT_DAILY_RESTRICTED_QUERIES must be a whole number of at least 1, got "${env.HOTSPOT_DAILY_RESTRICTED_QUERIES}"`,
    );
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.HOTSPOT_DB_SCHEMA || undefined,
    dataDir: resolve(env.HOTSPOT_DATA_DIR ?? 'data'),
    staticRoot: resolve(env.HOTSPOT_STATIC_ROOT ?? 'dist'),
    loadSample: env.HOTSPOT_NO_SAMPLE !== '1',
    adminEmail,
    trustProxy: env.HOTSPOT_TRUST_PROXY === '1',
    dailyRestrictedQueries,
  };
}
