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
import { type MessageKey, useT } from '../i18n/language';

type Kind = 'police-uk' | 'incidents';
type Report = Ok<Awaited<ReturnType<UploadResponse['json']>>>['report'];

const KINDS: Record<Kind, MessageKey> = { 'police-uk': 'datasets.kind.policeUk', incidents: 'datasets.kind.incidents' };
/** The server's column mapping presets for incident records. */
const PRESETS: Record<string, MessageKey> = {
  'local-police': 'datasets.preset.localPolice',
  'istv-ed': 'datasets.preset.istvEd',
};
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
  const t = useT();
  const { sources } = useVocabulary();
  const kindOptions: Option[] = Object.entries(KINDS).map(([value, key]) => ({ value, label: t(key) }));
  const presetOptions: Option[] = Object.entries(PRESETS).map(([value, key]) => ({
    value,
    label: t(key),
  }));
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
    <section className="admin-section" aria-label={t('datasets.heading')}>
      <h2>{t('datasets.heading')}</h2>
      <p className="hint">{t('datasets.intro')}</p>
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
      <form className="admin-form" onSubmit={(e) => void upload(e)} aria-label={t('datasets.form')}>
        <label>
          {t('datasets.kind')}{' '}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <Options options={kindOptions} />
          </select>
        </label>
        <label>
          {t('datasets.name')}{' '}
          <input
            name="name"
            required
            maxLength={200}
            placeholder={t('datasets.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        {existing && (
          <p className="notice" role="note" aria-label={t('datasets.willChange')}>
            {t('datasets.existing', {
              name: existing.name,
              rows: existing.rowsAccepted,
              span: existing.monthFrom
                ? t('datasets.existingSpan', { from: existing.monthFrom, to: existing.monthTo ?? '' })
                : '',
            })}
          </p>
        )}
        {kind === 'incidents' && (
          <label>
            {t('datasets.columnsAs')}{' '}
            <select value={preset} onChange={(e) => choosePreset(e.target.value)}>
              <Options options={presetOptions} />
              {Object.keys(saved).map((name) => (
                <option key={name} value={SAVED + name}>
                  {t('datasets.savedMapping', { name })}
                </option>
              ))}
              <option value={CUSTOM}>{t('datasets.ownMapping')}</option>
            </select>
          </label>
        )}
        {kind === 'incidents' && editing && (
          <fieldset className="mapping-editor">
            <legend>{t('datasets.mappingLegend')}</legend>
            <textarea
              aria-label={t('datasets.mapping')}
              rows={10}
              value={customJson}
              onChange={(e) => setCustomJson(e.target.value)}
            />
            <label>
              {t('datasets.saveAs')} <input value={saveAs} onChange={(e) => setSaveAs(e.target.value)} />
            </label>{' '}
            <button
              type="button"
              disabled={!saveAs.trim() || !safeParse(customJson)}
              onClick={() => {
                setSaved(saveMapping(saveAs.trim(), customJson));
                setPreset(SAVED + saveAs.trim());
              }}
            >
              {t('datasets.saveMapping')}
            </button>
          </fieldset>
        )}
        <fieldset className="radio-group">
          <legend>{t('datasets.source')}</legend>
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
            {t('datasets.heldBy')}{' '}
            <select name="owner" required defaultValue="">
              <option value="">{t('datasets.choose')}</option>
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
            {t('datasets.files')}{' '}
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
          {busy ? t('datasets.importing') : existing ? t('datasets.addMonths') : t('datasets.upload')}
        </button>
      </form>
      {previews.map((p, i) =>
        p ? (
          <FilePreviewTable key={p.file} preview={p} expected={expected} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: previews follow the chosen files' order
          <p key={i} className="hint">
            {t('datasets.archive')}
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
