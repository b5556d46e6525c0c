import type { TriangulationBody } from '../api';
import { TableHead } from '../controls/TableHead';
import { NearbyCell } from '../places/NearbyList';
import { type MessageKey, useT } from '../i18n/language';
import { CLASS_STYLES } from './bivariate';

const CLASS_WORDS: Record<string, MessageKey> = {
  'ed-excess': 'triangulation.difference.edExcess',
  'police-excess': 'triangulation.difference.policeExcess',
  'both-hot': 'triangulation.difference.bothHot',
  none: 'triangulation.difference.none',
};

/** The cells of each class with nearby settings, the local authorities, and the ED records by setting, weapon and time. */
export function TriangulationTables({ body, names }: { body: TriangulationBody; names: ReadonlyMap<string, string> }) {
  const tr = useT();
  const t = body.threshold;
  const b = body.breakdown;
  /** A count, or "fewer than k" where it is withheld (as countOrFewer, in the interface's language). */
  const n = (value: number | null | undefined, threshold: number | null) =>
    value === null || value === undefined
      ? tr('cell.fewerThan', { k: threshold === null ? 'k' : String(threshold) })
      : tr('common.number', { n: value });
  const word = (cls: string) => {
    const key = CLASS_WORDS[cls];
    return key ? tr(key) : undefined;
  };
  return (
    <>
      {CLASS_STYLES.map((s) => (
        <section key={s.id} className="admin-section" aria-label={tr(s.labelKey)}>
          <h2>{tr(s.labelKey)}</h2>
          {body.classCells[s.id]!.length === 0 ? (
            <p className="hint">{tr('triangulation.noCell')}</p>
          ) : (
            <table className="data-table triangulation-cells" data-class={s.id}>
              <TableHead
                columns={[
                  tr('triangulation.col.location'),
                  tr('triangulation.col.localAuthority'),
                  tr('triangulation.col.police'),
                  tr('triangulation.col.ed'),
                  tr('triangulation.col.nearby'),
                ]}
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
      <section className="admin-section triangulation-breakdown" aria-label={tr('triangulation.breakdownSection')}>
        <h2>{tr('triangulation.byLocalAuthority')}</h2>
        <table className="data-table triangulation-areas">
          <TableHead
            columns={[
              tr('triangulation.col.localAuthority'),
              tr('triangulation.col.police'),
              tr('triangulation.col.ed'),
              tr('triangulation.col.edShare'),
              tr('triangulation.col.difference'),
            ]}
            scoped
          />
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
                <td>{a.class ? word(a.class) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="breakdown-row">
          {(
            [
              ['triangulation.breakdown.bySetting', b.bySetting],
              ['triangulation.breakdown.byWeapon', b.byWeapon],
            ] as const
          ).map(([title, rows]) => (
            <table key={title} className="data-table breakdown">
              <caption className="hint">{tr(title, { total: n(b.edTotal, t) })}</caption>
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
            <caption className="hint">{tr('triangulation.nte.caption')}</caption>
            <TableHead
              columns={[
                tr('triangulation.col.records'),
                tr('triangulation.col.nightTimeEconomy'),
                tr('triangulation.col.rest'),
              ]}
              scoped
            />
            <tbody>
              {(
                [
                  ['triangulation.col.ed', b.nightTimeEconomy.ed],
                  ['triangulation.col.police', b.nightTimeEconomy.police],
                ] as const
              ).map(([label, split]) => (
                <tr key={label}>
                  <th scope="row">{tr(label)}</th>
                  {split ? (
                    <>
                      <td className="number">{n(split.nightTimeEconomy, t)}</td>
                      <td className="number">{n(split.rest, t)}</td>
                    </>
                  ) : (
                    <td colSpan={2}>{tr('triangulation.nte.noTimes')}</td>
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
