import { AreaOptionGroups } from '../geography/AreaOptionGroups';
import type { AreaOption } from '../geography/areaOptions';
import { LinkButton } from '../controls/LinkButton';

interface AreaPickerProps {
  options: readonly AreaOption[];
  value: readonly string[];
  onChange: (areas: string[]) => void;
}

/** The areas compared (two to twelve, of any level): a removable list and a chooser to add one. */
export function AreaPicker({ options, value, onChange }: AreaPickerProps) {
  const name = (key: string) => options.find((o) => o.key === key)?.name ?? key;
  return (
    <fieldset className="control-group area-picker">
      <legend>Areas compared</legend>
      <ul className="chosen-areas">
        {value.map((key) => (
          <li key={key} data-area={key}>
            {name(key)}{' '}
            <LinkButton
              aria-label={`Remove ${name(key)}`}
              disabled={value.length <= 2}
              onClick={() => onChange(value.filter((k) => k !== key))}
            >
              remove
            </LinkButton>
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
          <AreaOptionGroups options={options} hide={value} />
        </select>
      </label>
      <p className="hint">Cross-border hot spots take two to four areas that lie side by side.</p>
    </fieldset>
  );
}
