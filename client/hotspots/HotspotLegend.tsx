import type { HotspotsBody, Vocabulary } from '../api';
import { ClassLegend } from '../map/Legend';
import { CLASS_FILL } from './hotspotColours';

/** Key to the Gi* classes, with how many cells fall in each and the method used. */
export function HotspotLegend(props: {
  body: HotspotsBody | null;
  classes: Vocabulary['hotspotClasses'];
  definition: readonly string[];
  area: string | null;
}) {
  if (!props.body) return null;
  return (
    <ClassLegend {...hotspotLegendContent(props.body, props.classes)} area={props.area} definition={props.definition} />
  );
}

/** What the Gi* legend says (on screen and in a saved image). */
export function hotspotLegendContent(body: HotspotsBody, vocabulary: Vocabulary['hotspotClasses']) {
  const counts = new Map<number, number>();
  for (const cell of body.cells) if (cell.class !== null) counts.set(cell.class, (counts.get(cell.class) ?? 0) + 1);
  return {
    title: 'Hot and cold spots (Getis-Ord Gi*)',
    subtitle: `${body.from} to ${body.to} · H3 resolution ${body.res} · ${body.k}-ring neighbours · ${body.inference === 'permutation' ? 'permutation p' : 'normal p'}`,
    classes: vocabulary.map((c) => ({
      key: c.value,
      label: c.label,
      fill: c.value === 0 ? null : (CLASS_FILL[c.value] ?? null),
      count: counts.get(c.value) ?? 0,
    })),
    note: [
      body.coldSpots.note,
      body.coverage.note && `Region: ${body.coverage.note}.`,
      body.sourcesNote && `Sources: ${body.sourcesNote}.`,
      `${body.cells.length.toLocaleString('en-GB')} cells in the area, zero counts included. Confidence after a false-discovery-rate correction.`,
      `Neighbours: ${body.method.weights}.`,
      `p-values: ${body.method.inference}.`,
      body.disclosure.note,
    ]
      .filter(Boolean)
      .join(' '),
  };
}
