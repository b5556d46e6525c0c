import { isMonth, type Period } from './months';

interface PeriodPickerProps {
  value: Period | null;
  /** Months the selected datasets cover, used as the pickers' bounds. */
  bounds: Period | null;
  onChange: (period: Period) => void;
}

/** From/to month pickers (`YYYY-MM`). */
export function PeriodPicker({ value, bounds, onChange }: PeriodPickerProps) {
  const invalid = value !== null && value.from > value.to;
  return (
    <fieldset className="control-group">
      <legend>Period</legend>
      <div className="period-row">
        <label>
          From
          <input
            type="month"
            name="from"
            value={value?.from ?? ''}
            min={bounds?.from}
            max={bounds?.to}
            disabled={value === null}
            aria-invalid={invalid}
            onChange={(event) => {
              const from = event.target.value;
              if (value && isMonth(from)) onChange({ ...value, from });
            }}
          />
        </label>
        <label>
          To
          <input
            type="month"
            name="to"
            value={value?.to ?? ''}
            min={bounds?.from}
            max={bounds?.to}
            disabled={value === null}
            aria-invalid={invalid}
            onChange={(event) => {
              const to = event.target.value;
              if (value && isMonth(to)) onChange({ ...value, to });
            }}
          />
        </label>
      </div>
      {invalid && <p className="field-error">“From” must not be after “To”.</p>}
      {bounds && (
        <p className="hint">
          Data available {bounds.from} to {bounds.to}
        </p>
      )}
    </fieldset>
  );
}
