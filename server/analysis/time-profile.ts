/** A 7 x 24 matrix (Monday first, hours 0-23) from sparse weekday/hour counts; missing slots are 0. */
export function weekdayHourMatrix(rows: readonly { weekday: number; hour: number; count: number }[]): number[][] {
  const matrix = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const r of rows) {
    if (r.weekday < 1 || r.weekday > 7 || r.hour < 0 || r.hour > 23) throw new RangeError(`no such slot: weekday ${r.weekday}, hour ${r.hour}`);
    matrix[r.weekday - 1]![r.hour] = r.count;
  }
  return matrix;
}
