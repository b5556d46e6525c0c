import { labelOf, useVocabulary } from '../reference/vocabulary';

type Nearest = readonly { type: string; name: string; distance: number }[];

/** The nearest setting of each type to a location, nearest first, or a dash. */
export function NearbyList({ nearest }: { nearest: Nearest }) {
  const { placeTypes } = useVocabulary();
  if (nearest.length === 0) return <>—</>;
  return (
    <>
      {nearest.map((n) => (
        <div key={n.type}>
          {n.name}{' '}
          <span className="hint">
            ({labelOf(placeTypes, n.type)}, {Math.round(n.distance)} m)
          </span>
        </div>
      ))}
    </>
  );
}

/** A table cell listing the settings near a location. */
export function NearbyCell({ nearest }: { nearest: Nearest }) {
  return (
    <td>
      <NearbyList nearest={nearest} />
    </td>
  );
}
