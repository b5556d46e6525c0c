const TYPE_LABELS: Record<string, string> = {
  school: 'School',
  'licensed-premises': 'Licensed premises',
  prison: 'Prison',
  'hospital-ed': 'Emergency department',
};

/** The nearest setting of each type to a location, nearest first, or a dash. */
export function NearbyList({ nearest }: { nearest: readonly { type: string; name: string; distance: number }[] }) {
  if (nearest.length === 0) return <>—</>;
  return (
    <>
      {nearest.map((n) => (
        <div key={n.type}>
          {n.name}{' '}
          <span className="hint">
            ({TYPE_LABELS[n.type] ?? n.type}, {Math.round(n.distance)} m)
          </span>
        </div>
      ))}
    </>
  );
}
