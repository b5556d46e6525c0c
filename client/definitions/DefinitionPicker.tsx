import { definitionHistory } from './definitionHistory';
import { definitionParam } from './definitionChoice';
import type { DefinitionsBody } from './definitionsApi';

interface DefinitionPickerProps {
  body: DefinitionsBody | null;
  /** The selection's definition (`preset:ID` or a saved id); undefined: the offence groups below. */
  value: string | undefined;
  onChange: (definition: string | undefined) => void;
}

/** Chooses a saved serious-violence definition (or a national preset) as the offence selection. */
export function DefinitionPicker({ body, value, onChange }: DefinitionPickerProps) {
  const history = definitionHistory(body?.definitions ?? []);
  return (
    <div className="control-group">
      <label htmlFor="definition" className="control-label">
        Serious-violence definition
      </label>
      <select
        id="definition"
        name="definition"
        value={value ?? ''}
        disabled={body === null}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">None: the offence groups below</option>
        {history.length > 0 && (
          <optgroup label="The partnership’s definitions">
            {history.flatMap((h) =>
              h.versions.map((d) => (
                <option key={d.id} value={definitionParam(d)}>
                  {d.name}, version {d.version}
                  {d === h.latest ? ' (latest)' : ''}
                </option>
              )),
            )}
          </optgroup>
        )}
        <optgroup label="National presets">
          {(body?.presets ?? []).map((p) => (
            <option key={p.id} value={definitionParam(p)}>
              {p.name}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
