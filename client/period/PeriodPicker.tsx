import { useT } from '../i18n/language';
import { isMonth, type Period } from './months';

interface PeriodPickerProps {
  value: Period | null;
  /** Months the selected datasets cover, used as the pickers' bounds. */
  bounds: Period | null;
  onChange: (period: Period) => void;
}

/** From/to month pickers (`YYYY-MM`). */
export function PeriodPicker({ value, bounds, onChange }: PeriodPickerProps) {
  const t = useT();
  const invalid = value !== null && value.from > value.to;
  const end = (name: keyof Period, label: string) => (
    <label>
      {label}
      <input
        type="month"
        name={name}
        value={value?.[name] ?? ''}
        min={bounds?.from}
        max={bounds?.to}
        disabled={value === null}
        aria-invalid={invalid}
        onChange={(event) => {
          const month = event.target.value;
          if (value && isMonth(month)) onChange({ ...value, [name]: month });
        }}
      />
    </label>
  );
  return (
    <fieldset className="control-group">
      <legend>{t('map.period.legend')}</legend>
      <div className="period-row">
        {end('from', t('map.period.from'))}
        {end('to', t('map.period.to'))}
      </div>
      {invalid && <p className="field-error">{t('map.period.invalid')}</p>}
      {bounds && <p className="hint">{t('map.period.available', { from: bounds.from, to: bounds.to })}</p>}
    </fieldset>
  );
}
