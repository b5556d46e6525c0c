import type { SpaceTimeBody, Vocabulary } from '../api';
import { useLanguage, useT } from '../i18n/language';
import { SeriesChart } from '../panel/SeriesChart';
import { hotspotClassLabel } from '../reference/vocabulary';
import { periodLabel } from './periodLabel';
import { ehsaText, sfhotspotText } from './spaceTimeLayer';

/**
 * One cell's space-time series in its panel: the released count and Gi* class of each period (a
 * withheld count as withheld, a period no dataset covers as missing, never 0) and its overall class.
 */
export function CellSpaceTime(props: {
  h3: string;
  body: SpaceTimeBody | null;
  hotspotClasses: Vocabulary['hotspotClasses'];
}) {
  const t = useT();
  const language = useLanguage();
  const { body } = props;
  if (!body) return <p className="hint">{t('spacetime.cell.loading')}</p>;
  const cell = body.cells.find((c) => c.h3 === props.h3);
  const labels = body.periods.map((p) => periodLabel(p, language));
  const covered = body.coverage.periods.map((p) => p.coverage !== 'none');
  const k = body.threshold;
  return (
    <section className="cell-space-time" aria-labelledby="cell-space-time-title">
      <h3 id="cell-space-time-title">{t('spacetime.cell.title')}</h3>
      {!cell ? (
        <p className="hint">{t('spacetime.cell.absent')}</p>
      ) : (
        <>
          <p>
            {t('spacetime.cell.overall', {
              sfhotspot: sfhotspotText(t, cell.sfhotspot),
              ehsa: ehsaText(t, cell.emerging),
            })}
          </p>
          <SeriesChart counts={cell.counts} labels={labels} threshold={k} covered={covered} />
          <p className="hint">{t('spacetime.cell.chartNote')}</p>
          <table className="data-table cell-space-time-table">
            <thead>
              <tr>
                <th scope="col">{t('spacetime.cell.period')}</th>
                <th scope="col">{t('spacetime.cell.count')}</th>
                <th scope="col">{t('spacetime.cell.class')}</th>
              </tr>
            </thead>
            <tbody>
              {body.periods.map((p, i) => {
                const count = cell.counts[i] ?? null;
                const value = cell.classes[i] ?? null;
                const state = !covered[i] ? 'missing' : count === null ? 'withheld' : 'released';
                return (
                  <tr key={p.from} data-state={state} data-count={count ?? ''}>
                    <th scope="row">{labels[i]}</th>
                    <td>
                      {state === 'missing'
                        ? t('spacetime.cell.missing')
                        : count === null
                          ? k === null
                            ? t('spacetime.cell.withheldNoK')
                            : t('spacetime.cell.withheld', { k })
                          : count.toLocaleString(language === 'cy' ? 'cy' : 'en-GB')}
                    </td>
                    <td>
                      {value === null
                        ? t('spacetime.cell.noClass')
                        : hotspotClassLabel(props.hotspotClasses, value) || String(value)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
