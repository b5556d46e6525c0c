/**
 * Incidents per 1,000 residents; null when the count is suppressed (a rate would reveal it) or
 * there is no resident population to divide by.
 */
export function ratePerThousand(count: number | null, population: number | null): number | null {
  if (count === null || population === null || population <= 0) return null;
  return (count / population) * 1000;
}
