import { type DragEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type Dataset, okJson, type SessionUser } from '../api';
import { FormError } from '../controls/FormError';
import { type Option, Options } from '../controls/Options';
import type { ScopeOption } from '../reference/scopeOptions';
import { useVocabulary } from '../reference/vocabulary';
import { FilePreviewTable } from './FilePreviewTable';
import { ImportReportView } from './ImportReportView';
import { ManagedDatasets } from './ManagedDatasets';
import { mappingColumns } from './mappingColumns';
import { type FilePreview, previewRows } from './previewRows';
import { loadSavedMappings, saveMapping } from './savedMappings';
import { UploadProgressBar } from './UploadProgressBar';
import { type UploadProgressBody, type UploadResponse, uploadWithProgress } from './uploadWithProgress';
import type { Ok } from '../api';

type Kind = 'police-uk' | 'incidents';
type Report = Ok<Awaited<ReturnType<UploadResponse['json']>>>['report'];

const KINDS: Option[] = [
  { value: 'police-uk', label: 'data.police.uk street-level CSVs (public)' },
  { value: 'incidents', label: 'Incident records: a local police extract or ED data (restricted)' },
];
/** The server's column mapping presets for incident records. */
const PRESETS: Option[] = [
  { value: 'local-police', label: 'Local police extract' },
  { value: 'istv-ed', label: 'ISTV / Cardiff Model emergency department data' },
];
const CUSTOM = 'custom';
const SAVED = 'saved:';

/** The server's default: health for the ED preset, else police. */
const defaultSource = (kind: Kind, preset: string) =>
  kind === 'incidents' && preset === 'istv-ed' ? 'health' : 'police';

/**
 * Adds a dataset, or more months to one (by its name): police.uk CSVs or archives, or incident
 * records with a column mapping (a preset, or one written here and saved in this browser), and
 * who recorded the events (police or health), which decides where the data are used. Files can be
 * dropped on the form; the first rows of each are shown before upload, the server's progress
 * while it imports, and its report after. Files are sent last, so the server reads the fields
 * first and imports CSVs as they arrive.
 */
export function DatasetUploadForm({
  user,
  scopeOptions,
  datasets,
  grantCount,
  onDelete,
  onImported,
}: {
  user: SessionUser;
  scopeOptions: readonly ScopeOption[];
  datasets: readonly Dataset[];
  grantCount: (d: Dataset) => number;
  onDelete: (d: Dataset) => void;
  onImported: () => void;
}) {
  const { sources } = useVocabulary();
  const [presetMappings, setPresetMappings] = useState<Record<string, unknown>>();
  useEffect(() => {
    okJson(api.api.datasets['mapping-presets'].$get()).then(
      (body) => setPresetMappings(body.presets),
      () => setPresetMappings({}),
    );
  }, []);
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('police-uk');
  const [name, setName] = useState('');
  const [preset, setPreset] = useState('local-police');
  const [saved, setSaved] = useState(loadSavedMappings);
  const [customJson, setCustomJson] = useState('');
  const [saveAs, setSaveAs] = useState('');
  const [chosenSource, setSource] = useState<string | null>(null);
  const [previews, setPreviews] = useState<(FilePreview | null)[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<UploadProgressBody | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const source = chosenSource ?? defaultSource(kind, preset);
  const existing = datasets.find((d) => d.name === name.trim());
  const owners = scopeOptions.filter((o) => user.scopes.includes(o.value));
  const editing = preset === CUSTOM || preset.startsWith(SAVED);
  const mappingJson = editing ? customJson : JSON.stringify(presetMappings?.[preset] ?? {}, null, 2);
  const expected = kind === 'incidents' ? mappingColumns(safeParse(mappingJson)) : [];

  const choosePreset = (value: string) => {
    setPreset(value);
    if (value.startsWith(SAVED)) setCustomJson(saved[value.slice(SAVED.length)] ?? '');
    else if (value === CUSTOM && !customJson)
      setCustomJson(JSON.stringify(presetMappings?.['local-police'] ?? {}, null, 2));
  };

  const showPreviews = async (files: FileList | null) => {
    setPreviews(files ? await Promise.all([...files].slice(0, 3).map((f) => previewRows(f).catch(() => null))) : []);
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!fileInput.current || event.dataTransfer.files.length === 0) return;
    fileInput.current.files = event.dataTransfer.files;
    void showPreviews(event.dataTransfer.files);
  };

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    // Fields first, files last: the server starts importing a CSV as soon as it arrives.
    const body = new FormData();
    for (const [name, value] of new FormData(element))
      if (typeof value === 'string' && name !== 'mapping') body.append(name, value);
    if (kind === 'incidents') body.append('mapping', editing ? customJson : preset);
    for (const file of fileInput.current?.files ?? []) body.append('files', file);
    setBusy(true);
    setError(null);
    setReport(null);
    setProgress(null);
    try {
      const { report: r } = await uploadWithProgress(body, setProgress);
      setReport(r);
      onImported();
      element.reset();
      setName('');
      setSource(null);
      setPreviews([]);
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
      <ManagedDatasets
        datasets={datasets}
        grantCount={grantCount}
        onDelete={onDelete}
        onReimport={(d) => {
          setName(d.name);
          setKind(d.kind === 'police-uk' ? 'police-uk' : 'incidents');
          fileInput.current?.focus();
        }}
      />
      <form className="admin-form" onSubmit={(e) => void upload(e)} aria-label="Upload a dataset">
        <label>
          Kind{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <Options options={KINDS} />
          </select>
        </label>
        <label>
          Dataset name{' '}
          <input
            name="name"
            required
            maxLength={200}
            placeholder="e.g. Gwent Police extract 2024"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {existing && (
          <p className="notice" role="note" aria-label="What this upload will change">
            “{existing.name}” already holds {existing.rowsAccepted.toLocaleString('en-GB')} rows
            {existing.monthFrom ? ` from ${existing.monthFrom} to ${existing.monthTo}` : ''}. Months in these files that
            it holds will be replaced by the new rows; other months are added. Nothing else in it changes.
          </p>
        )}
        {kind === 'incidents' && (
          <label>
            Columns as in{' '}
            <select value={preset} onChange={(e) => choosePreset(e.target.value)}>
              <Options options={PRESETS} />
              {Object.keys(saved).map((name) => (
                <option key={name} value={SAVED + name}>
                  Saved: {name}
                </option>
              ))}
              <option value={CUSTOM}>A mapping of my own…</option>
            </select>
          </label>
        )}
        {kind === 'incidents' && editing && (
          <fieldset className="mapping-editor">
            <legend>Column mapping (JSON: which column holds the date, time, location, offence, flags)</legend>
            <textarea
              aria-label="Column mapping"
              rows={10}
              value={customJson}
              onChange={(e) => setCustomJson(e.target.value)}
            />
            <label>
              Save this mapping as <input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} />
            </label>{' '}
            <button
              type="button"
              disabled={!saveAs.trim() || !safeParse(customJson)}
              onClick={() => {
                setSaved(saveMapping(saveAs.trim(), customJson));
                setPreset(SAVED + saveAs.trim());
              }}
            >
              Save mapping
            </button>
          </fieldset>
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
        {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the file input inside is the accessible way */}
        <div
          className={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={drop}
        >
          <label>
            Files (drop CSV, .csv.gz or .zip files here, or choose){' '}
            <input
              ref={fileInput}
              type="file"
              name="files"
              multiple
              accept=".csv,.csv.gz,.gz,.zip"
              required
              onChange={(e) => void showPreviews(e.currentTarget.files)}
            />
          </label>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Importing…' : existing ? 'Add or replace months' : 'Upload dataset'}
        </button>
      </form>
      {previews.map((p, i) =>
        p ? (
          <FilePreviewTable key={p.file} preview={p} expected={expected} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: previews follow the chosen files' order
          <p key={i} className="hint">
            An archive: its files are listed in the report after import.
          </p>
        ),
      )}
      {(busy || progress) && <UploadProgressBar progress={progress} />}
      <FormError message={error} />
      {report && <ImportReportView report={report} />}
    </section>
  );
}

/** The mapping JSON as an object, or null while it does not parse. */
function safeParse(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}
