import type { PickingInfo } from '@deck.gl/core';
import { FilterSection } from '../filters/FilterSection';
import { type ReactNode, useCallback, useMemo } from 'react';
import type { CrossBorderCell, Dataset, HotspotCell } from '../api';
import { fetchHotspots } from '../cells/analysis';
import { useAnalysisSelection } from '../cells/useAnalysisSelection';
import { AreaResolutionPicker } from '../cells/AreaResolutionPicker';
import { PageShell } from '../controls/PageShell';
import { DatasetPicker } from '../datasets/DatasetPicker';
import { useAreaOptions } from '../partnerships/useAreaOptions';
import { GroupPicker } from '../groups/GroupPicker';
import { createHotspotLayer, hotspotTooltip } from '../hotspots/hotspotLayer';
import { ClassList, classKey } from '../map/Legend';
import { hotspotLegendContent } from '../hotspots/HotspotLegend';
import { LinkedMap, type LinkedMapProps } from '../map/LinkedMap';
import { commonMonths, coverage } from '../period/months';
import { PeriodPicker } from '../period/PeriodPicker';
import { useReferenceData } from '../reference/useReferenceData';
import { useRequest } from '../reference/useRequest';
import { useVocabulary } from '../reference/vocabulary';
import { useT } from '../i18n/language';
import { useSelection } from '../selection/location';
import { ErrorBanner } from '../status/ErrorBanner';
import { AreaPicker } from './AreaPicker';
import { CompareTable } from './CompareTable';
import { type ComparisonQuery, fetchComparison, fetchCrossBorder } from './comparison';
import { createCrossBorderLayer, crossBorderTooltip, PATTERN_STYLES } from './crossBorderLayer';
import { FunnelPlot } from './FunnelPlot';
import { createMapSync } from './mapSync';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const DEFAULT_AREAS = ['pfa:W15000002', 'pfa:W15000003'];
/** Public police.uk data of every force: it records the same groups everywhere. */
const publicPoliceData = (datasets: readonly Dataset[]) =>
  datasets.filter((d) => d.kind === 'police-uk' && d.sensitivity === 'public').map((d) => d.id);
const CREDIT =
  'Contains OS data © Crown copyright; ONS and police.uk data under OGL v3; place names © GeoNames, CC BY 4.0.';

type SharedMapProps = Pick<LinkedMapProps, 'forceAreas' | 'lads' | 'emphasis' | 'focus' | 'link'>;

/** One compared area's map: its own Gi* hot spots, panning with the others. */
function AreaHotspotMap({
  area,
  name,
  query,
  common,
}: {
  area: string;
  name: string;
  query: ComparisonQuery;
  common: SharedMapProps;
}) {
  const t = useT();
  const classes = useVocabulary().hotspotClasses;
  const hotspots = useRequest({ ...query, area }, fetchHotspots, 'hot spots');
  const layer = useMemo(() => (hotspots.data ? createHotspotLayer(hotspots.data) : null), [hotspots.data]);
  // The same key as the map page's Gi* legend, under the map and in its saved image.
  const legend = useMemo(
    () => (hotspots.data ? hotspotLegendContent(hotspots.data, classes) : null),
    [hotspots.data, classes],
  );
  const threshold = hotspots.data?.threshold ?? null;
  const tooltip = useCallback(
    (info: PickingInfo) => hotspotTooltip(info as PickingInfo<HotspotCell>, threshold, classes),
    [threshold, classes],
  );
  return (
    <figure className="linked-map-frame">
      <figcaption>
        {t('compare.map.caption', { name })} {hotspots.error && <span className="form-error">{hotspots.error}</span>}
      </figcaption>
      <LinkedMap
        {...common}
        id={area}
        label={t('compare.map.label', { name })}
        layer={layer}
        tooltip={tooltip}
        loading={hotspots.loading}
        failed={hotspots.error !== null}
        print={{
          caption: `Gi* hot and cold spots in ${name}, ${query.period.from} to ${query.period.to}, H3 resolution ${query.res}. ${CREDIT}`,
          fileName: `hot-spots-${area.replace(':', '-')}.png`,
          title: `${name}: Gi* hot and cold spots, ${query.period.from} to ${query.period.to}`,
          key: legend && classKey(legend.title, legend.classes),
        }}
      />
      {legend && <ClassList className="linked-map-legend" classes={legend.classes} />}
    </figure>
  );
}

/** The Compare view: areas side by side for one selection, the funnel plot, and linked or cross-border maps. */
export function ComparePage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const t = useT();
  const reference = useReferenceData();
  const classes = useVocabulary().hotspotClasses;
  const [selection, select] = useSelection();
  const { datasets, groups } = reference;
  const areas = selection.areas && selection.areas.length >= 2 ? selection.areas : DEFAULT_AREAS;
  const mode = selection.maps ?? 'side-by-side';
  const res = Math.min(selection.res ?? 8, 9) as 7 | 8 | 9;
  const sync = useMemo(createMapSync, []);

  const { datasetIds, groupIds, selected, period, ...analysis } = useAnalysisSelection(selection, datasets, groups, {
    datasets: publicPoliceData,
    period: commonMonths,
    res,
  });
  const place = useAreaOptions(areas);
  const { names } = place;

  const query = useMemo(
    (): ComparisonQuery | null => (analysis.query && areas.length >= 2 ? { ...analysis.query, areas } : null),
    [analysis.query, areas],
  );
  const compare = useRequest(query, fetchComparison, 'the comparison');
  const crossBorder = useRequest(
    mode === 'cross-border' && query && query.areas.length <= 4 ? query : null,
    fetchCrossBorder,
    'cross-border hot spots',
  );
  const crossLayer = useMemo(
    () => (crossBorder.data ? createCrossBorderLayer(crossBorder.data) : null),
    [crossBorder.data],
  );
  // The cross-border map's key, under it and in its saved image.
  const crossClasses = useMemo(
    () =>
      PATTERN_STYLES.map((s) => ({
        key: s.pattern,
        label: s.label,
        fill: s.fill,
        count: crossBorder.data?.cells.filter((c) => c.pattern === s.pattern).length ?? 0,
      })),
    [crossBorder.data],
  );
  const crossThreshold = crossBorder.data?.threshold ?? null;
  const crossTooltip = useCallback(
    (info: PickingInfo) => crossBorderTooltip(info as PickingInfo<CrossBorderCell>, names, crossThreshold, classes),
    [names, crossThreshold, classes],
  );

  const common: SharedMapProps = {
    forceAreas: place.forces,
    lads: place.lads,
    emphasis: place.outlines,
    focus: place.focus,
    link: sync.add,
  };
  const errors = [
    ...reference.errors,
    ...place.errors,
    ...[compare.error, crossBorder.error].filter((e): e is string => e !== null),
  ];
  const straddling = crossBorder.data?.clusters.filter((c) => c.straddles) ?? [];
  const areaNames = areas.map((a) => names.get(a) ?? a).join(t('compare.and'));

  return (
    <PageShell title={t('compare.pageTitle')} className="compare-page" header={header} notice={notice}>
      <ErrorBanner messages={errors} />
      <section className="admin-section compare-controls" aria-label={t('compare.controls')}>
        <AreaPicker options={place.options} value={areas} onChange={(next) => select({ areas: next })} />
        {datasets && (
          <DatasetPicker datasets={datasets} selected={datasetIds} onChange={(ids) => select({ datasets: ids })} />
        )}
        <GroupPicker groups={groups} selected={groupIds} onChange={(ids) => select({ groups: ids })} />
        <PeriodPicker value={period} bounds={coverage(selected)} onChange={(next) => select(next)} />
        <AreaResolutionPicker value={res} onChange={(next) => select({ res: next })} />
        <FilterSection selection={selection} selected={selected} select={select} />
        {!period && selected.length > 0 && <p className="hint">{t('compare.noSharedMonth')}</p>}
      </section>
      <p className="status-line" aria-live="polite">
        {compare.loading ? t('compare.comparing') : ''}
      </p>
      {compare.data && (
        <section className="admin-section" aria-label={t('compare.tableSection')}>
          <h2>{t('compare.heading')}</h2>
          <p className="hint">
            {t('compare.definition')}{' '}
            {compare.data.areas[0]?.definition
              ? t('compare.definitionVersion', {
                  name: compare.data.areas[0].definition.name,
                  version: compare.data.areas[0].definition.version,
                })
              : groups
                  .filter((g) => query?.groupIds.includes(g.id))
                  .map((g) => g.label)
                  .join(', ')}
            . {capitalise(compare.data.method.comparable)}; {compare.data.method.precision}.
          </p>
          <p className="hint" data-testid="compare-method">
            Counts: {compare.data.method.totals}. Residents: {compare.data.method.rate}. Change:{' '}
            {compare.data.method.change}. Months flagged low: {compare.data.method.completeness}.
          </p>
          {compare.data.areas[0]?.sourcesNote && (
            <p className="hint compare-sources">
              {t('compare.sources', { sources: compare.data.areas[0].sourcesNote })}
            </p>
          )}
          <CompareTable body={compare.data} names={names} threshold={compare.data.areas[0]?.threshold ?? null} />
          <FunnelPlot body={compare.data} names={names} />
        </section>
      )}
      <section className="admin-section" aria-label={t('compare.maps')}>
        <div className="view-tabs" role="radiogroup" aria-label={t('compare.maps')}>
          {(['side-by-side', 'cross-border'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="map-mode" checked={mode === m} onChange={() => select({ maps: m })} />
              {m === 'side-by-side' ? t('compare.mode.sideBySide') : t('compare.mode.crossBorder')}
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
              <figcaption>{t('compare.crossBorder.caption', { areas: areaNames })}</figcaption>
              <LinkedMap
                {...common}
                id="cross-border"
                label={t('compare.mode.crossBorder')}
                print={{
                  caption: `Gi* hot spots over ${areaNames} together against each alone (purple: hot only when combined, at a boundary), ${query.period.from} to ${query.period.to}, H3 resolution ${query.res}. ${CREDIT}`,
                  fileName: 'cross-border-hot-spots.png',
                  title: `Cross-border hot spots: ${areaNames}, ${query.period.from} to ${query.period.to}`,
                  key: classKey(t('compare.crossBorder.key'), crossClasses),
                }}
                layer={crossLayer}
                tooltip={crossTooltip}
                loading={crossBorder.loading}
                failed={crossBorder.error !== null}
              />
            </figure>
            <ClassList className="cross-border-legend" classes={crossClasses} />
            {crossBorder.data && (
              <p className="hint straddling-summary">
                {straddling.length === 0
                  ? t('compare.crossBorder.none')
                  : t(
                      straddling.length === 1 ? 'compare.crossBorder.straddleOne' : 'compare.crossBorder.straddleOther',
                      {
                        n: straddling.length,
                        list: straddling
                          .slice(0, 5)
                          .map((c) =>
                            Object.entries(c.byArea)
                              .map(([a, n]) =>
                                t(n === 1 ? 'compare.crossBorder.cellsInOne' : 'compare.crossBorder.cellsInOther', {
                                  n,
                                  area: names.get(a) ?? a,
                                }),
                              )
                              .join(', '),
                          )
                          .join('; '),
                      },
                    )}
                {crossBorder.data.adjacent ? '' : t('compare.crossBorder.notAdjacent')}
              </p>
            )}
          </div>
        )}
      </section>
    </PageShell>
  );
}
