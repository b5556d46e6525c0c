import { CheckItem } from '../controls/CheckItem';
import type { Bbox, PlacesBody, PlaceType } from '../api';
import { countInBbox } from './placeInfo';
import { SHAPE_PATHS, type PlaceStyle } from './placeStyles';

interface PlacesPanelProps {
  types: readonly PlaceType[] | null;
  styles: ReadonlyMap<string, PlaceStyle>;
  enabled: readonly string[];
  onChange: (types: string[]) => void;
  byType: ReadonlyMap<string, PlacesBody>;
  /** The map's current view, for "in view" counts. */
  view: Bbox | null;
  error: string | null;
}

/** Legend and switches for the settings layers (schools, licensed premises, prisons, EDs). */
export function PlacesPanel({ types, styles, enabled, onChange, byType, view, error }: PlacesPanelProps) {
  const toggle = (type: string, on: boolean) => {
    const next = new Set(enabled);
    if (on) next.add(type);
    else next.delete(type);
    onChange((types ?? []).map((t) => t.type).filter((t) => next.has(t)));
  };
  return (
    <fieldset className="control-group places-panel" aria-label="Places">
      <legend>Places (settings)</legend>
      {types === null && !error && <p className="hint">Loading places…</p>}
      {error && <p className="field-error">{error}</p>}
      {types?.length === 0 && <p className="hint">No place layers are loaded.</p>}
      <ul className="check-list">
        {(types ?? []).map((t) => {
          const style = styles.get(t.type);
          const on = enabled.includes(t.type);
          const body = byType.get(t.type);
          return (
            <li key={t.type} data-place-type={t.type}>
              <CheckItem
                name="place-type"
                value={t.type}
                checked={on}
                onChange={(checked) => toggle(t.type, checked)}
                swatch={style && <PlaceSwatch style={style} />}
              >
                {t.label}
                {t.proxy && (
                  <span className="badge badge-proxy" title="A stand-in for the real layer; see the note">
                    stand-in
                  </span>
                )}
                <span className="hint place-count">{countText(t, on, body, view)}</span>
                {t.note && (
                  <span className="hint place-note" title={t.note}>
                    {t.proxy ? 'Stand-in: ' : 'Note: '}
                    {t.note}
                  </span>
                )}
              </CheckItem>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function countText(type: PlaceType, on: boolean, body: PlacesBody | undefined, view: Bbox | null): string {
  const total = `${type.count.toLocaleString('en-GB')} in total`;
  if (!on) return total;
  if (!body) return `Loading… · ${total}`;
  const inView = view ? countInBbox(body.places, view) : body.places.length;
  const capped = body.truncated ? ` (first ${body.places.length.toLocaleString('en-GB')} loaded)` : '';
  return `${inView.toLocaleString('en-GB')} in view${capped} · ${total}`;
}

export function PlaceSwatch({ style }: { style: PlaceStyle }) {
  return (
    <svg className="place-swatch" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <path
        d={SHAPE_PATHS[style.shape]}
        fill={style.fill}
        stroke={style.outline}
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}
