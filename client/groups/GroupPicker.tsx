import type { OffenceGroup } from '../api';
import { useT } from '../i18n/language';
import { defaultGroupIds, parentOf } from './groupSelection';

interface GroupPickerProps {
  groups: readonly OffenceGroup[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/** Multi-select of offence groups; a selected parent group includes its children. */
export function GroupPicker({ groups, selected, onChange }: GroupPickerProps) {
  const t = useT();
  const set = (ids: Iterable<string>) => {
    const chosen = new Set(ids);
    onChange(groups.map((g) => g.id).filter((id) => chosen.has(id)));
  };
  const toggle = (id: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    for (const group of groups) {
      if (parentOf(group) !== id) continue;
      if (checked) next.add(group.id);
      else next.delete(group.id);
    }
    set(next);
  };
  return (
    <fieldset className="control-group">
      <legend>{t('map.groups.legend')}</legend>
      <div className="button-row">
        <button type="button" onClick={() => set(defaultGroupIds(groups))}>
          {t('map.groups.violenceOnly')}
        </button>
        <button type="button" onClick={() => set(groups.map((g) => g.id))}>
          {t('map.groups.all')}
        </button>
        <button type="button" onClick={() => set([])}>
          {t('map.groups.none')}
        </button>
      </div>
      <ul className="check-list">
        {groups.map((group) => {
          const parent = parentOf(group);
          const includedByParent = parent !== null && selected.includes(parent);
          return (
            <li key={group.id} className={parent ? 'child-group' : undefined}>
              <label>
                <input
                  type="checkbox"
                  name="group"
                  value={group.id}
                  checked={includedByParent || selected.includes(group.id)}
                  disabled={includedByParent}
                  onChange={(event) => toggle(group.id, event.target.checked)}
                />
                <span className="check-label">
                  {group.label}
                  {group.violence && parent === null && (
                    <span className="badge badge-violence">{t('map.groups.violence')}</span>
                  )}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
