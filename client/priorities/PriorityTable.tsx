import type { SummaryBody } from '../api';
import { giniText, top10Text } from '../concentration/format';
import { TableHead } from '../controls/TableHead';
import { NearbyCell } from '../places/NearbyList';
import { hotspotClassLabel, useVocabulary } from '../reference/vocabulary';

/** Short class names for a narrow table (the server's full wording is in the title). */
const SHORT_CLASS: Record<number, string> = {
  3: 'Hot 99%',
  2: 'Hot 95%',
  1: 'Hot 90%',
  0: 'n.s.',
  [-1]: 'Cold 90%',
  [-2]: 'Cold 95%',
  [-3]: 'Cold 99%',
};

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
  return (
    <section className="control-group priorities" aria-labelledby="priorities-title">
      <h2 id="priorities-title" className="control-label">
        Priority locations
      </h2>
      {error && <p className="form-error">{error}</p>}
      {loading && !summary && <p className="hint">Loading…</p>}
      {summary && (
        <>
          <p className="hint">
            {!summary.covered
              ? 'Not covered by the selected datasets: no count'
              : summary.count === null
                ? 'Fewer than the threshold incidents'
                : `${summary.count.toLocaleString('en-GB')} incidents`}
            {summary.rate !== null &&
              ` · ${summary.rate.toFixed(1)} per 1,000 residents (${summary.population.toLocaleString('en-GB')}, ${summary.populationBase === 'ons' ? 'ONS mid-2020' : "apportioned to the area's cells"})`}
            {summary.shareOfForce !== null && ` · ${percent(summary.shareOfForce)} of the force area`}
            {summary.concentration.top10 !== null &&
              ` · busiest 10% of cells hold ${top10Text(summary.concentration)} · Gini ${giniText(summary.concentration)}`}
          </p>
          <p className="hint" title={summary.method.cells}>
            {summary.method.count}.
          </p>
          {summary.coverage && <p className="hint coverage-note">Left out: {summary.coverage}.</p>}
          <table className="data-table priority-table">
            <caption className="hint">
              Top {summary.priorities.length} cells by hot-spot class, then count (H3 resolution {summary.res})
              {onSelect && '; choose a row to show its cell on the map'}
            </caption>
            <TableHead columns={['#', 'Location', 'Class', 'Incidents', 'Nearby (500 m)']} scoped />
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
                  <td title={`H3 cell ${p.h3}`}>{p.name}</td>
                  <td
                    title={
                      p.class === null ? 'Class withheld: data too sparse' : hotspotClassLabel(hotspotClasses, p.class)
                    }
                  >
                    {p.class === null ? '–' : SHORT_CLASS[p.class]}
                  </td>
                  <td>{p.count === null ? `< ${summary.threshold}` : p.count.toLocaleString('en-GB')}</td>
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
