import { LEVEL_LABELS, type AreaOption } from './areaOptions';

interface AreaPickerProps {
  options: readonly AreaOption[];
  value: readonly string[];
  onChange: (areas: string[]) => void;
}

/** The areas compared (two to twelve, of any level): a removable list and a chooser to add one. */
export function AreaPicker({ options, value, onChange }: AreaPickerProps) {
  const name = (key: string) => options.find((o) => o.key === key)?.name ?? key;
  const levels = ['pfa', 'lad', 'partnership'] as const;
  return (
    <fieldset className="control-group area-picker">
      <legend>Areas compared</legend>
      <ul className="chosen-areas">
        {value.map((key) => (
          <li key={key} data-area={key}>
            {name(key)}{' '}
            <button
              type="button"
              className="link-button"
              aria-label={`Remove ${name(key)}`}
              disabled={value.length <= 2}
              onClick={() => onChange(value.filter((k) => k !== key))}
            >
              remove
            </button>
          </li>
        ))}
      </ul>
      <label>
        Add an area{' '}
        <select
          value=""
          disabled={value.length >= 12}
          onChange={(e) => e.target.value && onChange([...value, e.target.value])}
        >
          <option value="">Choose…</option>
          {levels.map((level) => (
            <optgroup key={level} label={LEVEL_LABELS[level]}>
              {options
                .filter((o) => o.level === level && !value.includes(o.key))
                .map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p className="hint">Cross-border hot spots take two to four areas that lie side by side.</p>
    </fieldset>
  );
}
