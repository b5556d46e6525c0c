import type { SummaryBody } from '../api';
import { NearbyList } from '../places/NearbyList';

/** Short class names for a narrow table (the full wording is in the title). */
const SHORT_CLASS: Record<number, string> = {
  3: 'Hot 99%',
  2: 'Hot 95%',
  1: 'Hot 90%',
  0: 'n.s.',
  [-1]: 'Cold 90%',
  [-2]: 'Cold 95%',
  [-3]: 'Cold 99%',
};
const CLASS_TITLE: Record<number, string> = {
  3: 'Hot spot, 99% confidence',
  2: 'Hot spot, 95% confidence',
  1: 'Hot spot, 90% confidence',
  0: 'Not significant',
  [-1]: 'Cold spot, 90% confidence',
  [-2]: 'Cold spot, 95% confidence',
  [-3]: 'Cold spot, 99% confidence',
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
}: {
  summary: SummaryBody | null;
  loading: boolean;
  error: string | null;
}) {
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
            {summary.count === null ? 'Fewer than the threshold' : summary.count.toLocaleString('en-GB')} incidents
            {summary.rate !== null && ` · ${summary.rate.toFixed(1)} per 1,000 residents`}
            {summary.shareOfForce !== null && ` · ${percent(summary.shareOfForce)} of the force area`}
            {summary.concentration.top10 !== null &&
              ` · busiest 10% of cells hold ${percent(summary.concentration.top10)}`}
          </p>
          <table className="data-table priority-table">
            <caption className="hint">
              Top {summary.priorities.length} cells by hot-spot class, then count (H3 resolution {summary.res})
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Class</th>
                <th scope="col">Incidents</th>
                <th scope="col">Nearby (500 m)</th>
              </tr>
            </thead>
            <tbody>
              {summary.priorities.map((p, i) => (
                <tr key={p.h3} data-h3={p.h3}>
                  <td>{i + 1}</td>
                  <td title={p.class === null ? 'Class withheld: data too sparse' : CLASS_TITLE[p.class]}>
                    {p.class === null ? '–' : SHORT_CLASS[p.class]}
                  </td>
                  <td>{p.count === null ? `< ${summary.threshold}` : p.count.toLocaleString('en-GB')}</td>
                  <td>
                    <NearbyList nearest={p.nearest} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
