const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** "22:00": the hour a window starts or ends at. */
export const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** A labelled choice of a whole hour, 00:00 to 23:00: one end of a time window. */
export function HourSelect(props: {
  label: string;
  ariaLabel?: string;
  value: number;
  onChange: (hour: number) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        aria-label={props.ariaLabel ?? props.label}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      >
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {hourLabel(h)}
          </option>
        ))}
      </select>
    </label>
  );
}
