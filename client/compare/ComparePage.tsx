import type { PickingInfo } from '@deck.gl/core';
import { bbox } from '@turf/turf';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { CrossBorderCell, HotspotCell } from '../api';
import { AreaResolutionPicker } from '../cells/AreaResolutionPicker';
import { DatasetPicker } from '../datasets/DatasetPicker';
import { useBoundaries } from '../geography/useBoundaries';
import { GroupPicker } from '../groups/GroupPicker';
import { defaultGroupIds, groupIdsForQuery } from '../groups/groupSelection';
import { createHotspotLayer, hotspotTooltip } from '../hotspots/hotspotLayer';
import { useHotspots } from '../hotspots/useHotspots';
import type { MapFocus } from '../map/HotspotMap';
import { usePartnerships } from '../partnerships/usePartnerships';
import { commonMonths, coverage, type Period } from '../period/months';
import { PeriodPicker } from '../period/PeriodPicker';
import { useReferenceData } from '../reference/useReferenceData';
import { ErrorBanner } from '../status/ErrorBanner';
import { AreaPicker } from './AreaPicker';
import { areaOptions, areaOutlines } from './areaOptions';
import { CompareTable } from './CompareTable';
import { createCrossBorderLayer, crossBorderTooltip, PATTERN_STYLES } from './crossBorderLayer';
import { FunnelPlot } from './FunnelPlot';
import { LinkedMap } from './LinkedMap';
import { createMapSync } from './mapSync';
import { useCompare, useCrossBorder, type ComparisonQuery } from './useComparison';
import { cssColour } from '../map/colourScale';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const DEFAULT_AREAS = ['pfa:W15000002', 'pfa:W15000003'];
type MapMode = 'side-by-side' | 'cross-border';

/** One compared area's map: its own Gi* hot spots, panning with the others. */
function AreaHotspotMap(props: {
  area: string;
  name: string;
  query: ComparisonQuery;
  common: Omit<Parameters<typeof LinkedMap>[0], 'id' | 'label' | 'layer' | 'tooltip' | 'loading' | 'failed'>;
}) {
  const { area, name, query, common } = props;
  const hotspots = useHotspots({ ...query, res: query.res, area });
  const layer = useMemo(() => (hotspots.data ? createHotspotLayer(hotspots.data) : null), [hotspots.data]);
  const threshold = hotspots.data?.threshold ?? null;
  const tooltip = useCallback(
    (info: PickingInfo) => hotspotTooltip(info as PickingInfo<HotspotCell>, threshold),
    [threshold],
  );
  return (
    <figure className="linked-map-frame">
      <figcaption>
        {name}: Gi* hot and cold spots {hotspots.error && <span className="form-error">{hotspots.error}</span>}
      </figcaption>
      <LinkedMap
        {...common}
        id={area}
        label={`Hot spots in ${name}`}
        layer={layer}
        tooltip={tooltip}
        loading={hotspots.loading}
        failed={hotspots.error !== null}
      />
    </figure>
  );
}

/** The Compare view: areas side by side for one selection, the funnel plot, and linked or cross-border maps. */
export function ComparePage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const reference = useReferenceData();
  const { partnerships } = usePartnerships();
  const lads = useBoundaries('lad', true);
  const [areas, setAreas] = useState<string[]>(DEFAULT_AREAS);
  const [chosenDatasets, setDatasets] = useState<number[] | null>(null);
  const [chosenGroups, setGroups] = useState<string[] | null>(null);
  const [chosenPeriod, setPeriod] = useState<Period | null>(null);
  const [res, setRes] = useState<7 | 8 | 9>(8);
  const [mode, setMode] = useState<MapMode>('side-by-side');
  const sync = useMemo(createMapSync, []);

  const datasets = reference.datasets;
  // Public police.uk data of every force by default: it records the same groups everywhere.
  const datasetIds =
    chosenDatasets ??
    (datasets ?? []).filter((d) => d.kind === 'police-uk' && d.sensitivity === 'public').map((d) => d.id);
  const groupIds = chosenGroups ?? (reference.groups ? defaultGroupIds(reference.groups) : null);
  const selected = useMemo(() => (datasets ?? []).filter((d) => datasetIds.includes(d.id)), [datasets, datasetIds]);
  const period = chosenPeriod ?? commonMonths(selected);

  const options = useMemo(
    () => areaOptions(reference.boundaries as never, lads.data, partnerships),
    [reference.boundaries, lads.data, partnerships],
  );
  const names = useMemo(() => new Map(options.map((o) => [o.key, o.name])), [options]);
  const outlines = useMemo(
    () => areaOutlines(areas, reference.boundaries as never, lads.data, partnerships),
    [areas, reference.boundaries, lads.data, partnerships],
  );
  const focus = useMemo(
    (): MapFocus | null =>
      outlines.features.length ? { key: areas.join(','), bbox: bbox(outlines) as MapFocus['bbox'] } : null,
    [outlines, areas],
  );

  const query = useMemo((): ComparisonQuery | null => {
    if (!reference.groups || !groupIds?.length || datasetIds.length === 0 || !period || areas.length < 2) return null;
    return { datasetIds, groupIds: groupIdsForQuery(reference.groups, groupIds), period, res, areas };
  }, [reference.groups, groupIds, datasetIds, period, res, areas]);
  const compare = useCompare(query);
  const crossBorder = useCrossBorder(mode === 'cross-border' ? query : null);
  const crossLayer = useMemo(
    () => (crossBorder.data ? createCrossBorderLayer(crossBorder.data) : null),
    [crossBorder.data],
  );
  const crossThreshold = crossBorder.data?.threshold ?? null;
  const crossTooltip = useCallback(
    (info: PickingInfo) => crossBorderTooltip(info as PickingInfo<CrossBorderCell>, names, crossThreshold),
    [names, crossThreshold],
  );

  const common = { forceAreas: reference.boundaries, lads: lads.data, emphasis: outlines, focus, sync };
  const errors = [
    ...reference.errors,
    ...[compare.error, crossBorder.error, lads.error].filter((e): e is string => e !== null),
  ];
  const straddling = crossBorder.data?.clusters.filter((c) => c.straddles) ?? [];

  return (
    <div className="admin-page compare-page">
      <header className="admin-header">
        <h1>hotspot · compare areas</h1>
        {header}
      </header>
      {notice}
      <ErrorBanner messages={errors} />
      <section className="admin-section compare-controls" aria-label="Comparison">
        <AreaPicker options={options} value={areas} onChange={setAreas} />
        {datasets && <DatasetPicker datasets={datasets} selected={datasetIds} onChange={setDatasets} />}
        {reference.groups && <GroupPicker groups={reference.groups} selected={groupIds ?? []} onChange={setGroups} />}
        <PeriodPicker value={period} bounds={coverage(selected)} onChange={setPeriod} />
        <AreaResolutionPicker value={res} onChange={setRes} />
        {!period && selected.length > 0 && (
          <p className="hint">The selected datasets share no month: choose a period.</p>
        )}
      </section>
      <p className="status-line" aria-live="polite">
        {compare.loading ? 'Comparing…' : ''}
      </p>
      {compare.data && (
        <section className="admin-section" aria-label="Comparison table">
          <h2>Areas side by side</h2>
          <p className="hint">
            Definition:{' '}
            {compare.data.areas[0]?.definition
              ? `${compare.data.areas[0].definition.name} (version ${compare.data.areas[0].definition.version})`
              : (reference.groups ?? [])
                  .filter((g) => query?.groupIds.includes(g.id))
                  .map((g) => g.label)
                  .join(', ')}
            . {capitalise(compare.data.method.comparable)}; {compare.data.method.precision}.
          </p>
          <CompareTable body={compare.data} names={names} threshold={compare.data.areas[0]?.threshold ?? null} />
          <FunnelPlot body={compare.data} names={names} />
        </section>
      )}
      <section className="admin-section" aria-label="Maps">
        <div className="view-tabs" role="radiogroup" aria-label="Maps">
          {(['side-by-side', 'cross-border'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="map-mode" checked={mode === m} onChange={() => setMode(m)} />
              {m === 'side-by-side' ? 'Side by side (linked)' : 'Cross-border hot spots'}
            </label>
          ))}
        </div>
        {query && mode === 'side-by-side' && (
          <div className="linked-maps">
            {areas.slice(0, 4).map((area) => (
              <AreaHotspotMap key={area} area={area} name={names.get(area) ?? area} query={query} common={common} />
            ))}
          </div>
        )}
        {query && mode === 'cross-border' && (
          <div className="cross-border">
            <figure className="linked-map-frame wide">
              <figcaption>
                Gi* over {areas.map((a) => names.get(a) ?? a).join(' and ')} together, against each alone; the
                areas&apos; outlines in blue
              </figcaption>
              <LinkedMap
                {...common}
                id="cross-border"
                label="Cross-border hot spots"
                print={{
                  caption: `Gi* hot spots over ${areas.map((a) => names.get(a) ?? a).join(' and ')} together against each alone (purple: hot only when combined, at a boundary), ${query.period.from} to ${query.period.to}, H3 resolution ${query.res}. Contains OS data © Crown copyright; ONS and police.uk data under OGL v3.`,
                  fileName: 'cross-border-hot-spots.png',
                }}
                layer={crossLayer}
                tooltip={crossTooltip}
                loading={crossBorder.loading}
                failed={crossBorder.error !== null}
              />
            </figure>
            <ul className="legend-scale legend-classes cross-border-legend">
              {PATTERN_STYLES.map((s) => (
                <li key={s.pattern}>
                  <span className="swatch" style={{ background: cssColour(s.fill) }} />
                  {s.label}{' '}
                  <span className="hint">
                    (
                    {(crossBorder.data?.cells.filter((c) => c.pattern === s.pattern).length ?? 0).toLocaleString(
                      'en-GB',
                    )}
                    )
                  </span>
                </li>
              ))}
            </ul>
            {crossBorder.data && (
              <p className="hint straddling-summary">
                {straddling.length === 0
                  ? 'No hot cluster straddles a boundary.'
                  : `${straddling.length} hot ${straddling.length === 1 ? 'cluster straddles' : 'clusters straddle'} a boundary: ${straddling
                      .slice(0, 5)
                      .map((c) =>
                        Object.entries(c.byArea)
                          .map(([a, n]) => `${n} ${n === 1 ? 'cell' : 'cells'} in ${names.get(a) ?? a}`)
                          .join(', '),
                      )
                      .join('; ')}.`}
                {crossBorder.data.adjacent ? '' : ' The areas do not touch at this resolution.'}
              </p>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
