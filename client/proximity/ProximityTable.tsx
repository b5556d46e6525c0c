import { placeTypeLabel } from '../../server/domain/place-types';
import type { ProximityBody } from './proximityTypes';
import { useT } from '../i18n/language';

/** The ranked settings with their counts and their rate against the area's average (1 = as the area). */
export function ProximityTable({ body }: { body: ProximityBody }) {
  const t = useT();
  const radius = String(body.radius);
  return (
    <table className="data-table proximity-ranking">
      <caption>
        {t('proximity.tableCaption', { type: placeTypeLabel(body.type), radius, from: body.from, to: body.to })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('proximity.col.rank')}</th>
          <th scope="col">{t('proximity.col.setting')}</th>
          <th scope="col">{t('proximity.col.incidents', { radius })}</th>
          <th scope="col">{t('proximity.col.ratio')}</th>
        </tr>
      </thead>
      <tbody>
        {body.places.map((p, i) => (
          <tr key={`${p.name}-${p.lat}-${p.lng}`} data-name={p.name}>
            <td>{i + 1}</td>
            <th scope="row">{p.name}</th>
            <td className="number">
              {p.count ?? <span title={t('proximity.withheldTitle')}>{t('proximity.withheld')}</span>}
            </td>
            <td className="number">{p.ratioToAverage === null ? '–' : `${p.ratioToAverage.toFixed(2)}×`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
