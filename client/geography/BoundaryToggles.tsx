import { BOUNDARY_OPTIONS, type BoundaryLayer, type BoundaryVisibility } from './boundaryLayers';

interface BoundaryTogglesProps {
  value: BoundaryVisibility;
  onChange: (next: BoundaryVisibility) => void;
  /** Per layer: a short status such as "loading…" or "22 areas". */
  status: Partial<Record<BoundaryLayer, string>>;
}

export function BoundaryToggles({ value, onChange, status }: BoundaryTogglesProps) {
  return (
    <fieldset className="control-group" aria-label="Boundaries">
      <legend>Boundaries</legend>
      <ul className="check-list">
        {BOUNDARY_OPTIONS.map((option) => (
          <li key={option.layer}>
            <label>
              <input
                type="checkbox"
                name="boundary"
                value={option.layer}
                checked={value[option.layer]}
                onChange={(event) => onChange({ ...value, [option.layer]: event.target.checked })}
              />
              <span className={`boundary-swatch boundary-swatch-${option.layer}`} aria-hidden="true" />
              <span className="check-label">
                {option.label}
                <span className="hint">
                  {option.hint}
                  {status[option.layer] ? ` · ${status[option.layer]}` : ''}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
