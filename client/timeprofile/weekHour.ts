import { hourLabel } from '../controls/HourSelect';
import type { MessageKey, Translate } from '../i18n/language';

export { hourLabel };

/** A week of hours as the API gives it: 7 rows (Monday first) of 24 released counts, null where withheld. */
export type WeekHourCounts = readonly (readonly (number | null)[])[];

/** A total of released counts; `partial` where some of its hours are withheld, so the true total is higher. */
export interface ReleasedTotal {
  total: number;
  partial: boolean;
}

export interface Slot {
  day: number;
  hour: number;
  count: number;
}

const DAY_IDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A weekday's short label for the grid ("Mon"; Welsh "Llun"). */
export const dayShort = (t: Translate, day: number) => t(`timeprofile.day.${DAY_IDS[day]}` as MessageKey);
/** A weekday's name for sentences and tables ("Monday"; Welsh "dydd Llun"). */
export const dayName = (t: Translate, day: number) => t(`timeprofile.dayName.${DAY_IDS[day]}` as MessageKey);
/** An hour as a clock time, 24-hour ("07:00"), the same in both languages. */
/** "Saturday 23:00". */
export const slotLabel = (t: Translate, day: number, hour: number) =>
  t('timeprofile.slot', { day: dayName(t, day), hour: hourLabel(hour) });

/** A released count in words: the number, or "fewer than k" where it is withheld. */
export const countText = (t: Translate, count: number | null, threshold: number | null) =>
  count === null ? t('timeprofile.fewerThan', { k: threshold ?? '?' }) : t('timeprofile.count', { n: count });

/** A total as read: "123", or "123+" where withheld hours are missing from it. */
export const totalText = (t: Translate, total: ReleasedTotal) =>
  `${countText(t, total.total, null)}${total.partial ? '+' : ''}`;

function add(counts: readonly (number | null)[]): ReleasedTotal {
  return {
    total: counts.reduce<number>((sum, n) => sum + (n ?? 0), 0),
    partial: counts.some((n) => n === null),
  };
}

/** Each weekday's total over its 24 hours. */
export const dayTotals = (counts: WeekHourCounts): ReleasedTotal[] => counts.map(add);

/** Each hour's total over the 7 weekdays. */
export const hourTotals = (counts: WeekHourCounts): ReleasedTotal[] =>
  Array.from({ length: 24 }, (_, hour) => add(counts.map((row) => row[hour] ?? null)));

/** The whole week's total. */
export const weekTotal = (counts: WeekHourCounts): ReleasedTotal => add(counts.flat());

/** An hour's colour: paler for fewer incidents, on the same blue as the map's counts. */
export const slotFill = (count: number, max: number) =>
  `rgba(51, 80, 122, ${(0.06 + (0.94 * count) / max).toFixed(3)})`;

/** The largest released count (at least 1, so an empty week still has a scale). */
export const largestCount = (counts: WeekHourCounts) => Math.max(1, ...counts.flat().map((n) => n ?? 0));

/**
 * The busiest hours of the week: the `limit` largest released counts above zero, busiest first
 * (ties in week order). Withheld hours are never named: their counts are not known.
 */
export function busiestSlots(counts: WeekHourCounts, limit = 3): Slot[] {
  const slots: Slot[] = [];
  counts.forEach((row, day) => {
    row.forEach((count, hour) => {
      if (count !== null && count > 0) slots.push({ day, hour, count });
    });
  });
  return slots.sort((a, b) => b.count - a.count || a.day - b.day || a.hour - b.hour).slice(0, limit);
}

/** The busiest hours in a sentence: "The busiest hours of the week are Saturday 23:00 (41), … and …". */
export function busiestSentence(t: Translate, counts: WeekHourCounts, limit = 3): string {
  const slots = busiestSlots(counts, limit).map(
    (s) => `${slotLabel(t, s.day, s.hour)} (${countText(t, s.count, null)})`,
  );
  if (slots.length === 0) return t('timeprofile.busiest.none');
  if (slots.length === 1) return t('timeprofile.busiest.one', { slot: slots[0]! });
  const listed = `${slots.slice(0, -1).join(', ')} ${t('timeprofile.and')} ${slots.at(-1)}`;
  return t('timeprofile.busiest.many', { slots: listed });
}
