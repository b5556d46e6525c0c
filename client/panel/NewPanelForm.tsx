import { type FormEvent, useState } from 'react';
import { api, okJson, type SessionUser } from '../api';
import { FormError } from '../controls/FormError';
import { Options } from '../controls/Options';
import { defaultGroupIds } from '../groups/groupSelection';
import { usePartnerships } from '../partnerships/usePartnerships';
import { useReferenceData } from '../reference/useReferenceData';
import { useT } from '../i18n/language';

/**
 * Set up a panel (analysts and admins of the partnership): its partnership, name, cadence and
 * datasets. Reviews analyse the partnership's area with the violence offence groups; fortnights
 * need day-dated data. The server refuses, in plain words, what the first review could not do.
 */
export function NewPanelForm({ user, onCreated }: { user: SessionUser; onCreated: (panelId: number) => void }) {
  const t = useT();
  const reference = useReferenceData();
  const datasets = reference.datasets ?? [];
  const groups = defaultGroupIds(reference.groups);
  const listed = usePartnerships();
  // A panel belongs to its partnership: only members set one up (admins too).
  const partnerships = (listed.partnerships ?? []).filter((p) => user.scopes.includes(`partnership:${p.id}`));
  const [error, setError] = useState<string | null>(null);
  const loadError = [...reference.errors, listed.error].find(Boolean);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ids = form.getAll('dataset').map(Number);
    try {
      const { panel } = await okJson(
        api.api.panels.$post({
          json: {
            partnershipId: Number(form.get('partnership')),
            name: String(form.get('name')),
            cadence: form.get('cadence') as 'fortnight' | 'month' | 'quarter',
            selection: { datasets: ids, groups, res: 9, k: 1 },
          },
        }),
      );
      setError(null);
      onCreated(panel!.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <details className="new-panel">
      <summary>{t('panel.new.summary')}</summary>
      <form onSubmit={(e) => void submit(e)} className="stacked-form">
        <label>
          {t('panel.new.name')}{' '}
          <input name="name" required maxLength={200} placeholder={t('panel.new.namePlaceholder')} />
        </label>
        <label>
          {t('panel.new.partnership')}{' '}
          <select name="partnership" required>
            <Options options={partnerships.map((p) => ({ value: p.id, label: p.name }))} />
          </select>
        </label>
        <label>
          {t('panel.new.meetsEvery')}{' '}
          <select name="cadence" defaultValue="fortnight">
            <option value="fortnight">{t('panel.new.fortnight')}</option>
            <option value="month">{t('panel.cadence.month')}</option>
            <option value="quarter">{t('panel.cadence.quarter')}</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('panel.new.datasets')}</legend>
          {datasets.map((d) => (
            <label key={d.id} className="check-row">
              <input type="checkbox" name="dataset" value={d.id} /> {d.name}{' '}
              <span className="hint">
                {t('panel.new.precision', {
                  precision:
                    d.datePrecision === 'day'
                      ? t('panel.new.precisionDay')
                      : d.datePrecision === 'month'
                        ? t('panel.new.precisionMonth')
                        : d.datePrecision,
                })}
              </span>
            </label>
          ))}
        </fieldset>
        <p className="hint">{t('panel.new.hint')}</p>
        <button type="submit">{t('panel.new.submit')}</button>
        <FormError message={error ?? loadError} />
      </form>
    </details>
  );
}
