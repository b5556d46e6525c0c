import type { MapView } from '../selection/selection';

export const VIEWS: { id: MapView; label: string; hint: string }[] = [
  { id: 'counts', label: 'Counts', hint: 'Incidents per hexagon' },
  { id: 'hotspots', label: 'Hot spots (Gi*)', hint: 'Statistically significant clusters in the chosen area' },
  { id: 'density', label: 'Density (kernel)', hint: 'A smoothed surface of incidents in the chosen area' },
  { id: 'space-time', label: 'Space-time (EHSA, sfhotspot)', hint: 'How hot spots changed month by month' },
];

/** What the hexagons show: counts, Getis-Ord Gi* hot and cold spots, or kernel density bands. */
export function ViewPicker({ value, onChange }: { value: MapView; onChange: (v: MapView) => void }) {
  return (
    <fieldset className="control-group">
      <legend>Show</legend>
      {VIEWS.map((v) => (
        <label key={v.id} className="radio-row">
          <input type="radio" name="map-view" value={v.id} checked={value === v.id} onChange={() => onChange(v.id)} />
          <span className="check-label">
            {v.label}
            <span className="hint"> {v.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
