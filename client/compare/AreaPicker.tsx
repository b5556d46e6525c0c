import { AreaOptionGroups } from '../geography/AreaOptionGroups';
import type { AreaOption } from '../geography/areaOptions';
import { LinkButton } from '../controls/LinkButton';
import { useT } from '../i18n/language';

interface AreaPickerProps {
  options: readonly AreaOption[];
  value: readonly string[];
  onChange: (areas: string[]) => void;
}

/** The areas compared (two to twelve, of any level): a removable list and a chooser to add one. */
export function AreaPicker({ options, value, onChange }: AreaPickerProps) {
  const t = useT();
  const name = (key: string) => options.find((o) => o.key === key)?.name ?? key;
  return (
    <fieldset className="control-group area-picker">
      <legend>{t('compare.picker.legend')}</legend>
      <ul className="chosen-areas">
        {value.map((key) => (
          <li key={key} data-area={key}>
            {name(key)}{' '}
            <LinkButton
              aria-label={t('compare.picker.removeLabel', { name: name(key) })}
              disabled={value.length <= 2}
              onClick={() => onChange(value.filter((k) => k !== key))}
            >
              {t('compare.picker.remove')}
            </LinkButton>
          </li>
        ))}
      </ul>
      <label>
        {t('compare.picker.add')}{' '}
        <select
          value=""
          disabled={value.length >= 12}
          onChange={(e) => e.target.value && onChange([...value, e.target.value])}
        >
          <option value="">{t('compare.picker.choose')}</option>
          <AreaOptionGroups options={options} hide={value} />
        </select>
      </label>
      <p className="hint">{t('compare.picker.hint')}</p>
    </fieldset>
  );
}
