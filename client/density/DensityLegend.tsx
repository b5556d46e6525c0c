import type { DensityBody } from '../api';
import { ClassLegend } from '../map/Legend';
import { BAND_FILL, BAND_LABELS } from './densityColours';

/** Key to the density bands, with the kernel and bandwidth used. */
export function DensityLegend(props: { body: DensityBody | null; definition: readonly string[]; area: string | null }) {
  const { body } = props;
  if (!body) return null;
  const counts = new Map<number, number>();
  for (const cell of body.cells) counts.set(cell.band, (counts.get(cell.band) ?? 0) + 1);
  return (
    <ClassLegend
      title="Kernel density (quartic)"
      subtitle={`${body.from} to ${body.to} · H3 resolution ${body.res} · bandwidth ${Math.round(body.bandwidth).toLocaleString('en-GB')} m`}
      area={props.area}
      classes={BAND_LABELS.map((label, band) => ({
        key: label,
        label,
        fill: band === 0 ? null : (BAND_FILL[band] ?? null),
        count: counts.get(band) ?? 0,
      }))}
      note={`Bands are fifths of the area's cells with any density. ${body.method.bandwidth}.${body.disclosure.note ? ` ${body.disclosure.note}` : ''}`}
      definition={props.definition}
    />
  );
}
