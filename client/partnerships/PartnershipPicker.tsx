import type { Partnership } from '../api';
import { formatPopulation, groupPartnerships, partnershipLabel, type AreaChoice } from './partnershipChoice';

interface PartnershipPickerProps {
  partnerships: readonly Partnership[] | null;
  value: AreaChoice;
  onChange: (choice: AreaChoice) => void;
}

/** The area analysed: a partnership (zooms to it and filters the counts) or all areas. */
export function PartnershipPicker({ partnerships, value, onChange }: PartnershipPickerProps) {
  const selected = value === 'all' ? null : (partnerships?.find((p) => p.id === value) ?? null);
  return (
    <div className="control-group">
      <label htmlFor="partnership" className="control-label">
        Area (partnership)
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
        <option value="all">All areas (no filter)</option>
        {groupPartnerships(partnerships ?? []).map((group) => (
          <optgroup key={group.category} label={group.label}>
            {group.partnerships.map((p) => (
              <option key={p.id} value={p.id}>
                {partnershipLabel(p)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {partnerships === null && <p className="hint">Loading partnerships…</p>}
      {selected && (
        <p className="hint" data-testid="partnership-summary">
          {selected.description ??
            `${selected.lads.length} local ${selected.lads.length === 1 ? 'authority' : 'authorities'}`}
          {selected.population > 0 && ` · ${formatPopulation(selected.population)} residents (mid-2020)`}. Counts are
          limited to hexagons whose centre lies in the area.
        </p>
      )}
      {value === 'all' && <p className="hint">Counts for every area the selected datasets cover.</p>}
    </div>
  );
}
