import type { MessageKey } from '../i18n/language';
import { useT } from '../i18n/language';
import type { MapView } from '../selection/selection';

export const VIEWS: { id: MapView; label: MessageKey; hint: MessageKey }[] = [
  { id: 'counts', label: 'map.view.counts', hint: 'map.view.countsHint' },
  { id: 'hotspots', label: 'map.view.hotspots', hint: 'map.view.hotspotsHint' },
  { id: 'density', label: 'map.view.density', hint: 'map.view.densityHint' },
  { id: 'space-time', label: 'map.view.spaceTime', hint: 'map.view.spaceTimeHint' },
];

/** What the hexagons show: counts, Getis-Ord Gi* hot and cold spots, or kernel density bands. */
export function ViewPicker({ value, onChange }: { value: MapView; onChange: (v: MapView) => void }) {
  const t = useT();
  return (
    <fieldset className="control-group">
      <legend>{t('map.view.show')}</legend>
      {VIEWS.map((v) => (
        <label key={v.id} className="radio-row">
          <input type="radio" name="map-view" value={v.id} checked={value === v.id} onChange={() => onChange(v.id)} />
          <span className="check-label">
            {t(v.label)}
            <span className="hint"> {t(v.hint)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
