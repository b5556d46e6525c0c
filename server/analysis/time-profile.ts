/** A slot's count and the cell key of its records. */
export interface KeyedCount {
  count: number;
  key: number;
}

/** A 7 x 24 matrix (Monday first, hours 0-23) from sparse weekday/hour counts; missing slots are 0. */
export function weekdayHourMatrix(rows: readonly ({ weekday: number; hour: number } & KeyedCount)[]): KeyedCount[][] {
  const matrix = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ count: 0, key: 0 })));
  for (const r of rows) {
    if (r.weekday < 1 || r.weekday > 7 || r.hour < 0 || r.hour > 23)
      throw new RangeError(`no such slot: weekday ${r.weekday}, hour ${r.hour}`);
    matrix[r.weekday - 1]![r.hour] = { count: r.count, key: r.key };
  }
  return matrix;
}
