import type { SummaryBody } from '../api';
import { giniText, top10Text } from '../concentration/format';
import { TableHead } from '../controls/TableHead';
import { NearbyCell } from '../places/NearbyList';
import { hotspotClassLabel, useVocabulary } from '../reference/vocabulary';
import { giClassLabel } from '../hotspots/HotspotLegend';
import { type Translate, useLanguage, useT } from '../i18n/language';

/** Confidence of each Gi* class, for short class names (the server's full wording is in the title). */
const CONFIDENCE: Record<number, number> = { 3: 99, 2: 95, 1: 90, [-1]: 90, [-2]: 95, [-3]: 99 };

/** "Hot 99%", "n.s.", "Cold 90%": a class name for a narrow table. */
function shortClass(t: Translate, value: number): string {
  if (value === 0) return t('map.shortClass.ns');
  return t(value > 0 ? 'map.shortClass.hot' : 'map.shortClass.cold', { p: CONFIDENCE[value] ?? 0 });
}

function percent(v: number | null): string {
  return v === null ? '–' : `${Math.round(v * 100)}%`;
}

/**
 * The area's priority locations as a table: the accessible alternative to the map, and what a
 * panel reads first. Each row: Gi* class, incidents, rate, nearest settings.
 */
export function PriorityTable({
  summary,
  loading,
  error,
  onSelect,
  selected,
}: {
  summary: SummaryBody | null;
  loading: boolean;
  error: string | null;
  /** A row clicked or chosen with Enter: the map flies to its cell and opens its panel. */
  onSelect?: (h3: string) => void;
  /** The cell whose panel is open. */
  selected?: string | null;
}) {
  const { hotspotClasses } = useVocabulary();
  const t = useT();
  const language = useLanguage();
  return (
    <section className="control-group priorities" aria-labelledby="priorities-title">
      <h2 id="priorities-title" className="control-label">
        {t('map.priorities.title')}
      </h2>
      {error && <p className="form-error">{error}</p>}
      {loading && !summary && <p className="hint">{t('common.loading')}</p>}
      {summary && (
        <>
          <p className="hint">
            {!summary.covered
              ? t('map.priorities.notCovered')
              : summary.count === null
                ? t('map.priorities.belowThreshold')
                : t('map.priorities.incidents', { n: summary.count })}
            {summary.rate !== null &&
              t('map.priorities.rate', {
                rate: summary.rate.toFixed(1),
                population: summary.population,
                base: t(summary.populationBase === 'ons' ? 'map.priorities.onsBase' : 'map.priorities.apportionedBase'),
              })}
            {summary.shareOfForce !== null &&
              t('map.priorities.shareOfForce', { share: percent(summary.shareOfForce) })}
            {summary.concentration.top10 !== null &&
              t('map.priorities.concentration', {
                top: top10Text(summary.concentration),
                gini: giniText(summary.concentration),
              })}
          </p>
          <p className="hint" title={summary.method.cells}>
            {summary.method.count}.
          </p>
          {summary.coverage && (
            <p className="hint coverage-note">{t('map.priorities.leftOut', { note: summary.coverage })}</p>
          )}
          <table className="data-table priority-table">
            <caption className="hint">
              {t('map.priorities.caption', { n: summary.priorities.length, res: summary.res })}
              {onSelect && t('map.priorities.chooseRow')}
            </caption>
            <TableHead
              columns={[
                '#',
                t('map.priorities.location'),
                t('map.priorities.class'),
                t('map.priorities.incidentsHead'),
                t('map.priorities.nearby'),
              ]}
              scoped
            />
            <tbody>
              {summary.priorities.map((p, i) => (
                <tr
                  key={p.h3}
                  data-h3={p.h3}
                  className={onSelect ? `priority-row${p.h3 === selected ? ' selected' : ''}` : undefined}
                  tabIndex={onSelect ? 0 : undefined}
                  aria-current={p.h3 === selected ? 'true' : undefined}
                  onClick={onSelect && (() => onSelect(p.h3))}
                  onKeyDown={
                    onSelect &&
                    ((event) => {
                      if (event.key !== 'Enter' && event.key !== ' ') return;
                      event.preventDefault();
                      onSelect(p.h3);
                    })
                  }
                >
                  <td>{i + 1}</td>
                  <td title={t('map.priorities.cellTitle', { h3: p.h3 })}>{p.name}</td>
                  <td
                    title={
                      p.class === null
                        ? t('map.priorities.classWithheld')
                        : giClassLabel(t, language, p.class, hotspotClassLabel(hotspotClasses, p.class))
                    }
                  >
                    {p.class === null ? '–' : shortClass(t, p.class)}
                  </td>
                  <td>{p.count === null ? `< ${summary.threshold}` : t('common.number', { n: p.count })}</td>
                  <NearbyCell nearest={p.nearest} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
