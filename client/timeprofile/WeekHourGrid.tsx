import { useId } from 'react';
import { useT } from '../i18n/language';
import {
  busiestSlots,
  countText,
  dayShort,
  dayTotals,
  hourLabel,
  hourTotals,
  largestCount,
  slotFill,
  slotLabel,
  totalText,
  type WeekHourCounts,
  weekTotal,
} from './weekHour';
import { WeekHourKey } from './WeekHourKey';
import './timeprofile.css';

const LAYOUT = {
  // The cell panel's small grid: labels every 6 hours, no totals.
  compact: { size: 10, left: 30, top: 0, totals: false, hoursEvery: 6, font: 8, numbers: false },
  // The area view: big enough to read each count, labels every 3 hours, weekday and hour totals.
  full: { size: 26, left: 40, top: 16, totals: true, hoursEvery: 3, font: 11, numbers: true },
} as const;

/**
 * A week as a 7 x 24 grid, Monday first, darker where more incidents fell. A withheld hour
 * (restricted data below the threshold, or withheld so that a total cannot reveal it) is hatched,
 * never drawn as a zero. The full variant writes each count in its cell and adds totals.
 */
export function WeekHourGrid({
  counts,
  threshold,
  variant = 'compact',
}: {
  counts: WeekHourCounts;
  threshold: number | null;
  variant?: keyof typeof LAYOUT;
}) {
  const t = useT();
  const hatch = `week-hatch-${useId().replace(/:/g, '')}`;
  const { size, left, top, totals, hoursEvery, font, numbers } = LAYOUT[variant];
  const max = largestCount(counts);
  const gridWidth = 24 * size;
  const totalsLeft = left + gridWidth + 8;
  const width = totals ? totalsLeft + 52 : left + gridWidth;
  const hourAxis = top === 0 ? top + 7 * size + font + 2 : top - 4;
  const hoursTotalY = top + 7 * size + 6 + font;
  const height = totals ? hoursTotalY + 6 : 7 * size + font + 4;
  const busiest = busiestSlots(counts, 1)[0];
  const label = busiest
    ? t('timeprofile.grid.label', { slot: slotLabel(t, busiest.day, busiest.hour), n: busiest.count })
    : t('timeprofile.grid.labelNone');
  const byDay = dayTotals(counts);
  const byHour = hourTotals(counts);
  return (
    <figure className={`week-grid week-grid-${variant}`}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-slots={counts.flat().length}>
        <defs>
          <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill="#e3e7ed" />
            <line x1="0" y1="0" x2="0" y2="4" stroke="#7b8594" strokeWidth="1.5" />
          </pattern>
        </defs>
        {counts.map((row, day) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a weekday is its position, Monday first
          <g key={day}>
            <text x={0} y={top + day * size + size / 2 + font / 3} fontSize={font} className="week-axis">
              {dayShort(t, day)}
            </text>
            {row.map((n, hour) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an hour of the day is its position
              <g key={hour}>
                <rect
                  className="week-slot"
                  data-slot={`${day}-${hour}`}
                  data-count={n ?? 'withheld'}
                  x={left + hour * size}
                  y={top + day * size}
                  width={size - 1}
                  height={size - 1}
                  fill={n === null ? `url(#${hatch})` : slotFill(n, max)}
                >
                  <title>{`${slotLabel(t, day, hour)}: ${n === null ? t('timeprofile.withheld') : countText(t, n, threshold)}`}</title>
                </rect>
                {numbers && n !== null && (
                  <text
                    x={left + hour * size + (size - 1) / 2}
                    y={top + day * size + size / 2 + 3}
                    fontSize={n >= 1000 ? 8 : 9}
                    textAnchor="middle"
                    className={n / max > 0.5 ? 'week-number week-number-dark' : 'week-number'}
                  >
                    {countText(t, n, threshold)}
                  </text>
                )}
              </g>
            ))}
            {totals && (
              <text
                x={totalsLeft + 48}
                y={top + day * size + size / 2 + font / 3}
                fontSize={font}
                textAnchor="end"
                className="week-total"
              >
                {totalText(t, byDay[day]!)}
              </text>
            )}
          </g>
        ))}
        {Array.from({ length: 24 / hoursEvery }, (_, i) => i * hoursEvery).map((h) => (
          <text key={h} x={left + h * size} y={hourAxis} fontSize={font} className="week-axis">
            {hourLabel(h)}
          </text>
        ))}
        {totals && (
          <>
            <text x={totalsLeft + 48} y={hourAxis} fontSize={font} textAnchor="end" className="week-axis">
              {t('timeprofile.total')}
            </text>
            <text x={0} y={hoursTotalY} fontSize={font} className="week-axis">
              {t('timeprofile.total')}
            </text>
            {byHour.map((total, hour) => (
              <text
                // biome-ignore lint/suspicious/noArrayIndexKey: an hour of the day is its position
                key={hour}
                x={left + hour * size + (size - 1) / 2}
                y={hoursTotalY}
                fontSize={total.total >= 1000 ? 8 : 9}
                textAnchor="middle"
                className="week-total week-total-hour"
              >
                {totalText(t, total)}
              </text>
            ))}
            <text x={totalsLeft + 48} y={hoursTotalY} fontSize={font} textAnchor="end" className="week-total">
              {totalText(t, weekTotal(counts))}
            </text>
          </>
        )}
      </svg>
      {variant === 'full' && <WeekHourKey max={max} threshold={threshold} withheld={counts.flat().includes(null)} />}
    </figure>
  );
}
