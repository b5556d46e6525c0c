import type { PickingInfo } from '@deck.gl/core';
import { cellToParent, getResolution } from 'h3-js';
import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import type { Cell, DensityCell, HotspotCell, SpaceTimeBody } from './api';
import {
  type AreaQuery,
  type CellsQuery,
  fetchCells,
  fetchDensity,
  fetchHotspots,
  fetchSpaceTime,
  fetchPriorities,
} from './cells/analysis';
import { useAnalysisSelection } from './cells/useAnalysisSelection';
import { ResolutionPicker } from './cells/ResolutionPicker';
import { DEFAULT_RESOLUTION, isResolution } from './cells/resolutions';
import { DatasetPicker } from './datasets/DatasetPicker';
import { defaultDatasetIds } from './datasets/defaultDataset';
import { useMapDefaults } from './datasets/useMapDefaults';
import { BandwidthPicker } from './density/BandwidthPicker';
import { DensityLegend } from './density/DensityLegend';
import { createDensityLayer, densityTooltip } from './density/densityLayer';
import { BoundaryToggles } from './geography/BoundaryToggles';
import {
  BOUNDARY_OPTIONS,
  type BoundaryLayer,
  DEFAULT_BOUNDARY_VISIBILITY,
  visibilityOf,
  visibleLayers,
} from './geography/boundaryLayers';
import { forceAreaOf, useBoundaries } from './geography/useBoundaries';
import { GroupPicker } from './groups/GroupPicker';
import { DefinitionPicker } from './definitions/DefinitionPicker';
import { definitionLabel } from './definitions/definitionChoice';
import { useDefinitions } from './definitions/useDefinitions';
import { HotspotLegend } from './hotspots/HotspotLegend';
import { HotspotOptions } from './hotspots/HotspotOptions';
import { SpaceTimeLegend } from './spacetime/SpaceTimeLegend';
import { SpaceTimeOptions } from './spacetime/SpaceTimeOptions';
import { createSpaceTimeLayer, spaceTimeTooltip } from './spacetime/spaceTimeLayer';
import { CellSpaceTime } from './spacetime/CellSpaceTime';
import { PeriodSlider } from './spacetime/PeriodSlider';
import { periodLabel } from './spacetime/periodLabel';
import { monthlySeries } from './spacetime/spaceTimeQuery';
import { createHotspotLayer, hotspotTooltip } from './hotspots/hotspotLayer';
import { VIEWS, ViewPicker } from './hotspots/ViewPicker';
import { INITIAL_VIEW } from './map/baseStyle';
import { cellTooltip, countSuppressed, createCellsLayer, outlinesVisible } from './map/cellsLayer';
import { HotspotMap, type MapFocus } from './map/HotspotMap';
import { Legend } from './map/Legend';
import { viewKey } from './printing/viewKey';
import type { MapCamera } from './map/useDeckMap';
import { PartnershipPicker } from './partnerships/PartnershipPicker';
import { type AreaChoice, areaParam, defaultAreaChoice, resolveChoice } from './partnerships/partnershipChoice';
import { usePartnershipDetail, usePartnerships } from './partnerships/usePartnerships';
import { coverage, latestMonths } from './period/months';
import { PeriodPicker } from './period/PeriodPicker';
import { PlacesPanel } from './places/PlacesPanel';
import type { PlaceLayerInput } from './places/placesLayer';
import { defaultPlaceTypes, placeStyles } from './places/placeStyles';
import { growBbox, snapBbox, usePlaces, usePlaceTypes } from './places/usePlaces';
import { PriorityTable } from './priorities/PriorityTable';
import { useReferenceData } from './reference/useReferenceData';
import { useRequest } from './reference/useRequest';
import { useVocabulary } from './reference/vocabulary';
import { useSelection } from './selection/location';
import { ErrorBanner } from './status/ErrorBanner';
import { LinkButton } from './controls/LinkButton';
import { ControlSection } from './controls/ControlSection';
import { FilterSection } from './filters/FilterSection';
import { describeFilters } from './filters/describeFilters';
import { listSummary } from './controls/listSummary';
import { CellPanel } from './cell/CellPanel';
import { fetchCellDetail } from './cell/cellDetail';
import { cellFocus } from './cell/cellFocus';
import { CopyLinkButton } from './cell/CopyLinkButton';
import { createHighlightLayer } from './cell/highlightLayer';
import { mapAtOf } from './cell/mapAt';
import { AreaTimeProfile } from './timeprofile/AreaTimeProfile';
import { useLanguage, useT } from './i18n/language';
import { partnershipName } from './partnerships/partnershipName';

interface AppProps {
  /** The signed-in user's bar (name, admin link, sign-out). */
  header?: ReactNode;
  /** A prompt above the controls (e.g. choose a password). */
  notice?: ReactNode;
}

/** The map's area choice in the URL: `partnership:ID`, or `all`; anything else is the default. */
function areaChoiceOf(area: string | undefined): AreaChoice | null {
  if (area === 'all') return 'all';
  const id = /^partnership:(\d+)$/.exec(area ?? '')?.[1];
  return id ? Number(id) : null;
}

const CAPTIONS = {
  counts: 'map.caption.counts',
  hotspots: 'map.caption.hotspots',
  density: 'map.caption.density',
  'space-time': 'map.caption.spaceTime',
} as const;

/** The map page: the selection in the side panel, the map and its legend; the selection is held in the URL. */
export function App({ header, notice }: AppProps) {
  const t = useT();
  const language = useLanguage();
  const reference = useReferenceData();
  const vocabulary = useVocabulary();
  const { datasets, groups } = reference;
  const { partnerships, error: partnershipsError } = usePartnerships();
  const [selection, select] = useSelection();
  const [camera, setCamera] = useState<MapCamera | null>(null);
  const [timeProfileOpen, setTimeProfileOpen] = useState(false);
  // A shared link's view: the map starts where it was, and the area is not framed over it
  // until the area changes; a link with a cell and no view flies to the cell.
  const [landing] = useState(() => ({ at: selection.at ?? null, cell: selection.cell ?? null, area: selection.area }));
  const [flight, setFlight] = useState<MapFocus | null>(() =>
    landing.cell && !landing.at ? cellFocus(landing.cell, 0) : null,
  );
  const flights = useRef(0);
  const openCell = selection.cell ?? null;

  const res = selection.res !== undefined && isResolution(selection.res) ? selection.res : DEFAULT_RESOLUTION;
  // Until the user chooses, the selection follows the defaults: the user's partnership and the
  // police dataset covering it (general ones for admins and users of none), the violence groups,
  // and the selected datasets' latest 12 months.
  const home = useMapDefaults();
  const homeDatasets = home.defaults?.datasetIds;
  const defaultDatasets = useCallback(
    (list: Parameters<typeof defaultDatasetIds>[0]) => defaultDatasetIds(list, homeDatasets),
    [homeDatasets],
  );
  const { datasetIds, groupIds, selected, chosenPeriod, period, ...chosen } = useAnalysisSelection(
    selection,
    datasets,
    groups,
    { datasets: defaultDatasets, period: latestMonths, res },
  );
  const bounds = useMemo(() => coverage(selected), [selected]);
  const mapView = selection.view ?? 'counts';
  const bandwidth = selection.bandwidth ?? null;
  const giRing = selection.k ?? 'auto';
  const giInference = selection.inference ?? 'normal';
  const stColour = selection.pattern ?? 'sfhotspot';
  const stRule = selection.rule ?? 'sfhotspot';
  const stStep = selection.step ?? '0';
  // The space-time period shown (0-based), or null for the overall pattern.
  const stPeriod = selection.stperiod !== undefined ? selection.stperiod - 1 : null;
  const selectStPeriod = useCallback(
    (next: number | null) => select({ stperiod: next === null ? undefined : next + 1 }),
    [select],
  );
  const visibility = useMemo(
    () => (selection.boundaries ? visibilityOf(selection.boundaries) : DEFAULT_BOUNDARY_VISIBILITY),
    [selection.boundaries],
  );

  // The area: the user's partnership by default; null until the partnerships and the user's
  // defaults are known, so the first cells request already carries the right filter.
  const area: AreaChoice | null =
    partnerships === null || home.loading
      ? null
      : resolveChoice(
          areaChoiceOf(selection.area) ?? defaultAreaChoice(partnerships, home.defaults?.partnershipId ?? null),
          partnerships,
        );
  const partnership = area === null || area === 'all' ? null : (partnerships?.find((p) => p.id === area) ?? null);
  const detail = usePartnershipDetail(partnership?.id ?? null);
  // The partnership's saved definitions (and the national presets) for the Offences section.
  const definitions = useDefinitions(partnership?.id ?? home.defaults?.partnershipId ?? null);
  const definitionName = definitionLabel(definitions.data, selection.definition);
  const areaFocus = useMemo(
    (): MapFocus | null => (partnership ? { key: `partnership:${partnership.id}`, bbox: partnership.bbox } : null),
    [partnership],
  );
  const focus = flight ?? (landing.at && selection.area === landing.area ? null : areaFocus);
  const outline = useMemo(
    () =>
      detail.data && detail.data.id === partnership?.id ? { id: detail.data.id, outline: detail.data.outline } : null,
    [detail.data, partnership],
  );

  // Boundaries: LADs while shown (or needed to scope the LSOAs), LSOAs only while shown.
  const lads = useBoundaries('lad', visibility.lad || visibility.lsoa);
  const forces = useBoundaries('pfa', true);
  const lsoaScopeKnown = partnership === null || partnership.lads.length === 0 || !lads.loading;
  const lsoaWithin = partnership ? forceAreaOf(partnership.lads, lads.data) : null;
  const lsoas = useBoundaries('lsoa', visibility.lsoa && lsoaScopeKnown, lsoaWithin);

  // Places: for the partnership's box, or around the map's view when no partnership is chosen.
  const placeTypes = usePlaceTypes();
  const styles = useMemo(() => placeStyles((placeTypes.types ?? []).map((t) => t.type)), [placeTypes.types]);
  const enabledPlaceTypes = useMemo(
    () => selection.places ?? (placeTypes.types ? defaultPlaceTypes(placeTypes.types) : []),
    [selection.places, placeTypes.types],
  );
  const view = camera?.bbox ?? null;
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
    const filter = area === null ? null : areaParam(area);
    if (chosen.query === null || area === null) return null;
    return filter ? { ...chosen.query, area: filter } : chosen.query;
  }, [chosen.query, area]);

  // Hot spots and density are computed over an area's cells, so they need an area.
  const areaQuery = useMemo((): AreaQuery | null => (query?.area ? { ...query, area: query.area } : null), [query]);
  const cells = useRequest(mapView === 'counts' ? query : null, fetchCells, 'hexagon counts', { keepPrevious: true });
  const hotspots = useRequest(
    mapView === 'hotspots' && areaQuery ? { ...areaQuery, k: giRing, inference: giInference } : null,
    fetchHotspots,
    'hot spots',
  );
  const density = useRequest(
    mapView === 'density' && areaQuery ? { ...areaQuery, bandwidth } : null,
    fetchDensity,
    'density',
  );
  const series = useMemo(() => (areaQuery ? monthlySeries(areaQuery.period) : null), [areaQuery]);
  const spaceTime = useRequest(
    mapView === 'space-time' && areaQuery && series
      ? { ...areaQuery, series, k: giRing, rule: stRule, timeStep: stStep }
      : null,
    fetchSpaceTime,
    'space-time patterns',
  );
  const priorities = useRequest(areaQuery, fetchPriorities, 'priority locations');
  const cellQuery = useMemo(
    () => (openCell && areaQuery ? { ...areaQuery, h3: openCell } : null),
    [openCell, areaQuery],
  );
  const cellDetail = useRequest(cellQuery, fetchCellDetail, 'the cell details');
  const highlight = useMemo(() => (openCell ? createHighlightLayer(openCell) : undefined), [openCell]);
  /** A priority-table row: fly to its cell, outline it and open its panel. */
  const showCell = useCallback(
    (h3: string) => {
      select({ cell: h3 });
      flights.current += 1;
      setFlight(cellFocus(h3, flights.current));
    },
    [select],
  );
  /** A click on a hexagon opens its cell (a density sample's cell at the map's resolution). */
  const clickMap = useCallback(
    (info: PickingInfo) => {
      const h3 = (info.object as { h3?: unknown } | undefined)?.h3;
      if (typeof h3 !== 'string') return;
      select({ cell: getResolution(h3) > res ? cellToParent(h3, res) : h3 });
    },
    [select, res],
  );
  /** The view into the address bar after the user moves the map, so a copied link reopens it. */
  const moveMap = useCallback(
    (next: MapCamera) => {
      setCamera(next);
      if (next.byUser) select({ at: mapAtOf(next) });
    },
    [select],
  );
  const analysis = { counts: cells, hotspots, density, 'space-time': spaceTime }[mapView];
  const needsArea = mapView !== 'counts' && query !== null && !query.area;
  // What the legends and the printed caption name as the offences counted: a chosen definition by name and version.
  const definition = useMemo(
    () => [
      ...(query?.definition
        ? [definitionName ?? t('map.definitionNumber', { id: query.definition })]
        : groups.filter((g) => query?.groupIds.includes(g.id)).map((g) => g.label)),
      // The weekday, hour and flag filters, so a legend or print never passes for the unfiltered map.
      ...(query
        ? [describeFilters(query, t)]
            .filter((f): f is string => f !== null)
            .map((f) => t('filters.caption', { filters: f }))
        : []),
    ],
    [groups, query, definitionName, t],
  );

  // The hexagons: counts (outlined where an edge shows), Gi* classes, or density bands.
  const { zoom, latitude } = camera ?? { zoom: INITIAL_VIEW.zoom, latitude: INITIAL_VIEW.center[1] };
  const outlined = cells.data ? outlinesVisible(cells.data.res, zoom, latitude) : true;
  const shown = { counts: cells.data, hotspots: hotspots.data, density: density.data, 'space-time': spaceTime.data }[
    mapView
  ];
  // The space-time periods' labels, and the period shown where the answer has it.
  const stLabels = useMemo(
    () => (spaceTime.data ? spaceTime.data.periods.map((p) => periodLabel(p, language)) : []),
    [spaceTime.data, language],
  );
  const stShown = stPeriod !== null && stPeriod < stLabels.length ? stPeriod : null;
  const hexagons = useMemo(
    () =>
      hotspots.data && mapView === 'hotspots'
        ? createHotspotLayer(hotspots.data)
        : density.data && mapView === 'density'
          ? createDensityLayer(density.data)
          : cells.data && mapView === 'counts'
            ? createCellsLayer(cells.data, outlined)
            : spaceTime.data && mapView === 'space-time'
              ? createSpaceTimeLayer(spaceTime.data, stColour, stShown)
              : null,
    [mapView, cells.data, hotspots.data, density.data, spaceTime.data, stColour, stShown, outlined],
  );
  const suppressedCells = (mapView === 'hotspots' ? hotspots.data : mapView === 'counts' ? cells.data : null)?.cells;
  const describe = useMemo(
    () => ({
      view: mapView,
      cellsSuppressed: String(suppressedCells ? countSuppressed(suppressedCells) : 0),
      period: mapView === 'space-time' && stShown !== null ? String(stShown + 1) : 'overall',
    }),
    [mapView, suppressedCells, stShown],
  );
  const threshold = shown?.threshold ?? null;
  const classes = vocabulary.hotspotClasses;
  const tooltip = useCallback(
    (info: PickingInfo) =>
      cellTooltip(info as PickingInfo<Cell>, threshold) ??
      hotspotTooltip(info as PickingInfo<HotspotCell>, threshold, classes) ??
      densityTooltip(info as PickingInfo<DensityCell>) ??
      spaceTimeTooltip(
        info as PickingInfo<SpaceTimeBody['cells'][number]>,
        t,
        stShown === null
          ? null
          : {
              period: stShown,
              label: stLabels[stShown] ?? '',
              classLabel: (value) => classes.find((c) => c.value === value)?.label ?? String(value),
            },
      ),
    [threshold, classes, t, stShown, stLabels],
  );

  const referenceLoading = datasets === null || partnerships === null;
  const geographyErrors = [
    partnershipsError,
    detail.error,
    forces.error,
    lads.error,
    lsoas.error,
    placeTypes.error,
    places.error,
    ...places.errors,
  ].filter((e): e is string => e !== null);
  const errors = [...reference.errors, ...(analysis.error ? [analysis.error] : []), ...geographyErrors];
  const failed = analysis.error !== null || (reference.errors.length > 0 && datasets === null);
  const loading = !failed && (referenceLoading || analysis.loading);
  const nothingSelected = !referenceLoading && query === null;

  const boundaryStatus: Partial<Record<BoundaryLayer, string>> = {
    lad: lads.loading
      ? t('map.boundary.loading')
      : lads.data
        ? t('map.boundary.areas', { n: lads.data.features.length })
        : undefined,
    lsoa: lsoas.loading
      ? t('map.boundary.loading')
      : lsoas.data
        ? t('map.boundary.areas', { n: lsoas.data.features.length })
        : undefined,
    partnership: partnership
      ? detail.loading
        ? t('map.boundary.loading')
        : partnershipName(partnership, language, t, forces.data, lads.data)
      : t('map.boundary.noneSelected'),
  };
  const areaName = partnership ? partnershipName(partnership, language, t, forces.data, lads.data) : null;
  // One line per collapsible group of the side panel: what is chosen inside it.
  const summaries = {
    data: [
      areaName ?? t('map.summary.allAreas'),
      listSummary(
        selected.map((d) => d.name),
        t('map.summary.noDatasets'),
        1,
      ),
      period ? t('common.periodRange', { from: period.from, to: period.to }) : t('map.summary.noMonths'),
    ].join(' · '),
    view: t('map.summary.view', { view: t(VIEWS.find((v) => v.id === mapView)?.label ?? 'map.view.counts'), res }),
    offences: selection.definition
      ? (definitionName ?? t('map.summary.savedDefinition'))
      : listSummary(
          groups.filter((g) => groupIds.includes(g.id)).map((g) => g.label),
          t('map.summary.noGroups'),
        ),
    layers: listSummary(
      [
        ...BOUNDARY_OPTIONS.filter((o) => visibility[o.layer]).map((o) => t(o.label)),
        ...(placeTypes.types ?? []).filter((t) => enabledPlaceTypes.includes(t.type)).map((t) => t.label),
      ],
      t('map.summary.noneShown'),
    ),
  };

  return (
    <div className="app">
      <aside className="side-panel" aria-label={t('map.controls')}>
        <header>
          <h1>hotspot</h1>
          <p className="hint">{t('map.tagline')}</p>
          {header}
        </header>
        {notice}
        <ControlSection title={t('map.section.data')} summary={summaries.data}>
          <PartnershipPicker
            partnerships={partnerships}
            value={area ?? 'all'}
            onChange={(choice) => {
              setFlight(null);
              select({ area: choice === 'all' ? 'all' : `partnership:${choice}`, cell: undefined, at: undefined });
            }}
          />
          {datasets && (
            <DatasetPicker
              datasets={datasets}
              selected={datasetIds ?? []}
              onChange={(ids) => select({ datasets: ids })}
            />
          )}
          <PeriodPicker value={period} bounds={bounds} onChange={(next) => select(next)} />
          {chosenPeriod && (
            <LinkButton onClick={() => select({ from: undefined, to: undefined })}>{t('map.resetPeriod')}</LinkButton>
          )}
        </ControlSection>
        <ControlSection title={t('map.section.view')} summary={summaries.view} defaultOpen>
          <ViewPicker value={mapView} onChange={(next) => select({ view: next })} />
          {mapView === 'hotspots' && (
            <HotspotOptions ring={giRing} inference={giInference} onChange={(next) => select(next)} />
          )}
          {mapView === 'space-time' && (
            <>
              <HotspotOptions ring={giRing} onChange={(next) => select(next)} />
              <SpaceTimeOptions
                colour={stColour}
                rule={stRule}
                timeStep={stStep}
                onChange={({ colour, ...rest }) => select(colour ? { pattern: colour } : rest)}
              />
              {stLabels.length > 0 && <PeriodSlider labels={stLabels} value={stShown} onChange={selectStPeriod} />}
            </>
          )}
          {mapView === 'density' && (
            <BandwidthPicker value={bandwidth} onChange={(next) => select({ bandwidth: next ?? undefined })} />
          )}
          <ResolutionPicker value={res} onChange={(next) => select({ res: next })} />
        </ControlSection>
        <ControlSection title={t('map.section.offences')} summary={summaries.offences}>
          <DefinitionPicker
            body={definitions.data}
            value={selection.definition}
            onChange={(next) => select({ definition: next, ...(next ? { groups: undefined, flags: undefined } : {}) })}
          />
          {/* Choosing groups by hand replaces the definition: the API takes one or the other. */}
          <GroupPicker
            groups={groups}
            selected={groupIds}
            onChange={(ids) => select({ groups: ids, definition: undefined })}
          />
        </ControlSection>
        <FilterSection selection={selection} selected={selected} select={select} />
        <ControlSection title={t('map.section.layers')} summary={summaries.layers}>
          <BoundaryToggles
            value={visibility}
            onChange={(next) => select({ boundaries: visibleLayers(next) })}
            status={boundaryStatus}
          />
          <PlacesPanel
            types={placeTypes.types}
            styles={styles}
            enabled={enabledPlaceTypes}
            onChange={(types) => select({ places: types })}
            byType={places.byType}
            view={view}
            error={placeTypes.error}
          />
        </ControlSection>
        <p className="status-line" aria-live="polite">
          {loading
            ? t('common.loading')
            : nothingSelected
              ? t('map.status.nothingSelected')
              : needsArea
                ? t(mapView === 'density' ? 'map.status.needsAreaDensity' : 'map.status.needsAreaHotspots')
                : mapView === 'space-time' && areaQuery && !series
                  ? t('map.status.needsMonths')
                  : ''}
        </p>
      </aside>
      <main className="map-area">
        <ErrorBanner messages={errors} />
        <HotspotMap
          boundaries={forces.data}
          lads={lads.data}
          lsoas={lsoas.data}
          partnership={outline}
          visibility={visibility}
          places={placeLayers}
          focus={focus}
          onMove={moveMap}
          onClick={clickMap}
          highlight={highlight}
          initialView={landing.at ? { center: [landing.at.lng, landing.at.lat], zoom: landing.at.zoom } : null}
          hexagons={hexagons}
          tooltip={tooltip}
          describe={describe}
          loading={loading}
          failed={failed}
          print={
            query
              ? {
                  caption: t('map.print.caption', {
                    caption: t(CAPTIONS[mapView]),
                    definition: definition.join(', '),
                    area: areaName ?? t('map.print.allAreas'),
                    from: query.period.from,
                    to: query.period.to,
                    res: query.res,
                  }),
                  fileName: `hotspot-${mapView}-${query.period.from}-${query.period.to}.png`,
                  title: t('map.print.title', {
                    caption: t(CAPTIONS[mapView]),
                    area: areaName ?? t('map.print.allAreas'),
                    from: query.period.from,
                    to: query.period.to,
                  }),
                  key: viewKey({
                    t,
                    view: mapView,
                    cells: cells.data,
                    hotspots: hotspots.data,
                    hotspotClasses: classes,
                    density: density.data,
                    spaceTime: spaceTime.data,
                    spaceTimeColour: stColour,
                  }),
                }
              : undefined
          }
        />
        <CopyLinkButton className="map-copy-link" beforeCopy={() => camera && select({ at: mapAtOf(camera) })} />
        <button
          type="button"
          className="time-profile-open"
          aria-expanded={timeProfileOpen}
          title={t('timeprofile.openHint')}
          onClick={() => setTimeProfileOpen((open) => !open)}
        >
          {t('timeprofile.open')}
        </button>
        {timeProfileOpen && (
          <AreaTimeProfile
            query={query}
            areaName={partnership?.name ?? null}
            datasetNames={selected.map((d) => d.name)}
            bounds={bounds}
            onClose={() => setTimeProfileOpen(false)}
          />
        )}
        {openCell && (
          <CellPanel
            detail={cellDetail.data}
            loading={cellDetail.loading}
            error={areaQuery ? cellDetail.error : t('map.cellNeedsArea')}
            onClose={() => select({ cell: undefined })}
          >
            {mapView === 'space-time' && <CellSpaceTime h3={openCell} body={spaceTime.data} hotspotClasses={classes} />}
          </CellPanel>
        )}
        {mapView === 'counts' && <Legend cells={cells.data} definition={definition} area={areaName} />}
        {mapView === 'hotspots' && (
          <HotspotLegend body={hotspots.data} classes={classes} definition={definition} area={areaName} />
        )}
        {mapView === 'density' && <DensityLegend body={density.data} definition={definition} area={areaName} />}
        {mapView === 'space-time' && (
          <SpaceTimeLegend
            body={spaceTime.data}
            colour={stColour}
            definition={definition}
            area={areaName}
            period={stShown}
            hotspotClasses={classes}
          />
        )}
      </main>
      <aside className="priority-panel" aria-label={t('map.priorities.title')}>
        {areaQuery && (
          <PriorityTable
            summary={priorities.data}
            loading={priorities.loading}
            error={priorities.error}
            onSelect={showCell}
            selected={openCell}
          />
        )}
        {!areaQuery && <p className="hint">{t('map.prioritiesNeedArea')}</p>}
      </aside>
    </div>
  );
}
