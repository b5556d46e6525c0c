import { useMemo } from 'react';
import { api, okJson, type OffenceGroup } from '../api';
import { lowMonths, countOrFewer as n } from '../controls/format';
import { TableHead } from '../controls/TableHead';
import { TextList } from '../controls/TextList';
import { CLASS_FILL } from '../hotspots/hotspotColours';
import { cssColour } from '../map/colourScale';
import { SeriesChart } from '../panel/SeriesChart';
import { projectCells } from '../panel/projectCells';
import { NearbyCell } from '../places/NearbyList';
import { useRequest } from '../reference/useRequest';
import { hotspotClassLabel, useVocabulary } from '../reference/vocabulary';
import { CLASS_STYLES } from '../triangulation/bivariate';
import { type MessageKey, type Translate, useLanguage, useT } from '../i18n/language';
import { translate } from '../../server/domain/i18n/translate';

/** Section headings' catalogue keys; an English chapter for an area in Wales shows each with its Welsh (the guidance expects Welsh-language publication there). */
const HEADINGS = {
  title: 'sna.heading.title',
  definition: 'sna.heading.definition',
  sources: 'sna.heading.sources',
  priorities: 'sna.heading.priorities',
  trend: 'sna.heading.trend',
  triangulation: 'sna.heading.triangulation',
  disclosure: 'sna.heading.disclosure',
} as const satisfies Record<string, MessageKey>;

export interface SnaSelection {
  area: string;
  police: readonly number[];
  ed: readonly number[];
  from: string;
  to: string;
  groups: readonly string[];
  /** The version for publication: resolution-7 cells, restricted counts of 10 or more, no sensitive settings, checked by the server. */
  public?: boolean;
}

const lastDay = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The query parameters every section's request shares. */
function common(s: SnaSelection) {
  return { from: s.from, to: s.to, groups: s.groups.join(','), ...(s.public ? { public: 'true' as const } : {}) };
}
/** A public chapter uses coarse cells throughout (PUBLIC_SUMMARY_RULES on the server). */
const resolutions = (s: SnaSelection) => (s.public ? (['7', '7'] as const) : (['9', '8'] as const));
const init = (signal: AbortSignal) => ({ init: { signal } });

const loadReport = (s: SnaSelection, signal: AbortSignal) =>
  okJson(
    api.api.sna.report.$get(
      { query: { ...common(s), datasets: [...s.police, ...s.ed].join(','), area: s.area } },
      init(signal),
    ),
  );
const loadSummary = (s: SnaSelection, signal: AbortSignal) =>
  okJson(
    api.api.areas[':area'].summary.$get(
      { param: { area: s.area }, query: { ...common(s), datasets: s.police.join(','), res: resolutions(s)[0] } },
      init(signal),
    ),
  );
const loadHotspots = (s: SnaSelection, signal: AbortSignal) =>
  okJson(
    api.api.hotspots.$get(
      { query: { ...common(s), datasets: s.police.join(','), res: resolutions(s)[1], area: s.area } },
      init(signal),
    ),
  );
const loadTrend = (s: SnaSelection, signal: AbortSignal) =>
  okJson(
    api.api.areas[':area'].trend.$get(
      {
        param: { area: s.area },
        query: {
          datasets: s.police.join(','),
          groups: common(s).groups,
          period: 'month',
          asOf: lastDay(s.to),
          periods: '12',
          ...(s.public ? { public: 'true' as const } : {}),
        },
      },
      init(signal),
    ),
  );
const loadTriangulation = (s: SnaSelection, signal: AbortSignal) =>
  okJson(
    api.api.triangulation.$get(
      {
        query: {
          police: s.police.join(','),
          ed: s.ed.join(','),
          from: s.from,
          to: s.to,
          res: resolutions(s)[1],
          area: s.area,
          policeGroups: common(s).groups,
          ...(s.public ? { public: 'true' as const } : {}),
        },
      },
      init(signal),
    ),
  );

type TrendBody = Awaited<ReturnType<typeof loadTrend>>;
const pText = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

/** Figure 3's caption: the trend on covered months only, and the year-on-year change only where both months are covered. */
function trendCaption(t: Translate, trend: TrendBody, to: string): string {
  const { direction, p } = trend.trend;
  const mk = p === null ? direction : t('sna.trendMannKendall', { direction, p: pText(p) });
  const covered = t('sna.trendCovered', { n: String(trend.trend.n), total: String(trend.series.length) });
  const yoy = trend.lastVsYearEarlier;
  const year = !yoy.covered
    ? t('sna.yearNotCovered')
    : yoy.percent !== null
      ? t(yoy.percent > 0 ? 'sna.yearUp' : 'sna.yearDown', { month: to, percent: Math.abs(yoy.percent).toFixed(0) })
      : '';
  const seasonal =
    trend.seasonal && trend.seasonal.p !== null
      ? t('sna.trendSeasonal', { direction: trend.seasonal.direction, p: pText(trend.seasonal.p) })
      : '';
  return t('sna.trendCaption', { to, covered, trend: mk, seasonal, year });
}

/**
 * The "place" chapter of a Strategic Needs Assessment, as a printable article: definition, data
 * sources with legal basis and completeness, priority locations (map and table with settings),
 * the trend, police against hospital data, and the disclosure statement. Figures are SVG, so
 * the chapter prints (and saves as PDF) exactly as shown, air-gapped.
 */
export function SnaReport({ selection, groups }: { selection: SnaSelection; groups: readonly OffenceGroup[] }) {
  const { from, to } = selection;
  const forPublication = !!selection.public;
  const mapRes = resolutions(selection)[1];
  const { hotspotClasses } = useVocabulary();
  const tr = useT();
  const language = useLanguage();
  const report = useRequest(selection, loadReport, 'the report');
  const summary = useRequest(selection, loadSummary, 'priority locations');
  const hotspots = useRequest(selection, loadHotspots, 'hot spots');
  const trend = useRequest(selection, loadTrend, 'the trend');
  const tri = useRequest(selection.ed.length ? selection : null, loadTriangulation, 'police and hospital data');
  const shapes = useMemo(
    () =>
      hotspots.data
        ? projectCells(
            hotspots.data.cells.map((c) => c.h3),
            640,
            420,
            10,
          )
        : [],
    [hotspots.data],
  );
  const classOf = useMemo(() => new Map((hotspots.data?.cells ?? []).map((c) => [c.h3, c.class])), [hotspots.data]);

  const r = report.data;
  if (!r) return <p className="status-line">{report.error ?? tr('sna.preparing')}</p>;
  const welsh = r.area.wales;
  // A Welsh chapter is wholly Welsh; an English one for an area in Wales is bilingual.
  const h = (k: keyof typeof HEADINGS) =>
    language === 'cy'
      ? tr(HEADINGS[k])
      : welsh
        ? `${tr(HEADINGS[k])} / ${translate('cy', HEADINGS[k])}`
        : tr(HEADINGS[k]);
  const areaName =
    language === 'cy'
      ? (r.area.nameWelsh ?? r.area.name)
      : welsh && r.area.nameWelsh
        ? `${r.area.name} / ${r.area.nameWelsh}`
        : r.area.name;
  const placeName = language === 'cy' ? (r.area.nameWelsh ?? r.area.name) : r.area.name;
  const groupLabels = groups.filter((g) => selection.groups.includes(g.id)).map((g) => g.label);
  const hot = (hotspots.data?.cells ?? []).filter((c) => (c.class ?? 0) >= 2).length;
  const trendData = trend.data;
  let figure = 0;
  const caption = (text: string) => (
    <figcaption>
      {tr('sna.figure', { n: String(++figure) })} {text}
    </figcaption>
  );

  return (
    <article
      className="report sna-report"
      aria-label={tr('sna.chapterLabel')}
      data-welsh={welsh ? 'true' : 'false'}
      data-public={forPublication ? 'true' : 'false'}
    >
      <h1>
        {h('title')}: {areaName}
      </h1>
      {forPublication && <p className="public-banner">{tr('sna.publicBanner')}</p>}
      {[summary, hotspots, trend, tri]
        .map((f) => f.error)
        .filter(Boolean)
        .map((e) => (
          <p key={e} className="form-error">
            {e}
          </p>
        ))}
      <p>{tr('sna.intro', { from, to, date: r.generatedAt.slice(0, 10), area: placeName })}</p>

      <section>
        <h2>{h('definition')}</h2>
        <p>
          {r.definition
            ? tr('sna.definitionVersion', { name: r.definition.name, version: String(r.definition.version) })
            : tr('sna.definitionGroups', { groups: groupLabels.join(', ') })}{' '}
          {tr('sna.definitionHospital')}
        </p>
      </section>

      <section>
        <h2>{h('sources')}</h2>
        <table className="data-table sna-sources">
          <TableHead
            columns={[
              tr('sna.col.dataset'),
              tr('sna.col.legalBasis'),
              tr('sna.col.monthsCovered'),
              tr('sna.col.monthsLow'),
            ]}
            scoped
          />
          <tbody>
            {r.sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.name}
                  {s.restricted && !/restricted/i.test(s.name) && ` ${tr('sna.restricted')}`}
                </th>
                <td>{s.legalBasis}</td>
                <td>
                  {tr('sna.monthsOf', { covered: String(s.monthsCovered), asked: String(s.monthsAsked) })}
                  {s.monthFrom ? ` ${tr('sna.monthRange', { from: s.monthFrom, to: s.monthTo ?? '' })}` : ''}
                </td>
                <td>{lowMonths(s.months)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{tr('sna.lowMonthHint')}</p>
      </section>

      <section>
        <h2>{h('priorities')}</h2>
        {hotspots.data && (
          <figure>
            <svg
              className="change-map"
              viewBox="0 0 640 420"
              role="img"
              aria-label={tr('sna.mapLabel', { area: placeName })}
            >
              <rect width={640} height={420} fill="#f4f6f9" />
              {shapes.map(({ h3, points }) => {
                const c = classOf.get(h3) ?? 0;
                return (
                  <polygon
                    key={h3}
                    points={points}
                    fill={c ? cssColour(CLASS_FILL[c]!) : '#e4e8ee'}
                    stroke="none"
                    data-class={c}
                  />
                );
              })}
            </svg>
            {caption(
              tr('sna.mapCaption', {
                area: placeName,
                from,
                to,
                res: mapRes,
                hot: String(hot),
                classes: hotspotClasses
                  .filter((c) => c.value > 0)
                  .map(
                    (c) => `${c.label.toLowerCase()} ${hotspots.data!.cells.filter((x) => x.class === c.value).length}`,
                  )
                  .join('; '),
              }),
            )}
          </figure>
        )}
        {summary.data && (
          <figure>
            <table className="data-table sna-priorities">
              <TableHead
                columns={[
                  tr('sna.col.rank'),
                  tr('sna.col.location'),
                  tr('sna.col.incidents'),
                  tr('sna.col.giClass'),
                  tr('sna.col.settings500'),
                ]}
                scoped
              />
              <tbody>
                {summary.data.priorities.map((p, i) => (
                  <tr key={p.h3}>
                    <td>{i + 1}</td>
                    <td>
                      {p.name} <code className="cell-id">{p.h3}</code>
                    </td>
                    <td className="number">{n(p.count, summary.data!.threshold)}</td>
                    <td>{p.class === null ? '–' : hotspotClassLabel(hotspotClasses, p.class) || '–'}</td>
                    <NearbyCell nearest={p.nearest} />
                  </tr>
                ))}
              </tbody>
            </table>
            {caption(
              tr('sna.prioritiesCaption', {
                n: String(summary.data.priorities.length),
                count: n(summary.data.count, summary.data.threshold),
                rate:
                  summary.data.rate !== null ? tr('sna.ratePerThousand', { rate: summary.data.rate.toFixed(1) }) : '',
                share:
                  summary.data.concentration.top10 === null
                    ? '–'
                    : `${Math.round(summary.data.concentration.top10 * 100)}%`,
              }),
            )}
          </figure>
        )}
      </section>

      <section>
        <h2>{h('trend')}</h2>
        {trendData && (
          <figure>
            <SeriesChart
              counts={trendData.series.map((s) => s.count)}
              labels={trendData.series.map((s) => s.from.slice(0, 7))}
              threshold={trendData.threshold}
              covered={trendData.series.map((s) => s.coverage !== 'none')}
            />
            <table className="data-table sna-trend">
              <thead>
                <tr>
                  {trendData.series.map((s) => (
                    <th key={s.from} scope="col">
                      {s.from.slice(0, 7)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {trendData.series.map((s) => (
                    <td key={s.from} className="number" data-coverage={s.coverage}>
                      {s.coverage === 'none' ? tr('sna.notCovered') : n(s.count, trendData.threshold)}
                      {s.coverage === 'partial'
                        ? ` ${tr('sna.partialDays', { covered: String(s.coveredDays), days: String(s.days) })}`
                        : ''}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
            {caption(trendCaption(tr, trendData, to))}
            <TextList className="hint trend-notes" items={trendData.notes} />
          </figure>
        )}
      </section>

      {tri.data && (
        <section>
          <h2>{h('triangulation')}</h2>
          <p>{tr('sna.triangulationIntro')}</p>
          <ul>
            {CLASS_STYLES.map((s) => (
              <li key={s.id}>
                {tr('sna.classCells', {
                  label: tr(s.labelKey),
                  n: String(tri.data!.cells.filter((c) => c.class === s.id).length),
                })}
              </li>
            ))}
          </ul>
          <figure>
            <table className="data-table sna-ed-excess">
              <TableHead
                columns={[tr('sna.col.location'), tr('sna.col.police'), tr('sna.col.ed'), tr('sna.col.settings300')]}
                scoped
              />
              <tbody>
                {tri.data.classCells['ed-excess']!.map((c) => (
                  <tr key={c.h3}>
                    <td>
                      {c.name} <code className="cell-id">{c.h3}</code>
                    </td>
                    <td className="number">{n(c.police, tri.data!.threshold)}</td>
                    <td className="number">{n(c.ed, tri.data!.threshold)}</td>
                    <NearbyCell nearest={c.nearest} />
                  </tr>
                ))}
              </tbody>
            </table>
            {caption(tr('sna.edExcessCaption'))}
          </figure>
        </section>
      )}

      <section>
        <h2>{h('disclosure')}</h2>
        <p>
          {forPublication && `${tr('sna.disclosurePublic')} `}
          {r.restricted
            ? tr('sna.disclosureRestricted', { max: r.threshold! - 1, threshold: r.threshold! })
            : tr('sna.disclosureOpen')}
        </p>
        <TextList className="hint" items={r.disclosure.rules} />
      </section>
    </article>
  );
}
