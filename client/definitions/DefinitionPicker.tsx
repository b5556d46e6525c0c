import { definitionHistory } from './definitionHistory';
import { definitionParam } from './definitionChoice';
import type { DefinitionsBody } from './definitionsApi';
import { useT } from '../i18n/language';

interface DefinitionPickerProps {
  body: DefinitionsBody | null;
  /** The selection's definition (`preset:ID` or a saved id); undefined: the offence groups below. */
  value: string | undefined;
  onChange: (definition: string | undefined) => void;
}

/** Chooses a saved serious-violence definition (or a national preset) as the offence selection. */
export function DefinitionPicker({ body, value, onChange }: DefinitionPickerProps) {
  const t = useT();
  const history = definitionHistory(body?.definitions ?? []);
  return (
    <div className="control-group">
      <label htmlFor="definition" className="control-label">
        {t('definitions.picker')}
      </label>
      <select
        id="definition"
        name="definition"
        value={value ?? ''}
        disabled={body === null}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{t('definitions.pickerNone')}</option>
        {history.length > 0 && (
          <optgroup label={t('definitions.partnership')}>
            {history.flatMap((h) =>
              h.versions.map((d) => (
                <option key={d.id} value={definitionParam(d)}>
                  {t('definitions.nameVersion', { name: d.name, version: String(d.version) })}
                  {d === h.latest ? t('definitions.latest') : ''}
                </option>
              )),
            )}
          </optgroup>
        )}
        <optgroup label={t('definitions.national')}>
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
