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
import { currentLanguage, type MessageKey, useT } from '../i18n/language';

type TriangulationQuery = Parameters<typeof api.api.triangulation.$get>[0]['query'];

/** A download link for an export of the same selection, in the interface's language (the browser sends the session cookie; a GET needs no CSRF token). */
const exportUrl = (format: 'pack.gpkg' | 'cells.geojson' | 'cells.csv', query: Record<string, string | undefined>) =>
  `/api/triangulation/export/${format}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)), lang: currentLanguage() }).toString()}`;

const loadTriangulation = (query: TriangulationQuery, signal: AbortSignal) =>
  okJson(api.api.triangulation.$get({ query }, { init: { signal } }));

const DEFAULT_AREA = 'pfa:W15000002';

const EDFILTER_KEYS = {
  settings: { legend: 'triangulation.settings.legend', none: 'triangulation.settings.none' },
  weapons: { legend: 'triangulation.weapons.legend', none: 'triangulation.weapons.none' },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** Narrows the ED records to some of the server's values of an attribute (kept in the URL); none ticked = all. */
function EdFilter({ attribute, what }: { attribute: 'settings' | 'weapons'; what: string }) {
  const t = useT();
  const words = useVocabulary()[attribute];
  const [selection, select] = useSelection();
  const keys = EDFILTER_KEYS[attribute];
  return (
    <fieldset className="control-group">
      <legend>{t(keys.legend)}</legend>
      <CheckList
        name={what}
        items={words}
        selected={selection[attribute] ?? []}
        onChange={(next) => select({ [attribute]: next })}
        label={(word) => word}
      />
      <p className="hint">{t(keys.none)}</p>
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
  const t = useT();
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
    (info: PickingInfo) => triangulationTooltip(info as PickingInfo<TriangulationCell>, threshold, t),
    [threshold, t],
  );
  const errors = [...reference.errors, ...place.errors, ...(result.error ? [result.error] : [])];
  const areaName = names.get(area) ?? area;

  return (
    <PageShell title={t('triangulation.pageTitle')} className="triangulation-page" header={header} notice={notice}>
      <ErrorBanner messages={errors} />
      <section className="admin-section compare-controls" aria-label={t('triangulation.controls')}>
        <label className="control-group">
          <span className="control-label">{t('triangulation.area')}</span>
          <select value={area} onChange={(e) => select({ area: e.target.value })} aria-label={t('triangulation.area')}>
            <AreaOptionGroups options={place.options} />
          </select>
        </label>
        <DatasetPicker
          legend={t('triangulation.policeDatasets')}
          datasets={datasets}
          selected={policeIds}
          onChange={(ids) => select({ police: ids })}
        />
        <DatasetPicker
          legend={t('triangulation.edDatasets')}
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
        {result.loading ? t('triangulation.comparing') : !query ? t('triangulation.choose') : ''}
      </p>
      <section className="admin-section triangulation-map" aria-label={t('triangulation.mapSection')}>
        <div className="triangulation-body">
          <figure className="linked-map-frame wide">
            <figcaption>{t('triangulation.map.caption', { area: areaName })}</figcaption>
            <LinkedMap
              id="triangulation"
              label={t('triangulation.map.label')}
              print={{
                caption: t('triangulation.print.caption', {
                  area: areaName,
                  from: period?.from ?? '',
                  to: period?.to ?? '',
                  res: String(res),
                  withheld: body?.restricted ? t('triangulation.print.withheld', { k: String(body.threshold) }) : '',
                }),
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
          <aside className="bivariate-legend" aria-label={t('triangulation.legend.label')}>
            <table>
              <caption className="hint">{t('triangulation.legend.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('triangulation.legend.corner')}</span>
                  </th>
                  {LEVEL_LABELS.map((l) => (
                    <th key={l} scope="col">
                      {t(l)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[2, 1, 0].map((e) => (
                  <tr key={e}>
                    <th scope="row">{t(LEVEL_LABELS[e]!)}</th>
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
                  {t(s.labelKey)} ({body?.cells.filter((c) => c.class === s.id).length ?? 0})
                </li>
              ))}
            </ul>
            {body && (
              <p className="hint">
                {body.method.levels}.{' '}
                {body.restricted ? t('triangulation.restrictedNote', { k: String(body.threshold) }) : ''}
              </p>
            )}
          </aside>
        </div>
      </section>
      {body && query && (
        <section className="admin-section exports" aria-label={t('triangulation.exports.label')}>
          <h2>{t('triangulation.exports.heading')}</h2>
          <p className="hint">{t('triangulation.exports.audit')}</p>
          <label className="radio-row">
            <input
              type="checkbox"
              checked={publicSummary}
              onChange={(e) => select({ public: e.target.checked || undefined })}
            />{' '}
            {t('triangulation.exports.public')}
          </label>
          {publicSummary && <p className="hint">{t('triangulation.exports.publicRules')}</p>}
          <ul className="export-links">
            <li>
              <a href={exportUrl('pack.gpkg', exportQuery!)}>GeoPackage</a>{' '}
              <span className="hint">{t('triangulation.exports.gpkgHint')}</span>
            </li>
            <li>
              <a href={exportUrl('cells.geojson', exportQuery!)}>GeoJSON</a>{' '}
              <span className="hint">{t('triangulation.exports.geojsonHint')}</span>
            </li>
            <li>
              <a href={exportUrl('cells.csv', exportQuery!)}>CSV</a>{' '}
              <span className="hint">{t('triangulation.exports.csvHint')}</span>
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
            {t('triangulation.exports.sna')}
          </button>
        </section>
      )}
      {body && <TriangulationTables body={body} names={names} />}
    </PageShell>
  );
}
