import type { ReviewBody } from '../api';
import { TableHead } from '../controls/TableHead';
import { useChangeClassName } from '../reference/vocabulary';
import { useT } from '../i18n/language';

type Watched = ReviewBody['review']['results']['watched'][number];

/** The watch-list: each location's class and count when it was added and now. */
export function WatchedTable(props: {
  watched: readonly Watched[];
  columns: readonly [string, string, string, string];
  caption?: string;
  /** Names only (on screen); a printed report gives each cell's id after its name. */
  short?: boolean;
  /** A count as shown (withheld ones included). */
  shown: (n: number | null) => string;
  /** Each location's name for people, by cell id. */
  names: Readonly<Record<string, string>>;
}) {
  const name = useChangeClassName();
  const t = useT();
  const state = (s: Watched['then']) => (s ? `${name(s.class)} (${props.shown(s.current)})` : t('panel.watched.none'));
  return (
    <table className="data-table">
      {props.caption && <caption className="hint">{props.caption}</caption>}
      <TableHead columns={props.columns} />
      <tbody>
        {props.watched.map((w) => (
          <tr key={w.h3} data-h3={w.h3}>
            <td title={w.h3}>
              {props.names[w.h3] ?? w.h3}
              {!props.short && <span className="hint cell-id"> {w.h3}</span>}
            </td>
            <td>{w.reason ?? ''}</td>
            <td>{state(w.then)}</td>
            <td>{state(w.now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
