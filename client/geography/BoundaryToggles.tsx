import { CheckList } from '../controls/CheckList';
import { useT } from '../i18n/language';
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
  const t = useT();
  return (
    <fieldset className="control-group" aria-label={t('map.boundary.legend')}>
      <legend>{t('map.boundary.legend')}</legend>
      <CheckList
        name="boundary"
        items={BOUNDARY_OPTIONS.map((o) => o.layer)}
        selected={visibleLayers(value)}
        onChange={(layers) => onChange(visibilityOf(layers))}
        swatch={(layer) => <span className={`boundary-swatch boundary-swatch-${layer}`} aria-hidden="true" />}
        label={(layer) => (
          <>
            {t(OPTION.get(layer)!.label)}
            <span className="hint">
              {t(OPTION.get(layer)!.hint)}
              {status[layer] ? ` · ${status[layer]}` : ''}
            </span>
          </>
        )}
      />
    </fieldset>
  );
}
