import { type ReactNode, useState } from 'react';
import type { SessionUser } from '../api';
import { PageShell } from '../controls/PageShell';
import { useMapDefaults } from '../datasets/useMapDefaults';
import { PartnershipPicker } from '../partnerships/PartnershipPicker';
import { usePartnerships } from '../partnerships/usePartnerships';
import { useVocabulary } from '../reference/vocabulary';
import { open, pageUrl } from '../selection/location';
import { ErrorBanner } from '../status/ErrorBanner';
import { DefinitionEditor } from './DefinitionEditor';
import { definitionParam } from './definitionChoice';
import { definitionHistory } from './definitionHistory';
import { type DefinitionDraft, saveDefinition } from './definitionsApi';
import { draftFrom } from './draftFrom';
import { useDefinitions } from './useDefinitions';
import { useT } from '../i18n/language';

interface DefinitionsPageProps {
  user: SessionUser;
  header: ReactNode;
  notice?: ReactNode;
}

/** Who may save definitions, as the server's policy says (admins and analysts of the partnership). */
const EDITORS = ['admin', 'analyst'];

/**
 * The partnership's serious-violence definitions: start from a national preset or a saved
 * definition, save it as a new version, see every version, and open the map with one.
 */
export function DefinitionsPage({ user, header, notice }: DefinitionsPageProps) {
  const t = useT();
  const { partnerships, error: partnershipsError } = usePartnerships();
  const home = useMapDefaults();
  const [chosen, setChosen] = useState<number | 'all' | null>(null);
  const partnershipId = chosen ?? home.defaults?.partnershipId ?? null;
  const id = partnershipId === 'all' ? null : partnershipId;
  const definitions = useDefinitions(id);
  const { groups, flags } = useVocabulary();
  const [start, setStart] = useState<string>('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const body = definitions.data;
  const history = definitionHistory(body?.definitions ?? []);
  const startFrom =
    body?.presets.find((p) => definitionParam(p) === start) ??
    body?.definitions.find((d) => definitionParam(d) === start) ??
    null;
  const draft = startFrom ? draftFrom(startFrom) : null;
  const latestVersions = new Map(history.map((h) => [h.key, h.latest.version]));
  const groupLabel = new Map(groups.map((g) => [g.id, g.label]));
  const flagLabel = new Map(flags.map((f) => [f.id, f.label]));

  const save = async (next: DefinitionDraft) => {
    if (id === null) return;
    setSaving(true);
    setError(null);
    try {
      const made = await saveDefinition(id, next);
      setSaved(t('definitions.savedAs', { name: made.name, version: String(made.version) }));
      setStart(definitionParam(made));
      definitions.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageShell title={t('definitions.title')} header={header} notice={notice} className="definitions-page">
      <ErrorBanner messages={[partnershipsError, definitions.error].filter((e): e is string => e !== null)} />
      <p className="hint">{t('definitions.intro')}</p>
      <PartnershipPicker
        partnerships={partnerships}
        value={partnershipId ?? 'all'}
        onChange={(next) => {
          setChosen(next);
          setStart('');
          setSaved(null);
        }}
      />
      {id === null && <p className="status-line">{t('definitions.choosePartnership')}</p>}
      {body && (
        <>
          <section aria-labelledby="definition-history">
            <h2 id="definition-history">{t('definitions.history')}</h2>
            {history.length === 0 && <p className="hint">{t('definitions.noneSaved')}</p>}
            {history.length > 0 && (
              <table className="data-table definition-history">
                <thead>
                  <tr>
                    <th scope="col">{t('definitions.col.definition')}</th>
                    <th scope="col">{t('definitions.col.version')}</th>
                    <th scope="col">{t('definitions.col.groups')}</th>
                    <th scope="col">{t('definitions.col.flags')}</th>
                    <th scope="col">{t('definitions.col.saved')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('definitions.col.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.flatMap((h) =>
                    h.versions.map((d) => (
                      <tr key={d.id} data-key={d.key} data-version={d.version}>
                        <th scope="row">
                          {d.name} <span className="hint">({d.key})</span>
                        </th>
                        <td>{d.version}</td>
                        <td>
                          {d.groups.map((g) => groupLabel.get(g) ?? g).join(', ')}
                          {d.excludedGroups.length > 0 &&
                            t('definitions.leftOut', {
                              groups: d.excludedGroups.map((g) => groupLabel.get(g) ?? g).join(', '),
                            })}
                        </td>
                        <td>{d.flags.map((f) => flagLabel.get(f) ?? f).join(', ') || t('definitions.noFlags')}</td>
                        <td>{d.createdAt.slice(0, 10)}</td>
                        <td>
                          <button
                            type="button"
                            onClick={() =>
                              open(pageUrl('map', { definition: definitionParam(d), area: `partnership:${id}` }))
                            }
                          >
                            {t('definitions.showOnMap')}
                          </button>
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            )}
          </section>
          {EDITORS.includes(user.role) && (
            <section aria-labelledby="definition-edit">
              <h2 id="definition-edit">{t('definitions.edit')}</h2>
              <label className="control-label" htmlFor="definition-start">
                {t('definitions.startFrom')}
              </label>
              <select
                id="definition-start"
                value={start}
                onChange={(event) => {
                  setStart(event.target.value);
                  setSaved(null);
                  setError(null);
                }}
              >
                <option value="">{t('definitions.choose')}</option>
                {history.length > 0 && (
                  <optgroup label={t('definitions.partnershipNext')}>
                    {history.map((h) => (
                      <option key={h.key} value={definitionParam(h.latest)}>
                        {t('definitions.nameVersion', { name: h.latest.name, version: String(h.latest.version) })}
                      </option>
                    ))}
                  </optgroup>
                )}
                <optgroup label={t('definitions.nationalGuidance')}>
                  {body.presets.map((p) => (
                    <option key={p.id} value={definitionParam(p)}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              </select>
              {startFrom && 'note' in startFrom && startFrom.note && <p className="hint">{startFrom.note}</p>}
              <p className="status-line" role="status">
                {saved}
              </p>
              {draft && (
                <DefinitionEditor
                  key={`${start}:${body.definitions.length}`}
                  draft={draft}
                  latestVersions={latestVersions}
                  saving={saving}
                  error={error}
                  onSave={(next) => void save(next)}
                />
              )}
            </section>
          )}
        </>
      )}
    </PageShell>
  );
}
