import type { DensityBody } from '../api';
import { cssColour } from '../map/colourScale';
import { LegendDefinition } from '../map/Legend';
import { BAND_FILL, BAND_LABELS } from './densityColours';

/** Key to the density bands, with the kernel and bandwidth used. */
export function DensityLegend({
  body,
  definition,
  area,
}: {
  body: DensityBody | null;
  definition: readonly string[];
  area: string | null;
}) {
  if (!body) return null;
  const counts = new Map<number, number>();
  for (const cell of body.cells) counts.set(cell.band, (counts.get(cell.band) ?? 0) + 1);
  return (
    <section className="legend" aria-label="Map legend">
      <h2>Kernel density (quartic)</h2>
      <p className="hint">
        {body.from} to {body.to} · H3 resolution {body.res} · bandwidth{' '}
        {Math.round(body.bandwidth).toLocaleString('en-GB')} m
      </p>
      <p className="hint legend-area">{area ? `Area: ${area}` : ''}</p>
      <ul className="legend-scale legend-classes">
        {BAND_LABELS.map((label, band) => (
          <li key={band}>
            <span
              className="swatch"
              style={{
                background: band === 0 ? 'transparent' : cssColour(BAND_FILL[band]!),
                border: '1px solid #8895a7',
              }}
            />
            {label} <span className="hint">({(counts.get(band) ?? 0).toLocaleString('en-GB')})</span>
          </li>
        ))}
      </ul>
      <p className="hint">
        Bands are fifths of the area's cells with any density. {body.method.bandwidth}.
        {body.disclosure.note && ` ${body.disclosure.note}`}
      </p>
      <LegendDefinition definition={definition} />
    </section>
  );
}
