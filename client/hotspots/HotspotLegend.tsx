import type { HotspotsBody } from '../api';
import { cssColour } from '../map/colourScale';
import { LegendDefinition } from '../map/Legend';
import { CLASS_FILL, CLASS_LABELS } from './hotspotColours';

/** Key to the Gi* classes, with how many cells fall in each and the method used. */
export function HotspotLegend({
  body,
  definition,
  area,
}: {
  body: HotspotsBody | null;
  definition: readonly string[];
  area: string | null;
}) {
  if (!body) return null;
  const counts = new Map<number, number>();
  for (const cell of body.cells) if (cell.class !== null) counts.set(cell.class, (counts.get(cell.class) ?? 0) + 1);
  return (
    <section className="legend" aria-label="Map legend">
      <h2>Hot and cold spots (Getis-Ord Gi*)</h2>
      <p className="hint">
        {body.from} to {body.to} · H3 resolution {body.res} · {body.k}-ring neighbours
      </p>
      <p className="hint legend-area">{area ? `Area: ${area}` : ''}</p>
      <ul className="legend-scale legend-classes">
        {CLASS_LABELS.map(([c, label]) => (
          <li key={c}>
            <span
              className="swatch"
              style={{ background: c === 0 ? 'transparent' : cssColour(CLASS_FILL[c]!), border: '1px solid #8895a7' }}
            />
            {label} <span className="hint">({(counts.get(c) ?? 0).toLocaleString('en-GB')})</span>
          </li>
        ))}
      </ul>
      <p className="hint">
        {body.cells.length.toLocaleString('en-GB')} cells in the area, zero counts included. Confidence after a
        false-discovery-rate correction.
        {body.disclosure.note && ` ${body.disclosure.note}`}
      </p>
      <LegendDefinition definition={definition} />
    </section>
  );
}
