import { hourLabel } from '../controls/HourSelect';
import type { Translate } from '../i18n/language';
import type { MessageKey } from '../i18n/language';
import { flagKey } from './flagLabels';

/** The filters a selection carries: ISO weekdays (1 = Monday), hour ranges ("22-4" wraps midnight), flags. */
export interface FilterChoice {
  weekdays?: readonly number[];
  hours?: string;
  flags?: readonly string[];
}

const hh = (h: number) => hourLabel(h % 24);

/** Weekdays as runs: [5, 6] is "Fri–Sat", [1, 3] is "Mon, Wed". */
function weekdayText(weekdays: readonly number[], t: Translate): string {
  const days = [...new Set(weekdays)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && last[1] === d - 1) last[1] = d;
    else runs.push([d, d]);
  }
  const name = (d: number) => t(`filters.day.${d}` as MessageKey);
  return runs.map(([a, b]) => (a === b ? name(a) : `${name(a)}–${name(b)}`)).join(', ');
}

/** "22-4,15-17" as "22:00–04:00, 15:00–17:00". */
export function hoursText(hours: string): string {
  return hours
    .split(',')
    .map((r) => r.split('-').map(Number) as [number, number])
    .map(([a, b]) => `${hh(a)}–${hh(b)}`)
    .join(', ');
}

/** What the filters keep, for summaries, legends and captions ("Fri–Sat 22:00–04:00; knife"), or null if none. */
export function describeFilters(choice: FilterChoice, t: Translate): string | null {
  const when = [
    choice.weekdays?.length ? weekdayText(choice.weekdays, t) : null,
    choice.hours ? hoursText(choice.hours) : null,
  ].filter((p): p is string => p !== null);
  const parts = [
    when.length ? when.join(' ') : null,
    ...(choice.flags ?? []).map((f) => t(flagKey(f, 'short'))),
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join('; ') : null;
}
