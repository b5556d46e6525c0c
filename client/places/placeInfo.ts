import type { Bbox, Place } from '../api';

type Located = Pick<Place, 'lng' | 'lat'>;

/** How many of the places lie inside the box. */
export function countInBbox(places: readonly Located[], [west, south, east, north]: Bbox): number {
  let inside = 0;
  for (const p of places) if (p.lng >= west && p.lng <= east && p.lat >= south && p.lat <= north) inside++;
  return inside;
}

export function placeTooltipText(
  place: Pick<Place, 'name' | 'note' | 'proxy'>,
  input: { label: string; note: string | null; proxy: boolean },
): string {
  const note = place.note ?? input.note;
  const lines = [place.name, input.proxy || place.proxy ? `${input.label} (stand-in)` : input.label];
  if (note) lines.push(note);
  return lines.join('\n');
}
