import { useState } from 'react';
import { CheckList } from '../controls/CheckList';
import { FormError } from '../controls/FormError';
import { TextField } from '../controls/TextField';
import { GroupPicker } from '../groups/GroupPicker';
import { useVocabulary } from '../reference/vocabulary';
import type { DefinitionDraft } from './definitionsApi';
import { useT } from '../i18n/language';

interface DefinitionEditorProps {
  draft: DefinitionDraft;
  /** Each saved key's latest version, so the button says which version saving makes. */
  latestVersions: ReadonlyMap<string, number>;
  saving: boolean;
  error: string | null;
  onSave: (draft: DefinitionDraft) => void;
}

type Flag = DefinitionDraft['flags'] extends (infer F)[] | undefined ? F : never;

/** The form for one definition: its key and name, the groups it counts and leaves out, the flags that must hold. */
export function DefinitionEditor({ draft: start, latestVersions, saving, error, onSave }: DefinitionEditorProps) {
  const t = useT();
  const { groups, flags } = useVocabulary();
  const [draft, setDraft] = useState(start);
  const change = (patch: Partial<DefinitionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const labelOf = new Map(groups.map((g) => [g.id, g.label]));
  const nextVersion = (latestVersions.get(draft.key) ?? 0) + 1;
  return (
    <form
      className="definition-editor"
      aria-label={t('definitions.form')}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(draft);
      }}
    >
      <TextField
        label={t('definitions.key')}
        value={draft.key}
        onChange={(key) => change({ key })}
        required
        pattern="[a-z0-9][a-z0-9\-]{0,59}"
      />
      <TextField
        label={t('definitions.name')}
        value={draft.name}
        onChange={(name) => change({ name })}
        required
        maxLength={200}
      />
      <GroupPicker groups={groups} selected={draft.groups} onChange={(ids) => change({ groups: ids })} />
      <fieldset className="control-group">
        <legend>{t('definitions.excluded')}</legend>
        <CheckList
          name="excluded"
          items={groups.map((g) => g.id)}
          selected={draft.excludedGroups ?? []}
          onChange={(ids) => change({ excludedGroups: ids })}
          label={(id) => labelOf.get(id) ?? id}
        />
      </fieldset>
      <fieldset className="control-group">
        <legend>{t('definitions.flags')}</legend>
        <CheckList
          name="flag"
          items={flags.map((f) => f.id as Flag)}
          selected={draft.flags ?? []}
          onChange={(ids) => change({ flags: ids })}
          label={(id) => flags.find((f) => f.id === id)?.label ?? id}
        />
      </fieldset>
      <fieldset className="control-group" disabled>
        <legend>{t('definitions.weights')}</legend>
        <p className="hint">{t('definitions.weightsUnavailable')}</p>
      </fieldset>
      <label className="control-label">
        {t('definitions.note')}
        <textarea
          value={draft.note ?? ''}
          maxLength={2000}
          rows={3}
          onChange={(e) => change({ note: e.target.value })}
        />
      </label>
      <FormError message={error} />
      <button type="submit" disabled={saving || draft.groups.length === 0}>
        {saving ? t('definitions.saving') : t('definitions.saveVersion', { version: String(nextVersion) })}
      </button>
    </form>
  );
}
