/** Session and sign-in settings; tests shorten them and move the clock. */
export interface AuthSettings {
  /** A session ends this long after sign-in, however active. */
  sessionHours: number;
  /** ...or after this long without a request. */
  idleMinutes: number;
  /** Failed sign-ins per email (and, x4, per address) within the window before 429. */
  maxFailedSignIns: number;
  throttleMinutes: number;
  now: () => Date;
}

export const DEFAULT_AUTH: AuthSettings = {
  sessionHours: 12,
  idleMinutes: 120,
  maxFailedSignIns: 5,
  throttleMinutes: 15,
  now: () => new Date(),
};

export const SESSION_COOKIE = 'hotspot_session';
export const CSRF_HEADER = 'x-csrf-token';
