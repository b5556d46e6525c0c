import type { CompareArea, CompareBody } from '../api';
import { CONCENTRATION_NOTE, giniText, top10Text } from '../concentration/format';
import { lowMonths } from '../controls/format';
import { useChangeClassName } from '../reference/vocabulary';
import { type Translate, useT } from '../i18n/language';

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined
    ? '–'
    : n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

function change(c: CompareArea['previous'], className: (id: string) => string, t: Translate) {
  if (c.coverage === 'none') return t('compare.table.noData', { from: c.from, to: c.to });
  if (c.count === null) return 'fewer than k';
  const percent = c.percent === null ? '' : ` (${c.percent > 0 ? '+' : ''}${c.percent.toFixed(1)}%)`;
  return `${fmt(c.count)}${percent}, ${className(c.class ?? '').toLowerCase()}${c.coverage === 'partial' ? t('compare.table.someDatasets') : ''}`;
}

/** The comparison as a table: the figures PCC staff compare, one row per area (also the accessible form of the funnel plot). */
export function CompareTable({
  body,
  names,
  threshold,
}: {
  body: CompareBody;
  names: ReadonlyMap<string, string>;
  threshold: number | null;
}) {
  const metrics = body.areas[0]?.metrics ?? [];
  const className = useChangeClassName();
  const t = useT();
  return (
    // The table scrolls sideways within the page, so it takes focus: keyboard users can scroll it too (WCAG 2.1.1).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll by keyboard
    <table className="data-table compare-table" tabIndex={0}>
      <caption className="hint">
        {body.from} to {body.to}. Rates per 1,000 residents (mid-2020) with exact 95% intervals; change on the period
        before and on a year earlier by an exact test. Funnel plot: the area against the limits drawn by default (
        {body.funnelLimits.drawn === 'poisson' ? 'exact Poisson' : 'adjusted for over-dispersion'}).{' '}
        {CONCENTRATION_NOTE}
        {threshold !== null && ` Restricted data: counts below ${threshold} withheld, others perturbed slightly.`}
        {body.areas
          .filter((a) => a.coverage)
          .map((a) => ` * ${names.get(a.area) ?? a.area}: ${a.coverage}.`)
          .join('')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('compare.table.rank')}</th>
          <th scope="col">{t('compare.table.area')}</th>
          <th scope="col">{t('compare.table.incidents')}</th>
          <th scope="col">{t('compare.table.residents')}</th>
          <th scope="col">{t('compare.table.rate')}</th>
          <th scope="col">{t('compare.table.funnel')}</th>
          <th scope="col">{t('compare.table.previous')}</th>
          <th scope="col">{t('compare.table.yearEarlier')}</th>
          <th scope="col">{t('compare.table.top10')}</th>
          <th scope="col">{t('compare.table.gini')}</th>
          <th scope="col">{t('compare.table.inHotspots')}</th>
          <th scope="col">{t('compare.table.lowMonths')}</th>
          {metrics.map((m) => (
            <th scope="col" key={m.preset} title={m.name}>
              {m.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {body.areas.map((a) => (
          <tr key={a.area} data-area={a.area}>
            <td className="number">{a.rank ?? '–'}</td>
            <th scope="row">{names.get(a.area) ?? a.area}</th>
            <td className="number" title={a.coverage ?? undefined}>
              {!a.covered
                ? t('compare.table.notCovered')
                : a.count === null
                  ? t('compare.table.fewerThan', { k: String(threshold) })
                  : fmt(a.count)}
              {a.covered && a.coverage ? ' *' : ''}
            </td>
            <td
              className="number"
              title={a.populationBase === 'ons' ? 'ONS mid-2020' : "apportioned to the area's cells"}
            >
              {fmt(a.population)}
              {a.populationBase === 'cover' ? ' (cells)' : ''}
            </td>
            <td className="number">
              {a.rate ? `${fmt(a.rate.rate, 2)} (${fmt(a.rate.lower, 2)}–${fmt(a.rate.upper, 2)})` : '–'}
            </td>
            <td>{a.funnel.position ?? '–'}</td>
            <td title={a.previous.note ?? undefined}>{change(a.previous, className, t)}</td>
            <td title={a.yearEarlier.note ?? undefined}>{change(a.yearEarlier, className, t)}</td>
            <td className="number">{top10Text(a.concentration)}</td>
            <td className="number">{giniText(a.concentration)}</td>
            <td className="number">{pct(a.shareInHotspots)}</td>
            <td>{lowMonths(a.months)}</td>
            {a.metrics.map((m) => (
              <td key={m.preset} className="number" title={m.note ?? `from ${m.datasets.join(', ')}`}>
                {m.count === null
                  ? m.note
                    ? t('compare.table.notRecorded')
                    : t('compare.table.fewerThan', { k: String(threshold) })
                  : `${fmt(m.count)}${m.rate ? ` (${fmt(m.rate.rate, 2)})` : ''}`}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
