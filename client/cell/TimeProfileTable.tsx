const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * A cell's week as a 7 x 24 grid, darker where more incidents fell; withheld slots hatched grey.
 * Given only for public data with times (the server releases no one-cell profile of restricted data).
 */
export function TimeProfileTable({ counts, threshold }: { counts: (number | null)[][]; threshold: number | null }) {
  const max = Math.max(1, ...counts.flat().map((n) => n ?? 0));
  const size = 10;
  const left = 28;
  let busiest = { day: 0, hour: 0, n: -1 };
  counts.forEach((row, day) => {
    row.forEach((n, hour) => {
      if ((n ?? -1) > busiest.n) busiest = { day, hour, n: n ?? -1 };
    });
  });
  return (
    <svg
      className="cell-week"
      viewBox={`0 0 ${left + 24 * size} ${7 * size + 12}`}
      role="img"
      aria-label={`Incidents by weekday and hour; busiest ${DAYS[busiest.day]} ${busiest.hour}:00 (${busiest.n})`}
    >
      {counts.map((row, day) => (
        <g key={DAYS[day]}>
          <text x={0} y={day * size + 8} fontSize="8" fill="#4b5565">
            {DAYS[day]}
          </text>
          {row.map((n, hour) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: an hour of the day is its position
              key={hour}
              x={left + hour * size}
              y={day * size}
              width={size - 1}
              height={size - 1}
              fill={n === null ? '#c8ced8' : `rgba(51, 80, 122, ${0.08 + (0.92 * n) / max})`}
            >
              <title>{`${DAYS[day]} ${hour}:00: ${n === null ? `fewer than ${threshold}` : n}`}</title>
            </rect>
          ))}
        </g>
      ))}
      {[0, 6, 12, 18].map((h) => (
        <text key={h} x={left + h * size} y={7 * size + 10} fontSize="8" fill="#4b5565">
          {h}:00
        </text>
      ))}
    </svg>
  );
}
