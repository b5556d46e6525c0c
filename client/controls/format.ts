/** A released count, or "fewer than k" for one withheld below the threshold k. */
export function countOrFewer(value: number | null | undefined, threshold: number | null): string {
  return value === null || value === undefined ? `fewer than ${threshold ?? 'k'}` : value.toLocaleString('en-GB');
}

/** The months flagged as implausibly low, or "none". */
export function lowMonths(months: readonly { month: string; low: boolean }[]): string {
  return (
    months
      .filter((m) => m.low)
      .map((m) => m.month)
      .join(', ') || 'none'
  );
}
