import { useT } from '../i18n/language';

/**
 * A small bar chart of a location's counts over the review's periods (withheld counts hatched,
 * periods no selected dataset covers left as gaps marked "n/c": missing, not zero).
 */
export function SeriesChart({
  counts,
  labels,
  threshold,
  covered,
}: {
  counts: readonly (number | null)[];
  labels: readonly string[];
  threshold: number | null;
  /** Whether each period is covered by the selected datasets (all covered when absent). */
  covered?: readonly boolean[];
}) {
  const t = useT();
  const isGap = (i: number) => covered !== undefined && covered[i] === false;
  const width = 280;
  const height = 90;
  const max = Math.max(1, ...counts.map((n) => n ?? threshold ?? 1));
  const bar = width / Math.max(1, counts.length);
  return (
    <svg
      className="series-chart"
      viewBox={`0 0 ${width} ${height + 16}`}
      role="img"
      aria-label={t('panel.series.label', {
        list: counts
          .map((n, i) =>
            t('panel.series.item', {
              label: labels[i] ?? '',
              value: isGap(i) ? t('panel.series.notCovered') : n === null ? t('panel.multiples.withheld') : String(n),
            }),
          )
          .join('; '),
      })}
    >
      {counts.map((n, i) => {
        if (isGap(i))
          return (
            <g key={labels[i]} data-covered="false">
              <text x={i * bar + bar / 2} y={height + 12} textAnchor="middle" fontSize="9" fill="#8a93a3">
                {t('panel.series.notCoveredShort')}
              </text>
            </g>
          );
        const value = n ?? (threshold ?? 1) / 2;
        const h = (value / max) * height;
        // Each bar is one period: its label names it.
        return (
          <g key={labels[i]}>
            <rect
              x={i * bar + 2}
              y={height - h}
              width={bar - 4}
              height={h}
              fill={n === null ? '#b8c2d0' : '#33507a'}
              strokeDasharray={n === null ? '3 2' : undefined}
              stroke={n === null ? '#33507a' : 'none'}
            />
            <text x={i * bar + bar / 2} y={height + 12} textAnchor="middle" fontSize="9" fill="#4b5565">
              {n === null ? '<k' : n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
