import { type FormEvent, useEffect, useState } from 'react';
import { api, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { forgetBaseMapSetting } from '../map/baseMapApi';
import { useRequest } from '../reference/useRequest';
import { type MessageKey, useT } from '../i18n/language';

type Kind = 'offline' | 'style' | 'raster' | 'pmtiles';

const loadSetting = (_: string, signal: AbortSignal) =>
  okJson(api.api['base-map'].$get(undefined, { init: { signal } }));
const loadFiles = (_: string, signal: AbortSignal) =>
  okJson(api.api['base-map'].files.$get(undefined, { init: { signal } }));

const CHOICES: { kind: Kind; label: MessageKey; hint: MessageKey }[] = [
  { kind: 'offline', label: 'admin.baseMap.offline.label', hint: 'admin.baseMap.offline.hint' },
  { kind: 'pmtiles', label: 'admin.baseMap.pmtiles.label', hint: 'admin.baseMap.pmtiles.hint' },
  { kind: 'raster', label: 'admin.baseMap.raster.label', hint: 'admin.baseMap.raster.hint' },
  { kind: 'style', label: 'admin.baseMap.style.label', hint: 'admin.baseMap.style.hint' },
];

/** The base map every user's maps draw under the data; the content-security policy follows it. */
export function BaseMapPanel() {
  const setting = useRequest('base-map', loadSetting, 'the base map setting');
  const files = useRequest('base-map-files', loadFiles, 'the PMTiles files');
  const [kind, setKind] = useState<Kind>('offline');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState('');
  const [attribution, setAttribution] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const t = useT();

  const current = setting.data?.baseMap;
  useEffect(() => {
    if (!current) return;
    setKind(current.kind);
    if (current.kind === 'style' || current.kind === 'raster') setUrl(current.url);
    if (current.kind === 'pmtiles') setFile(current.file);
    if (current.kind !== 'offline') setAttribution(current.attribution);
  }, [current]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const json =
      kind === 'offline' ? { kind } : kind === 'pmtiles' ? { kind, file, attribution } : { kind, url, attribution };
    try {
      await okJson(api.api['base-map'].$put({ json }));
      forgetBaseMapSetting();
      setting.reload();
      setSaved(t('admin.baseMap.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const pmtiles = files.data?.files ?? [];
  return (
    <section className="admin-section" aria-label={t('admin.tab.baseMap')}>
      <form className="admin-form" onSubmit={submit} aria-label={t('admin.baseMap.form')}>
        <fieldset className="radio-group base-map-choices">
          <legend>{t('admin.tab.baseMap')}</legend>
          {CHOICES.map((c) => (
            <label key={c.kind}>
              <input type="radio" name="base-map-kind" checked={kind === c.kind} onChange={() => setKind(c.kind)} />
              <span>
                {t(c.label)}
                <span className="hint"> {t(c.hint)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {(kind === 'raster' || kind === 'style') && (
          <label>
            {kind === 'raster' ? t('admin.baseMap.tileTemplate') : t('admin.baseMap.styleUrl')}
            <input
              type="url"
              required
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder={kind === 'raster' ? 'https://tiles.example.gov.uk/{z}/{x}/{y}.png' : 'https://…/style.json'}
            />
          </label>
        )}
        {kind === 'pmtiles' && (
          <label>
            {t('admin.baseMap.pmtilesFile')}
            <select
              required
              aria-label={t('admin.baseMap.pmtilesFile')}
              value={file}
              onChange={(e) => setFile(e.target.value)}
            >
              <option value="">{pmtiles.length ? t('admin.baseMap.chooseFile') : t('admin.baseMap.noFiles')}</option>
              {pmtiles.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
            <span className="hint">{t('admin.baseMap.folder', { folder: files.data?.folder ?? '…' })}</span>
          </label>
        )}
        {kind !== 'offline' && (
          <label>
            {t('admin.baseMap.attribution')}
            <input value={attribution} onChange={(e) => setAttribution(e.target.value)} maxLength={500} />
          </label>
        )}
        <button type="submit">{t('admin.baseMap.save')}</button>
        <FormError message={error ?? setting.error ?? files.error} />
        {saved && <p role="status">{saved}</p>}
      </form>
    </section>
  );
}
