import { CheckList } from '../controls/CheckList';
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
  const byName = new Map((types ?? []).map((t) => [t.type, t]));
  return (
    <fieldset className="control-group places-panel" aria-label="Places">
      <legend>Places (settings)</legend>
      {types === null && !error && <p className="hint">Loading places…</p>}
      {error && <p className="field-error">{error}</p>}
      {types?.length === 0 && <p className="hint">No place layers are loaded.</p>}
      <CheckList
        name="place-type"
        items={(types ?? []).map((t) => t.type)}
        selected={enabled}
        onChange={onChange}
        rowData={(type) => ({ 'data-place-type': type })}
        swatch={(type) => {
          const style = styles.get(type);
          return style && <PlaceSwatch style={style} />;
        }}
        label={(type) => {
          const t = byName.get(type)!;
          return (
            <>
              {t.label}
              {t.proxy && (
                <span className="badge badge-proxy" title="A stand-in for the real layer; see the note">
                  stand-in
                </span>
              )}
              <span className="hint place-count">{countText(t, enabled.includes(type), byType.get(type), view)}</span>
              {t.note && (
                <span className="hint place-note" title={t.note}>
                  {t.proxy ? 'Stand-in: ' : 'Note: '}
                  {t.note}
                </span>
              )}
            </>
          );
        }}
      />
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
