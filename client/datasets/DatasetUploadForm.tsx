import { type FormEvent, useState } from 'react';
import { type api, postForm, type SessionUser } from '../api';
import { FormError } from '../controls/FormError';
import { type Option, Options } from '../controls/Options';
import type { ScopeOption } from '../reference/scopeOptions';
import { useVocabulary } from '../reference/vocabulary';

type UploadResponse = Awaited<ReturnType<typeof api.api.datasets.$post>>;
type Kind = 'police-uk' | 'incidents';

const KINDS: Option[] = [
  { value: 'police-uk', label: 'data.police.uk street-level CSVs (public)' },
  { value: 'incidents', label: 'Incident records: a local police extract or ED data (restricted)' },
];
/** The server's column mapping presets for incident records. */
const PRESETS: Option[] = [
  { value: 'local-police', label: 'Local police extract' },
  { value: 'istv-ed', label: 'ISTV / Cardiff Model emergency department data' },
];

/** The server's default: health for the ED preset, else police. */
const defaultSource = (kind: Kind, preset: string) =>
  kind === 'incidents' && preset === 'istv-ed' ? 'health' : 'police';

/**
 * Adds a dataset, or more months to one (by its name): police.uk CSVs, or incident records with a
 * mapping preset, and who recorded the events (police or health), which decides where the data
 * are used (for example as the ED side of the Police and ED page). Files are sent last, so the
 * server reads the fields first and imports CSVs as they arrive.
 */
export function DatasetUploadForm({ user, scopeOptions }: { user: SessionUser; scopeOptions: readonly ScopeOption[] }) {
  const { sources } = useVocabulary();
  const [kind, setKind] = useState<Kind>('police-uk');
  const [preset, setPreset] = useState('local-police');
  const [chosenSource, setSource] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const source = chosenSource ?? defaultSource(kind, preset);
  const owners = scopeOptions.filter((o) => user.scopes.includes(o.value));

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const { report: r } = await postForm<UploadResponse>('/api/datasets', new FormData(element));
      setReport(
        `Dataset ${r.datasetId} (${r.datasetName}): ${r.rowsAccepted.toLocaleString('en-GB')} rows stored, ${r.rowsRejected.toLocaleString('en-GB')} rejected.`,
      );
      element.reset();
      setSource(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-section" aria-label="Datasets">
      <h2>Datasets</h2>
      <p className="hint">
        Add a dataset, or more months to one you manage by giving its name. Incident records are restricted: only the
        partnership or PCC that holds them, and those it grants them to, see their counts.
      </p>
      <form className="admin-form" onSubmit={(e) => void upload(e)} aria-label="Upload a dataset">
        <label>
          Kind{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <Options options={KINDS} />
          </select>
        </label>
        <label>
          Dataset name <input name="name" required maxLength={200} placeholder="e.g. Gwent Police extract 2024" />
        </label>
        {kind === 'incidents' && (
          <label>
            Columns as in{' '}
            <select name="mapping" value={preset} onChange={(e) => setPreset(e.target.value)}>
              <Options options={PRESETS} />
            </select>
          </label>
        )}
        <fieldset className="radio-group">
          <legend>Who recorded these events</legend>
          {sources.map((s) => (
            <label key={s.id} className="radio-row">
              <input
                type="radio"
                name="source"
                value={s.id}
                checked={source === s.id}
                onChange={() => setSource(s.id)}
              />{' '}
              {s.label}
            </label>
          ))}
        </fieldset>
        {kind === 'incidents' && owners.length > 1 && (
          <label>
            Held by{' '}
            <select name="owner" required defaultValue="">
              <option value="">choose…</option>
              <Options options={owners} />
            </select>
          </label>
        )}
        <label>
          Files <input type="file" name="files" multiple accept=".csv,.csv.gz,.zip" required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : 'Upload dataset'}
        </button>
      </form>
      <FormError message={error} />
      {report && (
        <p className="notice" role="status">
          {report}
        </p>
      )}
    </section>
  );
}
