import type { Partnership } from '../api';
import { formatPopulation, groupPartnerships, type AreaChoice } from './partnershipChoice';
import { useBoundaries } from '../geography/useBoundaries';
import { useLanguage, useT } from '../i18n/language';
import { partnershipName } from './partnershipName';
import type { MessageKey } from '../i18n/language';

interface PartnershipPickerProps {
  partnerships: readonly Partnership[] | null;
  value: AreaChoice;
  onChange: (choice: AreaChoice) => void;
}

/** The area analysed: a partnership (zooms to it and filters the counts) or all areas. */
export function PartnershipPicker({ partnerships, value, onChange }: PartnershipPickerProps) {
  const selected = value === 'all' ? null : (partnerships?.find((p) => p.id === value) ?? null);
  const t = useT();
  const language = useLanguage();
  // Boundaries give the seeded partnerships their Welsh names (shared with the map, fetched once).
  const forces = useBoundaries('pfa', true).data;
  const lads = useBoundaries('lad', true).data;
  /** "Newport CSP · 160k residents": the name first, so typing in the select jumps to it. */
  const label = (p: Partnership) => {
    const councils =
      p.category === 'lad' || p.lads.length === 0
        ? ''
        : t(p.lads.length === 1 ? 'map.area.councilsOne' : 'map.area.councilsOther', { n: p.lads.length });
    const residents = p.population > 0 ? t('map.area.residents', { n: formatPopulation(p.population) }) : '';
    return `${partnershipName(p, language, t, forces, lads)}${councils}${residents}`;
  };
  return (
    <div className="control-group">
      <label htmlFor="partnership" className="control-label">
        {t('map.area.label')}
      </label>
      <select
        id="partnership"
        name="partnership"
        value={String(value)}
        disabled={partnerships === null}
        onChange={(event) => {
          const next = event.target.value;
          onChange(next === 'all' ? 'all' : Number(next));
        }}
      >
        <option value="all">{t('map.area.all')}</option>
        {groupPartnerships(partnerships ?? []).map((group) => (
          <optgroup key={group.category} label={t(`map.category.${group.category}` as MessageKey)}>
            {group.partnerships.map((p) => (
              <option key={p.id} value={p.id}>
                {label(p)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {partnerships === null && <p className="hint">{t('map.area.loading')}</p>}
      {selected && (
        <p className="hint" data-testid="partnership-summary">
          {selected.description ??
            t(selected.lads.length === 1 ? 'map.area.ladsOne' : 'map.area.ladsOther', { n: selected.lads.length })}
          {selected.population > 0 && t('map.area.residentsMid2020', { n: formatPopulation(selected.population) })}
          {t('map.area.limited')}
        </p>
      )}
      {value === 'all' && <p className="hint">{t('map.area.everyArea')}</p>}
    </div>
  );
}
