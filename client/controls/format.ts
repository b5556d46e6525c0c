/** A released count, or "fewer than k" for one withheld below the threshold k. */
export function countOrFewer(value: number | null | undefined, threshold: number | null): string {
  return value === null || value === undefined ? `fewer than ${threshold ?? 'k'}` : value.toLocaleString('en-GB');
}

/** The months flagged as implausibly low, or "none". */
export function lowMonths(
  months: readonly { month: string; low: boolean; count?: number | null; expected?: number }[],
): string {
  return (
    months
      .filter((m) => m.low)
      .map((m) =>
        m.expected === undefined
          ? m.month
          : `${m.month} (${m.count === null || m.count === undefined ? 'fewer than k' : m.count.toLocaleString('en-GB')} of ~${m.expected.toLocaleString('en-GB')} expected)`,
      )
      .join(', ') || 'none'
  );
}
