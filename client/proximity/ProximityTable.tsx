import { placeTypeLabel } from '../../server/domain/place-types';
import type { ProximityBody } from './proximityTypes';

/** The ranked settings with their counts and their rate against the area's average (1 = as the area). */
export function ProximityTable({ body }: { body: ProximityBody }) {
  return (
    <table className="data-table proximity-ranking">
      <caption>
        {placeTypeLabel(body.type)} ranked by incidents within {body.radius} m, {body.from} to {body.to}
      </caption>
      <thead>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Setting</th>
          <th scope="col">Incidents within {body.radius} m</th>
          <th scope="col">Against the area’s average</th>
        </tr>
      </thead>
      <tbody>
        {body.places.map((p, i) => (
          <tr key={`${p.name}-${p.lat}-${p.lng}`} data-name={p.name}>
            <td>{i + 1}</td>
            <th scope="row">{p.name}</th>
            <td className="number">{p.count ?? <span title="Below the threshold: withheld">withheld</span>}</td>
            <td className="number">{p.ratioToAverage === null ? '–' : `${p.ratioToAverage.toFixed(2)}×`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
