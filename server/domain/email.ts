import { z } from 'zod';

/**
 * One rule for account email addresses everywhere (sign-in, new users, the first admin, the
 * command line): one `@` with something on each side and no spaces. A single-label domain such
 * as `admin@localhost`, the first administrator's default, is an address on an air-gapped
 * install; stricter rules (a dot in the domain) locked that administrator out after sign-in.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/;

/** The normal form an address is stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmailAddress(email: string): boolean {
  const normal = normaliseEmail(email);
  return normal.length <= 320 && EMAIL_PATTERN.test(normal);
}

/** The zod form of the rule, for every route that takes an address. */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(EMAIL_PATTERN, 'expected an email address such as name@council.gov.uk (or admin@localhost)');
