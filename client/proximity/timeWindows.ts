import { precisionProblem } from '../../server/analysis/selection-rules';

/** A weekday and hour window: ISO weekdays (1 = Monday) and hour ranges as the API takes them ("22-4" wraps midnight). */
export interface TimeWindow {
  weekdays: readonly number[];
  hours: string;
}

export type WindowChoice = 'any' | 'school-run' | 'night-time-economy' | 'custom';

/**
 * The presets analysts ask for. "School days" is Monday to Friday: the app holds no term calendar.
 * The API filters weekday and hour separately, on the incident's own date, so "Friday and Saturday
 * 22:00-04:00" is the hours 22-04 of Fridays and Saturdays (the labels say so).
 */
export const WINDOW_PRESETS: Record<Exclude<WindowChoice, 'any' | 'custom'>, TimeWindow & { label: string }> = {
  'school-run': { label: 'Schools on school days, 15:00–17:00', weekdays: [1, 2, 3, 4, 5], hours: '15-17' },
  'night-time-economy': {
    label: 'Licensed premises, Friday and Saturday 22:00–04:00 (by the incident’s date)',
    weekdays: [5, 6],
    hours: '22-4',
  },
};

/** The setting type a preset is about, chosen with it. */
export const PRESET_TYPE: Record<keyof typeof WINDOW_PRESETS, string> = {
  'school-run': 'school',
  'night-time-economy': 'licensed-premises',
};

/** The window's query parameters, or none for any time. */
export function windowQuery(choice: WindowChoice, custom: TimeWindow): { weekdays?: string; hours?: string } {
  if (choice === 'any') return {};
  const w = choice === 'custom' ? custom : WINDOW_PRESETS[choice];
  return {
    ...(w.weekdays.length ? { weekdays: w.weekdays.join(',') } : {}),
    ...(w.hours ? { hours: w.hours } : {}),
  };
}

/** Why the selected datasets cannot be filtered by weekday and hour (the server's own rule), or null. */
export function windowUnavailable(
  datasets: readonly { name: string; datePrecision: 'month' | 'day' | 'datetime' }[],
): string | null {
  return precisionProblem(datasets, { days: false, weekdays: true, hours: true });
}
