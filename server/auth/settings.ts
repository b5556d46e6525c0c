/** Session and sign-in settings; tests shorten them and move the clock. */
export interface AuthSettings {
  /** A session ends this long after sign-in, however active. */
  sessionHours: number;
  /** ...or after this long without a request. */
  idleMinutes: number;
  /** Failed sign-ins for an account from one address (and, x4, from anywhere) within the window before 429. */
  maxFailedSignIns: number;
  throttleMinutes: number;
  /**
   * Behind a reverse proxy (HOTSPOT_TRUST_PROXY=1): the client's address is the last one the
   * proxy added to X-Forwarded-For, not the proxy's own.
   */
  trustProxy: boolean;
  /**
   * Distinct restricted queries a user may make of one dataset in a UTC day (a query asked again
   * the same day is not new): many slightly different queries are how small counts are averaged
   * out of perturbed ones, so their number is limited and every one is in the audit log.
   */
  dailyRestrictedQueries: number;
  now: () => Date;
}

export const DEFAULT_AUTH: AuthSettings = {
  sessionHours: 12,
  idleMinutes: 120,
  maxFailedSignIns: 5,
  throttleMinutes: 15,
  trustProxy: false,
  dailyRestrictedQueries: 1000,
  now: () => new Date(),
};

export const SESSION_COOKIE = 'hotspot_session';
export const CSRF_HEADER = 'x-csrf-token';
