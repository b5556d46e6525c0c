import { useT } from '../i18n/language';
import { type AreaOption, LEVEL_LABELS } from './areaOptions';

const LEVELS = ['pfa', 'lad', 'partnership'] as const;

/** An area select's options, grouped by level; areas `hide` names are left out. */
export function AreaOptionGroups({ options, hide = [] }: { options: readonly AreaOption[]; hide?: readonly string[] }) {
  const t = useT();
  return LEVELS.map((level) => (
    <optgroup key={level} label={t(LEVEL_LABELS[level])}>
      {options
        .filter((o) => o.level === level && !hide.includes(o.key))
        .map((o) => (
          <option key={o.key} value={o.key}>
            {o.name}
          </option>
        ))}
    </optgroup>
  ));
}
