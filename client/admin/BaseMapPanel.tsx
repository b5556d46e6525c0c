import { type FormEvent, useEffect, useState } from 'react';
import { api, okJson } from '../api';
import { FormError } from '../controls/FormError';
import { forgetBaseMapSetting } from '../map/baseMapApi';
import { useRequest } from '../reference/useRequest';

type Kind = 'offline' | 'style' | 'raster' | 'pmtiles';

const loadSetting = (_: string, signal: AbortSignal) =>
  okJson(api.api['base-map'].$get(undefined, { init: { signal } }));
const loadFiles = (_: string, signal: AbortSignal) =>
  okJson(api.api['base-map'].files.$get(undefined, { init: { signal } }));

const CHOICES: { kind: Kind; label: string; hint: string }[] = [
  {
    kind: 'offline',
    label: 'Offline base map (default)',
    hint: 'Town, village, council, LSOA, postcode-sector and setting names, and land and water, from the data the app ships. Needs no network.',
  },
  {
    kind: 'pmtiles',
    label: 'PMTiles file in the data folder',
    hint: 'A raster or vector .pmtiles file copied into the folder below; the app serves it itself.',
  },
  {
    kind: 'raster',
    label: 'XYZ raster tiles',
    hint: 'A tile URL template with {z}, {x} and {y}: an internal tile server, or the OS Maps API under the Public Sector Geospatial Agreement.',
  },
  {
    kind: 'style',
    label: 'MapLibre style URL',
    hint: 'A style.json; its tiles, glyphs and sprites must come from the same origin.',
  },
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
      setSaved('Saved. Maps opened from now on use this base map.');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const pmtiles = files.data?.files ?? [];
  return (
    <section className="admin-section" aria-label="Base map">
      <form className="admin-form" onSubmit={submit} aria-label="Choose the base map">
        <fieldset className="radio-group base-map-choices">
          <legend>Base map</legend>
          {CHOICES.map((c) => (
            <label key={c.kind}>
              <input type="radio" name="base-map-kind" checked={kind === c.kind} onChange={() => setKind(c.kind)} />
              <span>
                {c.label}
                <span className="hint"> {c.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {(kind === 'raster' || kind === 'style') && (
          <label>
            {kind === 'raster' ? 'Tile URL template' : 'Style URL'}
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
            PMTiles file
            <select required aria-label="PMTiles file" value={file} onChange={(e) => setFile(e.target.value)}>
              <option value="">{pmtiles.length ? 'Choose a file' : 'No .pmtiles files found'}</option>
              {pmtiles.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
            <span className="hint">Folder: {files.data?.folder ?? '…'}</span>
          </label>
        )}
        {kind !== 'offline' && (
          <label>
            Attribution shown on the map
            <input value={attribution} onChange={(e) => setAttribution(e.target.value)} maxLength={500} />
          </label>
        )}
        <button type="submit">Save base map</button>
        <FormError message={error ?? setting.error ?? files.error} />
        {saved && <p role="status">{saved}</p>}
      </form>
    </section>
  );
}
