/**
 * Residents and the rate per 1,000 residents, when the response carries them. A suppressed
 * count has no rate (it would reveal the count).
 */
export function rateLines(cell: { count: number | null; population?: number | null; rate?: number | null }): string[] {
  if (!('population' in cell) && !('rate' in cell)) return [];
  const lines: string[] = [];
  const population = cell.population ?? null;
  if (population !== null) lines.push(`Residents (estimate): ${Math.round(population).toLocaleString('en-GB')}`);
  if (cell.count === null) lines.push('Rate suppressed');
  else if (cell.rate !== null && cell.rate !== undefined)
    lines.push(
      `${cell.rate.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} per 1,000 residents`,
    );
  else lines.push(population === null ? 'No resident population estimate' : 'No residents: no rate');
  return lines;
}
