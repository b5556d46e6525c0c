import { useT } from '../i18n/language';
import {
  countText,
  dayName,
  dayTotals,
  hourLabel,
  hourTotals,
  totalText,
  type WeekHourCounts,
  weekTotal,
} from './weekHour';

/** The grid as a table, for screen readers and anyone who wants the figures: every hour, with totals. */
export function WeekHourTable({ counts, threshold }: { counts: WeekHourCounts; threshold: number | null }) {
  const t = useT();
  const hours = Array.from({ length: 24 }, (_, h) => h);
  const byDay = dayTotals(counts);
  return (
    <table className="week-table">
      <caption>{t('timeprofile.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('timeprofile.day')}</th>
          {hours.map((h) => (
            <th key={h} scope="col">
              {hourLabel(h)}
            </th>
          ))}
          <th scope="col">{t('timeprofile.total')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((row, day) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a weekday is its position, Monday first
          <tr key={day}>
            <th scope="row">{dayName(t, day)}</th>
            {row.map((n, hour) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an hour of the day is its position
              <td key={hour}>{n === null ? t('timeprofile.withheld') : countText(t, n, threshold)}</td>
            ))}
            <td>{totalText(t, byDay[day]!)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('timeprofile.total')}</th>
          {hourTotals(counts).map((total, hour) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an hour of the day is its position
            <td key={hour}>{totalText(t, total)}</td>
          ))}
          <td>{totalText(t, weekTotal(counts))}</td>
        </tr>
      </tfoot>
    </table>
  );
}
