import { CheckItem } from '../controls/CheckItem';
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
            <CheckItem
              name="boundary"
              value={option.layer}
              checked={value[option.layer]}
              onChange={(on) => onChange({ ...value, [option.layer]: on })}
              swatch={<span className={`boundary-swatch boundary-swatch-${option.layer}`} aria-hidden="true" />}
            >
              {option.label}
              <span className="hint">
                {option.hint}
                {status[option.layer] ? ` · ${status[option.layer]}` : ''}
              </span>
            </CheckItem>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
