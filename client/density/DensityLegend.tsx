import type { DensityBody } from '../api';
import { ClassLegend } from '../map/Legend';
import { BAND_FILL, BAND_LABELS } from './densityColours';

const metres = (m: number | null) => (m === null ? '–' : `${Math.round(m).toLocaleString('en-GB')} m`);

/** Key to the density bands, with the kernel and bandwidth used and other tools' defaults beside it. */
export function DensityLegend(props: { body: DensityBody | null; definition: readonly string[]; area: string | null }) {
  if (!props.body) return null;
  return <ClassLegend {...densityLegendContent(props.body)} area={props.area} definition={props.definition} />;
}

/** What the density legend says (on screen and in a saved image). */
export function densityLegendContent(body: DensityBody) {
  const counts = new Map<number, number>();
  for (const cell of body.cells) counts.set(cell.band, (counts.get(cell.band) ?? 0) + 1);
  return {
    title: 'Kernel density (quartic)',
    subtitle: `${body.from} to ${body.to} · H3 resolution ${body.res}${body.sampleRes !== body.res ? ` (drawn at ${body.sampleRes})` : ''} · bandwidth ${metres(body.bandwidth)}`,
    classes: BAND_LABELS.map((label, band) => ({
      key: label,
      label,
      fill: band === 0 ? null : (BAND_FILL[band] ?? null),
      count: counts.get(band) ?? 0,
    })),
    note: `Bands are fifths of the area's cells with any density. Bandwidth: ${body.method.bandwidth}. Defaults for these points: this rule ${metres(body.bandwidths.rule)}, sfhotspot ${metres(body.bandwidths.sfhotspot)}, ArcGIS ${metres(body.bandwidths.arcgis)}. Sampled ${body.method.sampled}.${body.disclosure.note ? ` ${body.disclosure.note}` : ''}`,
  };
}
