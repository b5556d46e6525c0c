import { CheckList } from '../controls/CheckList';
import {
  BOUNDARY_OPTIONS,
  type BoundaryLayer,
  type BoundaryVisibility,
  visibilityOf,
  visibleLayers,
} from './boundaryLayers';

interface BoundaryTogglesProps {
  value: BoundaryVisibility;
  onChange: (next: BoundaryVisibility) => void;
  /** Per layer: a short status such as "loading…" or "22 areas". */
  status: Partial<Record<BoundaryLayer, string>>;
}

const OPTION = new Map(BOUNDARY_OPTIONS.map((o) => [o.layer, o]));

export function BoundaryToggles({ value, onChange, status }: BoundaryTogglesProps) {
  return (
    <fieldset className="control-group" aria-label="Boundaries">
      <legend>Boundaries</legend>
      <CheckList
        name="boundary"
        items={BOUNDARY_OPTIONS.map((o) => o.layer)}
        selected={visibleLayers(value)}
        onChange={(layers) => onChange(visibilityOf(layers))}
        swatch={(layer) => <span className={`boundary-swatch boundary-swatch-${layer}`} aria-hidden="true" />}
        label={(layer) => (
          <>
            {OPTION.get(layer)!.label}
            <span className="hint">
              {OPTION.get(layer)!.hint}
              {status[layer] ? ` · ${status[layer]}` : ''}
            </span>
          </>
        )}
      />
    </fieldset>
  );
}
