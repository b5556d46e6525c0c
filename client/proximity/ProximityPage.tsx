import type { PickingInfo } from '@deck.gl/core';
import { type ReactNode, useMemo, useState } from 'react';
import { api, okJson } from '../api';
import { PageShell } from '../controls/PageShell';
import { DatasetPicker } from '../datasets/DatasetPicker';
import { AreaOptionGroups } from '../geography/AreaOptionGroups';
import { useAreaOptions } from '../partnerships/useAreaOptions';
import { LinkedMap } from '../map/LinkedMap';
import { commonMonths, coverage } from '../period/months';
import { PeriodPicker } from '../period/PeriodPicker';
import { usePlaceTypes } from '../places/usePlaces';
import { useReferenceData } from '../reference/useReferenceData';
import { useRequest } from '../reference/useRequest';
import { useSelection } from '../selection/location';
import { chosenPeriod } from '../selection/selection';
import { ErrorBanner } from '../status/ErrorBanner';
import { createProximityLayer, proximityTooltip } from './proximityLayer';
import type { ProximityQuery, RankedPlace } from './proximityTypes';
import { ProximityTable } from './ProximityTable';
import { exportProximityCsv } from './recordProximityExport';
import { TimeWindowPicker } from './TimeWindowPicker';
import { useT } from '../i18n/language';
import { PRESET_TYPE, type TimeWindow, type WindowChoice, windowQuery, windowUnavailable } from './timeWindows';

const DEFAULT_AREA = 'pfa:W15000002';
const RADII = [100, 200, 300, 500, 1000];

const loadProximity = (query: ProximityQuery, signal: AbortSignal) =>
  okJson(api.api.proximity.$get({ query }, { init: { signal } }));

/** Settings of one type ranked by the incidents near them, in a time window: map, table and CSV. */
export function ProximityPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const t = useT();
  const reference = useReferenceData();
  const [selection, select] = useSelection();
  const placeTypes = usePlaceTypes();
  const [type, setType] = useState('school');
  const [choice, setChoice] = useState<WindowChoice>('any');
  const [custom, setCustom] = useState<TimeWindow>({ weekdays: [1, 2, 3, 4, 5], hours: '15-17' });
  const [radius, setRadius] = useState(200);
  const [exportError, setExportError] = useState<string | null>(null);

  const area = selection.area && selection.area !== 'all' ? selection.area : DEFAULT_AREA;
  const datasets = reference.datasets ?? [];
  // police.uk data until the user chooses: every analyst has it, and it is not restricted.
  const ids = selection.datasets ?? datasets.filter((d) => d.kind === 'police-uk').map((d) => d.id);
  const chosen = datasets.filter((d) => ids.includes(d.id));
  const period = chosenPeriod(selection) ?? commonMonths(chosen);
  const unavailable = chosen.length ? windowUnavailable(chosen) : null;
  const effectiveChoice = unavailable ? 'any' : choice;
  const place = useAreaOptions([area]);

  const query: ProximityQuery | null =
    ids.length && period
      ? {
          datasets: ids.join(','),
          from: period.from,
          to: period.to,
          area,
          type,
          radius: String(radius),
          top: '50',
          ...windowQuery(effectiveChoice, custom),
        }
      : null;
  const result = useRequest(query, loadProximity, 'the proximity ranking');
  const body = result.data;
  const layer = useMemo(() => (body ? createProximityLayer(body.places) : null), [body]);
  const tooltip = (info: PickingInfo) => proximityTooltip(info as PickingInfo<RankedPlace & { rank: number }>);
  const areaName = place.names.get(area) ?? area;
  const chooseWindow = (next: WindowChoice) => {
    setChoice(next);
    if (next === 'school-run' || next === 'night-time-economy') setType(PRESET_TYPE[next]);
  };

  return (
    <PageShell title={t('proximity.title')} className="proximity-page" header={header} notice={notice}>
      <ErrorBanner messages={[...reference.errors, ...place.errors, ...(placeTypes.error ? [placeTypes.error] : [])]} />
      <section className="admin-section compare-controls" aria-label={t('proximity.controls')}>
        <label className="control-group">
          <span className="control-label">{t('proximity.area')}</span>
          <select value={area} onChange={(e) => select({ area: e.target.value })} aria-label={t('proximity.area')}>
            <AreaOptionGroups options={place.options} />
          </select>
        </label>
        <label className="control-group">
          <span className="control-label">{t('proximity.settingType')}</span>
          <select value={type} onChange={(e) => setType(e.target.value)} aria-label={t('proximity.settingType')}>
            {(placeTypes.types ?? []).map((pt) => (
              <option key={pt.type} value={pt.type}>
                {pt.label}
              </option>
            ))}
          </select>
        </label>
        <label className="control-group">
          <span className="control-label">{t('proximity.radius')}</span>
          <select value={radius} onChange={(e) => setRadius(Number(e.target.value))} aria-label={t('proximity.radius')}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {t('proximity.metres', { n: String(r) })}
              </option>
            ))}
          </select>
        </label>
        <DatasetPicker datasets={datasets} selected={ids} onChange={(next) => select({ datasets: next })} />
        <PeriodPicker value={period} bounds={coverage(chosen)} onChange={(next) => select(next)} />
        <TimeWindowPicker
          choice={choice}
          custom={custom}
          unavailable={unavailable}
          onChoice={chooseWindow}
          onCustom={setCustom}
        />
      </section>
      <p className="status-line" aria-live="polite">
        {result.loading ? t('proximity.ranking') : !query ? t('proximity.chooseDatasets') : ''}
      </p>
      {result.error && (
        <p className="proximity-refusal error-text" role="alert">
          {t('proximity.rankFailed', { error: result.error })}
        </p>
      )}
      <section className="admin-section triangulation-map" aria-label={t('proximity.mapSection')}>
        <figure className="linked-map-frame wide">
          <figcaption>
            {t('proximity.mapCaption', { area: areaName })}
            {body
              ? t('proximity.mapCaptionCounts', {
                  inArea: String(body.placesInArea),
                  shown: String(body.places.length),
                })
              : ''}
          </figcaption>
          <LinkedMap
            id="proximity"
            label={t('proximity.mapLabel')}
            layer={layer}
            tooltip={tooltip}
            forceAreas={place.forces}
            lads={place.lads}
            emphasis={place.outlines}
            focus={place.focus}
            loading={result.loading}
            failed={result.error !== null}
          />
        </figure>
      </section>
      {body && query && (
        <section className="admin-section proximity-results" aria-label={t('proximity.results')}>
          <p className="hint">
            {body.incidentsInArea === null
              ? t('proximity.areaWithheld')
              : t('proximity.areaTotal', { n: String(body.incidentsInArea), km2: body.areaKm2.toFixed(0) })}
            {body.restricted ? t('proximity.restricted', { threshold: String(body.threshold) }) : ''}
          </p>
          <button
            type="button"
            onClick={() => {
              setExportError(null);
              exportProximityCsv(body, query).catch((e: unknown) => setExportError(String(e)));
            }}
          >
            {t('proximity.downloadCsv')}
          </button>
          {exportError && <p className="error-text">{exportError}</p>}
          <ProximityTable body={body} />
        </section>
      )}
    </PageShell>
  );
}
