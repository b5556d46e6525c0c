import { useMemo, useState, type ReactNode } from 'react';
import type { Bbox } from './api';
import { ResolutionPicker } from './cells/ResolutionPicker';
import { DEFAULT_RESOLUTION, type Resolution } from './cells/resolutions';
import { useCells, type CellsQuery } from './cells/useCells';
import { DatasetPicker } from './datasets/DatasetPicker';
import { defaultDatasetIds } from './datasets/defaultDataset';
import { DEFAULT_BOUNDARY_VISIBILITY, type BoundaryLayer, type BoundaryVisibility } from './geography/boundaryLayers';
import { BoundaryToggles } from './geography/BoundaryToggles';
import { forceAreaOf, useBoundaries } from './geography/useBoundaries';
import { GroupPicker } from './groups/GroupPicker';
import { defaultGroupIds, groupIdsForQuery } from './groups/groupSelection';
import { HotspotMap, type MapFocus } from './map/HotspotMap';
import { Legend } from './map/Legend';
import { areaParam, defaultAreaChoice, resolveChoice, type AreaChoice } from './partnerships/partnershipChoice';
import { PartnershipPicker } from './partnerships/PartnershipPicker';
import { usePartnershipDetail, usePartnerships } from './partnerships/usePartnerships';
import { coverage, latestMonths, type Period } from './period/months';
import { PeriodPicker } from './period/PeriodPicker';
import type { PlaceLayerInput } from './places/placesLayer';
import { PlacesPanel } from './places/PlacesPanel';
import { defaultPlaceTypes, placeStyles } from './places/placeStyles';
import { growBbox, snapBbox, usePlaces, usePlaceTypes } from './places/usePlaces';
import { useReferenceData } from './reference/useReferenceData';
import { HotspotLegend } from './hotspots/HotspotLegend';
import { useHotspots } from './hotspots/useHotspots';
import { useDensity } from './density/useDensity';
import { DensityLegend } from './density/DensityLegend';
import { BandwidthPicker, type Bandwidth } from './density/BandwidthPicker';
import { ViewPicker, type MapView } from './hotspots/ViewPicker';
import { PriorityTable } from './priorities/PriorityTable';
import { usePriorities } from './priorities/usePriorities';
import { ErrorBanner } from './status/ErrorBanner';

interface AppProps {
  /** The signed-in user's bar (name, admin link, sign-out). */
  header?: ReactNode;
  /** A prompt above the controls (e.g. choose a password). */
  notice?: ReactNode;
}

export function App({ header, notice }: AppProps) {
  const reference = useReferenceData();
  const datasets = reference.datasets;
  const groups = reference.groups;
  const { partnerships, error: partnershipsError } = usePartnerships();

  // Until the user chooses, selections follow the defaults (derived, so no half-set state).
  const [chosenDatasetIds, setDatasetIds] = useState<number[] | null>(null);
  const [chosenGroupIds, setGroupIds] = useState<string[] | null>(null);
  const [chosenPeriod, setPeriod] = useState<Period | null>(null);
  const [chosenArea, setArea] = useState<AreaChoice | null>(null);
  const [res, setRes] = useState<Resolution>(DEFAULT_RESOLUTION);
  const [visibility, setVisibility] = useState<BoundaryVisibility>(DEFAULT_BOUNDARY_VISIBILITY);
  const [chosenPlaceTypes, setPlaceTypes] = useState<string[] | null>(null);
  const [view, setView] = useState<Bbox | null>(null);
  const [mapView, setMapView] = useState<MapView>('counts');
  const [bandwidth, setBandwidth] = useState<Bandwidth>(null);

  const defaultDatasets = useMemo(() => (datasets ? defaultDatasetIds(datasets) : null), [datasets]);
  const defaultGroups = useMemo(() => (groups ? defaultGroupIds(groups) : null), [groups]);
  const datasetIds = chosenDatasetIds ?? defaultDatasets;
  const groupIds = chosenGroupIds ?? defaultGroups;
  const selectedDatasets = useMemo(
    () => (datasets ?? []).filter((d) => datasetIds?.includes(d.id)),
    [datasets, datasetIds],
  );
  const bounds = useMemo(() => coverage(selectedDatasets), [selectedDatasets]);
  // The period follows the selected datasets (their latest 12 months) until the user sets it.
  const latest = useMemo(() => latestMonths(selectedDatasets), [selectedDatasets]);
  const period = chosenPeriod ?? latest;

  // The area: Gwent's force area by default; null until the partnerships are known, so the
  // first cells request already carries the filter.
  const area: AreaChoice | null =
    partnerships === null ? null : resolveChoice(chosenArea ?? defaultAreaChoice(partnerships), partnerships);
  const partnership = area === null || area === 'all' ? null : (partnerships?.find((p) => p.id === area) ?? null);
  const detail = usePartnershipDetail(partnership?.id ?? null);
  const focus = useMemo(
    (): MapFocus | null => (partnership ? { key: `partnership:${partnership.id}`, bbox: partnership.bbox } : null),
    [partnership],
  );
  const outline = useMemo(
    () =>
      detail.data && detail.data.id === partnership?.id ? { id: detail.data.id, outline: detail.data.outline } : null,
    [detail.data, partnership],
  );

  // Boundaries: LADs while shown (or needed to scope the LSOAs), LSOAs only while shown.
  const lads = useBoundaries('lad', visibility.lad || visibility.lsoa);
  const lsoaScopeKnown = partnership === null || partnership.lads.length === 0 || !lads.loading;
  const lsoaWithin = partnership ? forceAreaOf(partnership.lads, lads.data) : null;
  const lsoas = useBoundaries('lsoa', visibility.lsoa && lsoaScopeKnown, lsoaWithin);

  // Places: for the partnership's box, or around the map's view when no partnership is chosen.
  const placeTypes = usePlaceTypes();
  const styles = useMemo(() => placeStyles((placeTypes.types ?? []).map((t) => t.type)), [placeTypes.types]);
  const enabledPlaceTypes = useMemo(
    () => chosenPlaceTypes ?? (placeTypes.types ? defaultPlaceTypes(placeTypes.types) : []),
    [chosenPlaceTypes, placeTypes.types],
  );
  const placesBbox = useMemo(
    () => (partnership ? partnership.bbox : view ? snapBbox(growBbox(view)) : null),
    [partnership, view],
  );
  const places = usePlaces(enabledPlaceTypes, placesBbox);
  const placeLayers = useMemo((): PlaceLayerInput[] => {
    const layers: PlaceLayerInput[] = [];
    for (const type of placeTypes.types ?? []) {
      const body = places.byType.get(type.type);
      const style = styles.get(type.type);
      if (!body || !style || !enabledPlaceTypes.includes(type.type)) continue;
      layers.push({
        type: type.type,
        label: type.label,
        note: type.note,
        proxy: type.proxy,
        style,
        places: body.places,
      });
    }
    return layers;
  }, [placeTypes.types, places.byType, styles, enabledPlaceTypes]);

  const query = useMemo((): CellsQuery | null => {
    if (!groups || !datasetIds?.length || !groupIds?.length || !period || period.from > period.to || area === null)
      return null;
    const base = { datasetIds, groupIds: groupIdsForQuery(groups, groupIds), period, res };
    const filter = areaParam(area);
    return filter ? { ...base, area: filter } : base;
  }, [groups, datasetIds, groupIds, period, res, area]);

  const cells = useCells(mapView === 'counts' ? query : null);
  // Hot spots are computed over an area's cells, so they need an area.
  const areaQuery = useMemo(() => (query?.area ? { ...query, area: query.area } : null), [query]);
  const hotspots = useHotspots(mapView === 'hotspots' ? areaQuery : null);
  const density = useDensity(mapView === 'density' ? areaQuery : null, bandwidth);
  const analysis =
    mapView === 'counts' ? { error: cells.error, loading: cells.loading } : mapView === 'hotspots' ? hotspots : density;
  const priorities = usePriorities(areaQuery);
  const needsArea = mapView !== 'counts' && query !== null && !query.area;
  const definition = useMemo(
    () => (groups ?? []).filter((g) => query?.groupIds.includes(g.id)).map((g) => g.label),
    [groups, query],
  );

  const referenceLoading = datasets === null || groups === null || partnerships === null;
  const geographyErrors = [
    partnershipsError,
    detail.error,
    lads.error,
    lsoas.error,
    placeTypes.error,
    ...places.errors,
  ].filter((e): e is string => e !== null);
  const analysisError = analysis.error;
  const errors = [...reference.errors, ...(analysisError ? [analysisError] : []), ...geographyErrors];
  const failed = analysisError !== null || (reference.errors.length > 0 && (datasets === null || groups === null));
  const loading = !failed && (referenceLoading || analysis.loading);
  const nothingSelected = !referenceLoading && query === null;

  const boundaryStatus: Partial<Record<BoundaryLayer, string>> = {
    lad: lads.loading ? 'loading…' : lads.data ? `${lads.data.features.length} areas` : undefined,
    lsoa: lsoas.loading
      ? 'loading…'
      : lsoas.data
        ? `${lsoas.data.features.length.toLocaleString('en-GB')} areas`
        : undefined,
    partnership: partnership ? (detail.loading ? 'loading…' : partnership.name) : 'none selected',
  };

  return (
    <div className="app">
      <aside className="side-panel" aria-label="Map controls">
        <header>
          <h1>hotspot</h1>
          <p className="hint">Violence hotspots for Serious Violence Duty partnerships</p>
          {header}
        </header>
        {notice}
        <PartnershipPicker partnerships={partnerships} value={area ?? 'all'} onChange={setArea} />
        {datasets && (
          <DatasetPicker datasets={datasets} selected={datasetIds ?? []} onChange={(ids) => setDatasetIds(ids)} />
        )}
        <PeriodPicker
          value={period}
          bounds={bounds}
          onChange={(next) => {
            setPeriod(next);
          }}
        />
        {chosenPeriod && (
          <button type="button" className="link-button" onClick={() => setPeriod(null)}>
            Reset to latest 12 months
          </button>
        )}
        <ViewPicker value={mapView} onChange={setMapView} />
        {mapView === 'density' && <BandwidthPicker value={bandwidth} onChange={setBandwidth} />}
        <ResolutionPicker value={res} onChange={setRes} />
        {groups && <GroupPicker groups={groups} selected={groupIds ?? []} onChange={setGroupIds} />}
        <BoundaryToggles value={visibility} onChange={setVisibility} status={boundaryStatus} />
        <PlacesPanel
          types={placeTypes.types}
          styles={styles}
          enabled={enabledPlaceTypes}
          onChange={setPlaceTypes}
          byType={places.byType}
          view={view}
          error={placeTypes.error}
        />
        {areaQuery && <PriorityTable summary={priorities.data} loading={priorities.loading} error={priorities.error} />}
        <p className="status-line" aria-live="polite">
          {loading
            ? 'Loading…'
            : nothingSelected
              ? 'Select at least one dataset and offence group.'
              : needsArea
                ? `Choose an area: ${mapView === 'hotspots' ? 'hot spots are' : 'density is'} computed over its cells.`
                : ''}
        </p>
      </aside>
      <main className="map-area">
        <ErrorBanner messages={errors} />
        <HotspotMap
          boundaries={reference.boundaries}
          lads={lads.data}
          lsoas={lsoas.data}
          partnership={outline}
          visibility={visibility}
          places={placeLayers}
          focus={focus}
          onViewChange={setView}
          cells={mapView === 'counts' ? cells.body : null}
          hotspots={mapView === 'hotspots' ? hotspots.data : null}
          density={mapView === 'density' ? density.data : null}
          loading={loading}
          failed={failed}
          print={
            query
              ? {
                  caption: `${mapView === 'hotspots' ? 'Gi* hot and cold spots' : mapView === 'density' ? 'Kernel density' : 'Incidents per hexagon'}: ${definition.join(', ')}; ${partnership?.name ?? 'all areas'}, ${query.period.from} to ${query.period.to}, H3 resolution ${query.res}. Contains OS data © Crown copyright; ONS and police.uk data under OGL v3.`,
                  fileName: `hotspot-${mapView}-${query.period.from}-${query.period.to}.png`,
                }
              : undefined
          }
        />
        {mapView === 'counts' && <Legend cells={cells.body} definition={definition} area={partnership?.name ?? null} />}
        {mapView === 'hotspots' && (
          <HotspotLegend body={hotspots.data} definition={definition} area={partnership?.name ?? null} />
        )}
        {mapView === 'density' && (
          <DensityLegend body={density.data} definition={definition} area={partnership?.name ?? null} />
        )}
      </main>
    </div>
  );
}
