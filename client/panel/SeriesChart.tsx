/** A small bar chart of a location's counts over the review's periods (withheld counts hatched). */
export function SeriesChart({
  counts,
  labels,
  threshold,
}: {
  counts: readonly (number | null)[];
  labels: readonly string[];
  threshold: number | null;
}) {
  const width = 280;
  const height = 90;
  const max = Math.max(1, ...counts.map((n) => n ?? threshold ?? 1));
  const bar = width / Math.max(1, counts.length);
  return (
    <svg
      className="series-chart"
      viewBox={`0 0 ${width} ${height + 16}`}
      role="img"
      aria-label={`Counts per period: ${counts.map((n, i) => `${labels[i]}: ${n ?? 'withheld'}`).join('; ')}`}
    >
      {counts.map((n, i) => {
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
