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

/** Section headings, with Welsh for areas in Wales (the guidance expects Welsh-language publication there). */
const HEADINGS = {
  title: ['Serious violence: place chapter', 'Trais difrifol: pennod lle'],
  definition: ['Definition of serious violence', 'Diffiniad o drais difrifol'],
  sources: ['Data sources', 'Ffynonellau data'],
  priorities: ['Priority locations', 'Lleoliadau blaenoriaeth'],
  trend: ['Trends', 'Tueddiadau'],
  triangulation: ['Police and hospital data', "Data'r heddlu a'r ysbyty"],
  disclosure: ['Disclosure control', 'Rheoli datgelu'],
} as const;

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
function trendCaption(t: TrendBody, to: string): string {
  const mk = t.trend.p === null ? t.trend.direction : `${t.trend.direction} (Mann-Kendall, p ${pText(t.trend.p)})`;
  const covered = `${t.trend.n} of ${t.series.length} months covered by the data`;
  const yoy = t.lastVsYearEarlier;
  const year = !yoy.covered
    ? `; the year-earlier month is not covered, so no year-on-year change is given`
    : yoy.percent !== null
      ? `; ${to} was ${yoy.percent > 0 ? 'up' : 'down'} ${Math.abs(yoy.percent).toFixed(0)}% on a year earlier`
      : '';
  const seasonal =
    t.seasonal && t.seasonal.p !== null ? `; seasonal Kendall ${t.seasonal.direction} (p ${pText(t.seasonal.p)})` : '';
  return `Police-recorded serious violence month by month, the 12 months to ${to} (${covered}): ${mk}${seasonal}${year}.`;
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
  if (!r) return <p className="status-line">{report.error ?? 'Preparing the chapter…'}</p>;
  const welsh = r.area.wales;
  const h = (k: keyof typeof HEADINGS) => (welsh ? `${HEADINGS[k][0]} / ${HEADINGS[k][1]}` : HEADINGS[k][0]);
  const areaName = welsh && r.area.nameWelsh ? `${r.area.name} / ${r.area.nameWelsh}` : r.area.name;
  const groupLabels = groups.filter((g) => selection.groups.includes(g.id)).map((g) => g.label);
  const hot = (hotspots.data?.cells ?? []).filter((c) => (c.class ?? 0) >= 2).length;
  const t = trend.data;
  let figure = 0;
  const caption = (text: string) => (
    <figcaption>
      Figure {++figure}. {text}
    </figcaption>
  );

  return (
    <article
      className="report sna-report"
      aria-label="SNA place chapter"
      data-welsh={welsh ? 'true' : 'false'}
      data-public={forPublication ? 'true' : 'false'}
    >
      <h1>
        {h('title')}: {areaName}
      </h1>
      {forPublication && (
        <p className="public-banner">
          Public version, for publication: cells of about 5 km² (H3 resolution 7), counts from restricted data shown
          only from 10, and refuges and children&apos;s homes never named. The server checked every figure against these
          rules before releasing it.
        </p>
      )}
      {[summary, hotspots, trend, tri]
        .map((f) => f.error)
        .filter(Boolean)
        .map((e) => (
          <p key={e} className="form-error">
            {e}
          </p>
        ))}
      <p>
        {from} to {to}. Prepared {r.generatedAt.slice(0, 10)} with hotspot. This chapter describes where serious
        violence concentrates in {r.area.name}, how it has changed, and how police and hospital records compare.
      </p>

      <section>
        <h2>{h('definition')}</h2>
        <p>
          {r.definition
            ? `${r.definition.name}, version ${r.definition.version}.`
            : `Police-recorded offences in these groups: ${groupLabels.join(', ')}.`}{' '}
          Hospital data count assault attendances at emergency departments (ISTV).
        </p>
      </section>

      <section>
        <h2>{h('sources')}</h2>
        <table className="data-table sna-sources">
          <TableHead columns={['Dataset', 'Legal basis', 'Months covered', 'Months flagged as low']} scoped />
          <tbody>
            {r.sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.name}
                  {s.restricted && !/restricted/i.test(s.name) && ' (restricted)'}
                </th>
                <td>{s.legalBasis}</td>
                <td>
                  {s.monthsCovered} of {s.monthsAsked}
                  {s.monthFrom ? ` (${s.monthFrom} to ${s.monthTo})` : ''}
                </td>
                <td>{lowMonths(s.months)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          A month is flagged when its count is implausibly low for the dataset in this area (below 60% of the upper
          quartile of the other months, scaled to its days, and in the 0.1% Poisson tail below that), for example a
          force that under-supplied data that month; a run of short months is flagged month by month.
        </p>
      </section>

      <section>
        <h2>{h('priorities')}</h2>
        {hotspots.data && (
          <figure>
            <svg className="change-map" viewBox="0 0 640 420" role="img" aria-label={`Hot spots in ${r.area.name}`}>
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
              `Getis-Ord Gi* hot and cold spots of police-recorded serious violence in ${r.area.name}, ${from} to ${to}, H3 resolution ${mapRes}: ${hot} cells are hot spots at 95% confidence or more (${hotspotClasses
                .filter((c) => c.value > 0)
                .map(
                  (c) => `${c.label.toLowerCase()} ${hotspots.data!.cells.filter((x) => x.class === c.value).length}`,
                )
                .join('; ')}).`,
            )}
          </figure>
        )}
        {summary.data && (
          <figure>
            <table className="data-table sna-priorities">
              <TableHead
                columns={['#', 'Location (H3 cell)', 'Incidents', 'Gi* class', 'Settings within 500 m']}
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
              `The ${summary.data.priorities.length} priority locations: hot spots first, then by count. ${n(summary.data.count, summary.data.threshold)} incidents in all${summary.data.rate !== null ? `, ${summary.data.rate.toFixed(1)} per 1,000 residents` : ''}; the busiest 10% of cells hold ${summary.data.concentration.top10 === null ? '–' : `${Math.round(summary.data.concentration.top10 * 100)}%`} of them.`,
            )}
          </figure>
        )}
      </section>

      <section>
        <h2>{h('trend')}</h2>
        {t && (
          <figure>
            <SeriesChart
              counts={t.series.map((s) => s.count)}
              labels={t.series.map((s) => s.from.slice(0, 7))}
              threshold={t.threshold}
              covered={t.series.map((s) => s.coverage !== 'none')}
            />
            <table className="data-table sna-trend">
              <thead>
                <tr>
                  {t.series.map((s) => (
                    <th key={s.from} scope="col">
                      {s.from.slice(0, 7)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {t.series.map((s) => (
                    <td key={s.from} className="number" data-coverage={s.coverage}>
                      {s.coverage === 'none' ? 'not covered' : n(s.count, t.threshold)}
                      {s.coverage === 'partial' ? ` (${s.coveredDays} of ${s.days} days)` : ''}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
            {caption(trendCaption(t, to))}
            <TextList className="hint trend-notes" items={t.notes} />
          </figure>
        )}
      </section>

      {tri.data && (
        <section>
          <h2>{h('triangulation')}</h2>
          <p>
            Much violence never reaches the police. Comparing where emergency departments see assault injuries with
            where the police record violence, allowing for the two sources&apos; different volumes:
          </p>
          <ul>
            {CLASS_STYLES.map((s) => (
              <li key={s.id}>
                {s.label}: {tri.data!.cells.filter((c) => c.class === s.id).length} cells.
              </li>
            ))}
          </ul>
          <figure>
            <table className="data-table sna-ed-excess">
              <TableHead
                columns={['Location (H3 cell)', 'Police-recorded', 'ED assaults', 'Settings within 300 m']}
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
            {caption(
              'Places where a significantly larger share of the hospital records than of the police records falls (exact binomial test, false discovery rate 5%): likely unreported violence.',
            )}
          </figure>
        </section>
      )}

      <section>
        <h2>{h('disclosure')}</h2>
        <p>
          {forPublication &&
            "This is the public version of the chapter: its cells are coarse and its thresholds higher than the analysts' version, and no sensitive setting is named. "}
          {r.restricted
            ? `This chapter uses restricted data. Counts from 1 to ${r.threshold! - 1} are not shown ("fewer than ${r.threshold}"); other counts from restricted data carry a small deliberate perturbation (at most 2, the ONS cell key method) so that no small number can be recovered by comparing tables; every total, rate, hot-spot score and trend is computed from those released counts alone, and areas are fixed ones of at least 5,000 residents. No individual record or location leaves the data owner's system.`
            : 'This chapter uses published (open) data only; counts are exact.'}
        </p>
        <TextList className="hint" items={r.disclosure.rules} />
      </section>
    </article>
  );
}
