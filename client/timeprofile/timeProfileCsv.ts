import Papa from 'papaparse';
import { hourLabel, type WeekHourCounts } from './weekHour';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The profile as CSV, one row per weekday and a column per hour, from the answer on screen: a
 * withheld hour stays empty (not 0), so the file says no more than the screen does. Day totals
 * are left out: with withheld hours they would not be the released figure.
 */
export function timeProfileCsv(counts: WeekHourCounts, scope: { area: string; from: string; to: string }): string {
  return Papa.unparse({
    fields: ['area', 'from', 'to', 'weekday', ...Array.from({ length: 24 }, (_, h) => hourLabel(h))],
    data: counts.map((row, day) => [scope.area, scope.from, scope.to, WEEKDAYS[day], ...row.map((n) => n ?? '')]),
  });
}
