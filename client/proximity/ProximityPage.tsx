import type { PickingInfo } from '@deck.gl/core';
import { type ReactNode, useMemo, useState } from 'react';
import { api, okJson } from '../api';
import { PageShell } from '../controls/PageShell';
import { DatasetPicker } from '../datasets/DatasetPicker';
import { AreaOptionGroups } from '../geography/AreaOptionGroups';
import { useAreaOptions } from '../geography/areaOptions';
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
import { PRESET_TYPE, type TimeWindow, type WindowChoice, windowQuery, windowUnavailable } from './timeWindows';

const DEFAULT_AREA = 'pfa:W15000002';
const RADII = [100, 200, 300, 500, 1000];

const loadProximity = (query: ProximityQuery, signal: AbortSignal) =>
  okJson(api.api.proximity.$get({ query }, { init: { signal } }));

/** Settings of one type ranked by the incidents near them, in a time window: map, table and CSV. */
export function ProximityPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
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
    <PageShell title="settings and nearby violence" className="proximity-page" header={header} notice={notice}>
      <ErrorBanner messages={[...reference.errors, ...place.errors, ...(placeTypes.error ? [placeTypes.error] : [])]} />
      <section className="admin-section compare-controls" aria-label="Proximity">
        <label className="control-group">
          <span className="control-label">Area</span>
          <select value={area} onChange={(e) => select({ area: e.target.value })} aria-label="Area">
            <AreaOptionGroups options={place.options} />
          </select>
        </label>
        <label className="control-group">
          <span className="control-label">Setting type</span>
          <select value={type} onChange={(e) => setType(e.target.value)} aria-label="Setting type">
            {(placeTypes.types ?? []).map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="control-group">
          <span className="control-label">Radius</span>
          <select value={radius} onChange={(e) => setRadius(Number(e.target.value))} aria-label="Radius">
            {RADII.map((r) => (
              <option key={r} value={r}>
                {r} m
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
        {result.loading ? 'Ranking settings…' : !query ? 'Choose datasets with months to rank settings.' : ''}
      </p>
      {result.error && (
        <p className="proximity-refusal error-text" role="alert">
          The server did not rank these settings: {result.error}
        </p>
      )}
      <section className="admin-section triangulation-map" aria-label="Settings map">
        <figure className="linked-map-frame wide">
          <figcaption>
            {areaName}: settings by rank (darkest and largest first; grey where the count is withheld)
            {body ? `; ${body.placesInArea} in the area, the top ${body.places.length} shown` : ''}
          </figcaption>
          <LinkedMap
            id="proximity"
            label="Ranked settings"
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
        <section className="admin-section proximity-results" aria-label="Ranking">
          <p className="hint">
            {body.incidentsInArea === null
              ? 'The area’s total is withheld, so rates against it cannot be given.'
              : `${body.incidentsInArea} incidents in the area (${body.areaKm2.toFixed(0)} km²); a rate of 1× is the area’s average density.`}
            {body.restricted ? ` Restricted data: counts below ${body.threshold} withheld, others perturbed.` : ''}
          </p>
          <button
            type="button"
            onClick={() => {
              setExportError(null);
              exportProximityCsv(body, query).catch((e: unknown) => setExportError(String(e)));
            }}
          >
            Download CSV
          </button>
          {exportError && <p className="error-text">{exportError}</p>}
          <ProximityTable body={body} />
        </section>
      )}
    </PageShell>
  );
}
