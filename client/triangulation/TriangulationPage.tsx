import type { PickingInfo } from '@deck.gl/core';
import { FilterSection } from '../filters/FilterSection';
import { type ReactNode, useCallback, useMemo } from 'react';
import { api, okJson, type TriangulationCell } from '../api';
import { AreaResolutionPicker } from '../cells/AreaResolutionPicker';
import { CheckList } from '../controls/CheckList';
import { PageShell } from '../controls/PageShell';
import { DatasetPicker } from '../datasets/DatasetPicker';
import { AreaOptionGroups } from '../geography/AreaOptionGroups';
import { useAreaOptions } from '../partnerships/useAreaOptions';
import { cssColour } from '../map/colourScale';
import { LinkedMap } from '../map/LinkedMap';
import { commonMonths, coverage } from '../period/months';
import { PeriodPicker } from '../period/PeriodPicker';
import { useReferenceData } from '../reference/useReferenceData';
import { useRequest } from '../reference/useRequest';
import { useVocabulary } from '../reference/vocabulary';
import { pageUrl, useSelection } from '../selection/location';
import { chosenPeriod } from '../selection/selection';
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
import { currentLanguage } from '../i18n/language';

type TriangulationQuery = Parameters<typeof api.api.triangulation.$get>[0]['query'];

/** A download link for an export of the same selection, in the interface's language (the browser sends the session cookie; a GET needs no CSRF token). */
const exportUrl = (format: 'pack.gpkg' | 'cells.geojson' | 'cells.csv', query: Record<string, string | undefined>) =>
  `/api/triangulation/export/${format}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)), lang: currentLanguage() }).toString()}`;

const loadTriangulation = (query: TriangulationQuery, signal: AbortSignal) =>
  okJson(api.api.triangulation.$get({ query }, { init: { signal } }));

const DEFAULT_AREA = 'pfa:W15000002';
const CREDIT =
  'Contains OS data © Crown copyright; ONS and police.uk data under OGL v3; place names © GeoNames, CC BY 4.0.';

/** Narrows the ED records to some of the server's values of an attribute (kept in the URL); none ticked = all. */
function EdFilter({ attribute, what }: { attribute: 'settings' | 'weapons'; what: string }) {
  const words = useVocabulary()[attribute];
  const [selection, select] = useSelection();
  return (
    <fieldset className="control-group">
      <legend>ED assaults: {what}</legend>
      <CheckList
        name={what}
        items={words}
        selected={selection[attribute] ?? []}
        onChange={(next) => select({ [attribute]: next })}
        label={(word) => word}
      />
      <p className="hint">None ticked: every {what}.</p>
    </fieldset>
  );
}

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
  const [selection, select] = useSelection();
  const area = selection.area && selection.area !== 'all' ? selection.area : DEFAULT_AREA;
  const res = Math.min(selection.res ?? 8, 9) as 7 | 8 | 9;
  const settings = selection.settings ?? [];
  const weapons = selection.weapons ?? [];
  const publicSummary = selection.public ?? false;

  const datasets = reference.datasets ?? [];
  // Police-recorded data from police.uk, and every health (ED) dataset, until the user chooses.
  const policeIds =
    selection.police ?? datasets.filter((d) => d.source === 'police' && d.kind === 'police-uk').map((d) => d.id);
  const edIds = selection.ed ?? datasets.filter((d) => d.source === 'health').map((d) => d.id);
  const selected = datasets.filter((d) => policeIds.includes(d.id) || edIds.includes(d.id));
  const period = chosenPeriod(selection) ?? commonMonths(selected);
  const place = useAreaOptions([area]);
  const { names } = place;

  const query: TriangulationQuery | null =
    policeIds.length && edIds.length && period
      ? {
          police: policeIds.join(','),
          ed: edIds.join(','),
          from: period.from,
          to: period.to,
          res: String(res) as '7' | '8' | '9',
          area,
          ...(settings.length ? { settings: settings.join(',') } : {}),
          ...(weapons.length ? { weapons: weapons.join(',') } : {}),
          ...(selection.weekdays?.length ? { weekdays: selection.weekdays.join(',') } : {}),
          ...(selection.hours ? { hours: selection.hours } : {}),
        }
      : null;
  const exportQuery = query && publicSummary ? { ...query, res: '7' as const, public: 'true' } : query;
  const result = useRequest(query, loadTriangulation, 'the triangulation');
  const body = result.data;
  const layer = useMemo(() => (body ? createBivariateLayer(body) : null), [body]);
  const overlays = useMemo(() => (body ? [createClassOutlines(body)] : []), [body]);
  const threshold = body?.threshold ?? null;
  const tooltip = useCallback(
    (info: PickingInfo) => triangulationTooltip(info as PickingInfo<TriangulationCell>, threshold),
    [threshold],
  );
  const errors = [...reference.errors, ...place.errors, ...(result.error ? [result.error] : [])];
  const areaName = names.get(area) ?? area;

  return (
    <PageShell title="police and hospital data" className="triangulation-page" header={header} notice={notice}>
      <ErrorBanner messages={errors} />
      <section className="admin-section compare-controls" aria-label="Triangulation">
        <label className="control-group">
          <span className="control-label">Area</span>
          <select value={area} onChange={(e) => select({ area: e.target.value })} aria-label="Area">
            <AreaOptionGroups options={place.options} />
          </select>
        </label>
        <DatasetPicker
          legend="Police-recorded datasets"
          datasets={datasets}
          selected={policeIds}
          onChange={(ids) => select({ police: ids })}
        />
        <DatasetPicker
          legend="Hospital (ED) datasets"
          datasets={datasets}
          selected={edIds}
          onChange={(ids) => select({ ed: ids })}
        />
        <PeriodPicker value={period} bounds={coverage(selected)} onChange={(next) => select(next)} />
        <EdFilter attribute="settings" what="setting" />
        <EdFilter attribute="weapons" what="weapon" />
        <AreaResolutionPicker value={res} onChange={(next) => select({ res: next })} />
        <FilterSection selection={selection} selected={selected} select={select} flagsNotTaken />
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
              {areaName}: police-recorded (orange) against ED-recorded (blue) violence; significant differences outlined
            </figcaption>
            <LinkedMap
              id="triangulation"
              label="Police and ED records"
              print={{
                caption: `Police-recorded (orange) against ED-recorded (blue) violence, ${areaName}, ${period?.from ?? ''} to ${period?.to ?? ''}. H3 resolution ${res}.${body?.restricted ? ` Counts below ${body.threshold} withheld.` : ''} ${CREDIT}`,
                fileName: `triangulation-${area.replace(':', '-')}.png`,
              }}
              layer={layer}
              overlays={overlays}
              tooltip={tooltip}
              forceAreas={place.forces}
              lads={place.lads}
              emphasis={place.outlines}
              focus={place.focus}
              loading={result.loading}
              failed={result.error !== null}
            />
          </figure>
          <aside className="bivariate-legend" aria-label="Map legend">
            <table>
              <caption className="hint">ED level (rows) by police level (columns)</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">ED level by police level</span>
                  </th>
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
            <input
              type="checkbox"
              checked={publicSummary}
              onChange={(e) => select({ public: e.target.checked || undefined })}
            />{' '}
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
              <a href={exportUrl('pack.gpkg', exportQuery!)}>GeoPackage</a>{' '}
              <span className="hint">(cells, local authorities and settings; opens in QGIS and ArcGIS)</span>
            </li>
            <li>
              <a href={exportUrl('cells.geojson', exportQuery!)}>GeoJSON</a>{' '}
              <span className="hint">(cells with every statistic)</span>
            </li>
            <li>
              <a href={exportUrl('cells.csv', exportQuery!)}>CSV</a>{' '}
              <span className="hint">(ONS codes; opens in Excel)</span>
            </li>
          </ul>
          <button
            type="button"
            onClick={() =>
              onOpenReport(
                pageUrl('sna', {
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
    </PageShell>
  );
}
