import type { TriangulationBody } from '../api';
import { countOrFewer as n } from '../controls/format';
import { TableHead } from '../controls/TableHead';
import { NearbyCell } from '../places/NearbyList';
import { CLASS_STYLES } from './bivariate';
const CLASS_WORDS: Record<string, string> = {
  'ed-excess': 'more ED',
  'police-excess': 'more police',
  'both-hot': 'hot in both',
  none: 'no difference',
};

/** The cells of each class with nearby settings, the local authorities, and the ED records by setting, weapon and time. */
export function TriangulationTables({ body, names }: { body: TriangulationBody; names: ReadonlyMap<string, string> }) {
  const t = body.threshold;
  const b = body.breakdown;
  return (
    <>
      {CLASS_STYLES.map((s) => (
        <section key={s.id} className="admin-section" aria-label={s.label}>
          <h2>{s.label}</h2>
          {body.classCells[s.id]!.length === 0 ? (
            <p className="hint">No cell.</p>
          ) : (
            <table className="data-table triangulation-cells" data-class={s.id}>
              <TableHead
                columns={['Location (H3 cell)', 'Local authority', 'Police-recorded', 'ED assaults', 'Nearby (300 m)']}
                scoped
              />
              <tbody>
                {body.classCells[s.id]!.map((c) => (
                  <tr key={c.h3} data-h3={c.h3}>
                    <td>
                      {c.name} <code className="cell-id">{c.h3}</code>
                    </td>
                    <td>{c.lad ? (names.get(`lad:${c.lad}`) ?? c.lad) : '–'}</td>
                    <td className="number">{n(c.police, t)}</td>
                    <td className="number">{n(c.ed, t)}</td>
                    <NearbyCell nearest={c.nearest} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <section className="admin-section triangulation-breakdown" aria-label="By area, setting and weapon">
        <h2>By local authority</h2>
        <table className="data-table triangulation-areas">
          <TableHead columns={['Local authority', 'Police-recorded', 'ED assaults', 'ED share', 'Difference']} scoped />
          <tbody>
            {body.areas.map((a) => (
              <tr key={a.lad} data-lad={a.lad}>
                <th scope="row">{names.get(`lad:${a.lad}`) ?? a.lad}</th>
                <td className="number">{n(a.police, t)}</td>
                <td className="number">{n(a.ed, t)}</td>
                <td className="number">
                  {a.police !== null && a.ed !== null && a.police + a.ed > 0
                    ? `${((a.ed / (a.police + a.ed)) * 100).toFixed(1)}%`
                    : '–'}
                </td>
                <td>{a.class ? CLASS_WORDS[a.class] : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="breakdown-row">
          {(
            [
              ['By setting', b.bySetting],
              ['By weapon', b.byWeapon],
            ] as const
          ).map(([title, rows]) => (
            <table key={title} className="data-table breakdown">
              <caption className="hint">
                ED assaults {title.toLowerCase()} (of {n(b.edTotal, t)})
              </caption>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.value}>
                    <th scope="row">{r.value}</th>
                    <td className="number">{n(r.count, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          <table className="data-table breakdown nte">
            <caption className="hint">Night-time economy (Friday and Saturday, 22:00-04:00)</caption>
            <TableHead columns={['Records', 'Night-time economy', 'Rest of the week']} scoped />
            <tbody>
              {(
                [
                  ['ED assaults', b.nightTimeEconomy.ed],
                  ['Police-recorded', b.nightTimeEconomy.police],
                ] as const
              ).map(([label, split]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {split ? (
                    <>
                      <td className="number">{n(split.nightTimeEconomy, t)}</td>
                      <td className="number">{n(split.rest, t)}</td>
                    </>
                  ) : (
                    <td colSpan={2}>no times in these data</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
