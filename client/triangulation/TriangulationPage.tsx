import type { PickingInfo } from '@deck.gl/core';
import { bbox } from '@turf/turf';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { api, okJson, type TriangulationCell } from '../api';
import { areaOptions, areaOutlines, LEVEL_LABELS as AREA_LEVELS } from '../compare/areaOptions';
import { LinkedMap } from '../compare/LinkedMap';
import { createMapSync } from '../compare/mapSync';
import { AreaResolutionPicker } from '../cells/AreaResolutionPicker';
import { DatasetPicker } from '../datasets/DatasetPicker';
import { useBoundaries } from '../geography/useBoundaries';
import type { MapFocus } from '../map/HotspotMap';
import { cssColour } from '../map/colourScale';
import { usePartnerships } from '../partnerships/usePartnerships';
import { commonMonths, coverage, type Period } from '../period/months';
import { PeriodPicker } from '../period/PeriodPicker';
import { useFetched } from '../reference/useFetched';
import { useReferenceData } from '../reference/useReferenceData';
import { ErrorBanner } from '../status/ErrorBanner';
import {
  BIVARIATE,
  CLASS_STYLES,
  createBivariateLayer,
  createClassOutlines,
  LEVEL_LABELS,
  triangulationTooltip,
} from './bivariate';
import { TriangulationTables } from './TriangulationTables';
import { snaLink } from '../sna/SnaPage';

/** A download link for an export of the same selection (the browser sends the session cookie; a GET needs no CSRF token). */
const exportUrl = (
  format: 'pack.gpkg' | 'cells.geojson' | 'cells.csv',
  query: Record<string, string | undefined> | null,
) =>
  `/api/triangulation/export/${format}?${new URLSearchParams(Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined)).toString()}`;

const SETTINGS = ['street', 'licensed premises', 'home', 'school', 'other'] as const;
const isEd = (d: { name: string }) => /\b(ED|ISTV|emergency)\b/i.test(d.name);

/** Police-recorded against hospital (ED) violence for one area: bivariate map, classes, breakdowns. */
export function TriangulationPage({
  header,
  notice,
  onOpenReport,
}: {
  header: ReactNode;
  notice?: ReactNode;
  onOpenReport: (link: string) => void;
}) {
  const reference = useReferenceData();
  const { partnerships } = usePartnerships();
  const lads = useBoundaries('lad', true);
  const [area, setArea] = useState('pfa:W15000002');
  const [chosenPolice, setPolice] = useState<number[] | null>(null);
  const [chosenEd, setEd] = useState<number[] | null>(null);
  const [chosenPeriod, setPeriod] = useState<Period | null>(null);
  const [res, setRes] = useState<7 | 8 | 9>(8);
  const [settings, setSettings] = useState<string[]>([]);
  const [knifeOnly, setKnifeOnly] = useState(false);
  const sync = useMemo(createMapSync, []);

  const datasets = reference.datasets ?? [];
  const policeIds = chosenPolice ?? datasets.filter((d) => !isEd(d) && d.kind === 'police-uk').map((d) => d.id);
  const edIds = chosenEd ?? datasets.filter(isEd).map((d) => d.id);
  const selected = datasets.filter((d) => policeIds.includes(d.id) || edIds.includes(d.id));
  const period = chosenPeriod ?? commonMonths(selected);
  const options = useMemo(
    () => areaOptions(reference.boundaries as never, lads.data, partnerships),
    [reference.boundaries, lads.data, partnerships],
  );
  const names = useMemo(() => new Map(options.map((o) => [o.key, o.name])), [options]);
  const outline = useMemo(
    () => areaOutlines([area], reference.boundaries as never, lads.data, partnerships),
    [area, reference.boundaries, lads.data, partnerships],
  );
  const focus = useMemo(
    (): MapFocus | null => (outline.features.length ? { key: area, bbox: bbox(outline) as MapFocus['bbox'] } : null),
    [outline, area],
  );

  const query =
    policeIds.length && edIds.length && period
      ? {
          police: policeIds.join(','),
          ed: edIds.join(','),
          from: period.from,
          to: period.to,
          res: String(res) as '7' | '8' | '9',
          area,
          ...(settings.length ? { settings: settings.join(',') } : {}),
          ...(knifeOnly ? { weapons: 'knife/sharp' } : {}),
        }
      : null;
  const [publicSummary, setPublicSummary] = useState(false);
  const exportQuery = query && publicSummary ? { ...query, res: '7' as const, public: 'true' } : query;
  const result = useFetched(
    query ? JSON.stringify(query) : null,
    (signal) => okJson(api.api.triangulation.$get({ query: query! }, { init: { signal } })),
    'the triangulation',
  );
  const body = result.data;
  const layer = useMemo(() => (body ? createBivariateLayer(body) : null), [body]);
  const overlays = useMemo(() => (body ? [createClassOutlines(body)] : []), [body]);
  const threshold = body?.threshold ?? null;
  const tooltip = useCallback(
    (info: PickingInfo) => triangulationTooltip(info as PickingInfo<TriangulationCell>, threshold),
    [threshold],
  );
  const errors = [...reference.errors, ...[result.error, lads.error].filter((e): e is string => e !== null)];

  return (
    <div className="admin-page triangulation-page">
      <header className="admin-header">
        <h1>hotspot · police and hospital data</h1>
        {header}
      </header>
      {notice}
      <ErrorBanner messages={errors} />
      <section className="admin-section compare-controls" aria-label="Triangulation">
        <label className="control-group">
          <span className="control-label">Area</span>
          <select value={area} onChange={(e) => setArea(e.target.value)} aria-label="Area">
            {(['pfa', 'lad', 'partnership'] as const).map((level) => (
              <optgroup key={level} label={AREA_LEVELS[level]}>
                {options
                  .filter((o) => o.level === level)
                  .map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <div aria-label="Police-recorded data" role="group">
          <h3 className="control-label">Police-recorded</h3>
          <DatasetPicker datasets={datasets} selected={policeIds} onChange={setPolice} />
        </div>
        <div aria-label="Hospital (ED) data" role="group">
          <h3 className="control-label">Hospital (ED)</h3>
          <DatasetPicker datasets={datasets} selected={edIds} onChange={setEd} />
        </div>
        <PeriodPicker value={period} bounds={coverage(selected)} onChange={setPeriod} />
        <fieldset className="control-group">
          <legend>ED assaults</legend>
          {SETTINGS.map((s) => (
            <label key={s} className="radio-row">
              <input
                type="checkbox"
                checked={settings.includes(s)}
                onChange={(e) => setSettings(e.target.checked ? [...settings, s] : settings.filter((x) => x !== s))}
              />{' '}
              {s}
            </label>
          ))}
          <label className="radio-row">
            <input type="checkbox" checked={knifeOnly} onChange={(e) => setKnifeOnly(e.target.checked)} /> knife or
            sharp object only
          </label>
          <p className="hint">No setting ticked: every setting.</p>
        </fieldset>
        <AreaResolutionPicker value={res} onChange={setRes} />
      </section>
      <p className="status-line" aria-live="polite">
        {result.loading
          ? 'Comparing police and ED records…'
          : !query
            ? 'Choose police-recorded and ED datasets with months in common.'
            : ''}
      </p>
      <section className="admin-section triangulation-map" aria-label="Bivariate map">
        <div className="triangulation-body">
          <figure className="linked-map-frame wide">
            <figcaption>
              {names.get(area) ?? area}: police-recorded (blue) against ED-recorded (pink) violence; significant
              differences outlined
            </figcaption>
            <LinkedMap
              id="triangulation"
              label="Police and ED records"
              print={{
                caption: `Police-recorded (blue) against ED-recorded (pink) violence, ${names.get(area) ?? area}, ${period?.from ?? ''} to ${period?.to ?? ''}. H3 resolution ${res}.${body?.restricted ? ` Counts below ${body.threshold} withheld.` : ''} Contains OS data © Crown copyright; ONS and police.uk data under OGL v3.`,
                fileName: `triangulation-${area.replace(':', '-')}.png`,
              }}
              layer={layer}
              overlays={overlays}
              tooltip={tooltip}
              forceAreas={reference.boundaries}
              lads={lads.data}
              emphasis={outline}
              focus={focus}
              sync={sync}
              loading={result.loading}
              failed={result.error !== null}
            />
          </figure>
          <aside className="bivariate-legend" aria-label="Map legend">
            <table>
              <caption className="hint">ED level (rows) by police level (columns)</caption>
              <thead>
                <tr>
                  <th />
                  {LEVEL_LABELS.map((l) => (
                    <th key={l} scope="col">
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[2, 1, 0].map((e) => (
                  <tr key={e}>
                    <th scope="row">{LEVEL_LABELS[e]}</th>
                    {[0, 1, 2].map((p) => (
                      <td key={p} data-level={`${p}-${e}`} style={{ background: cssColour(BIVARIATE[e]![p]!) }} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <ul className="legend-scale">
              {CLASS_STYLES.map((s) => (
                <li key={s.id}>
                  <span className="swatch outline" style={{ borderColor: cssColour(s.line) }} />
                  {s.label} ({body?.cells.filter((c) => c.class === s.id).length ?? 0})
                </li>
              ))}
            </ul>
            {body && (
              <p className="hint">
                {body.method.levels}.{' '}
                {body.restricted
                  ? `Restricted data: counts below ${body.threshold} withheld, others perturbed slightly; every test and class computed from the released counts.`
                  : ''}
              </p>
            )}
          </aside>
        </div>
      </section>
      {body && query && (
        <section className="admin-section exports" aria-label="Exports">
          <h2>Export for the Strategic Needs Assessment</h2>
          <p className="hint">
            Each export is recorded in the audit log. Restricted counts stay suppressed in every format.
          </p>
          <label className="radio-row">
            <input type="checkbox" checked={publicSummary} onChange={(e) => setPublicSummary(e.target.checked)} />{' '}
            Public summary for publication
          </label>
          {publicSummary && (
            <p className="hint">
              Resolution 7 cells, restricted counts below 10 withheld, refuges and children&apos;s homes left out; the
              server refuses the export if any rule would be broken.
            </p>
          )}
          <ul className="export-links">
            <li>
              <a href={exportUrl('pack.gpkg', exportQuery)}>GeoPackage</a>{' '}
              <span className="hint">(cells, local authorities and settings; opens in QGIS and ArcGIS)</span>
            </li>
            <li>
              <a href={exportUrl('cells.geojson', exportQuery)}>GeoJSON</a>{' '}
              <span className="hint">(cells with every statistic)</span>
            </li>
            <li>
              <a href={exportUrl('cells.csv', exportQuery)}>CSV</a>{' '}
              <span className="hint">(ONS codes; opens in Excel)</span>
            </li>
          </ul>
          <button
            type="button"
            onClick={() =>
              onOpenReport(
                snaLink({
                  area,
                  police: policeIds,
                  ed: edIds,
                  from: period!.from,
                  to: period!.to,
                  groups: ['violence-sexual'],
                }),
              )
            }
          >
            Printable SNA place chapter
          </button>
        </section>
      )}
      {body && <TriangulationTables body={body} names={names} />}
    </div>
  );
}
