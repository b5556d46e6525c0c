import type { PickingInfo } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { RankedPlace } from './proximityTypes';

export const PROXIMITY_LAYER_ID = 'proximity-settings';

type Rgb = [number, number, number];
const TOP: Rgb = [178, 24, 43];
const LOW: Rgb = [253, 219, 199];
const WITHHELD: [number, number, number, number] = [150, 150, 150, 200];

/** Darker and larger for higher ranks, so the first few stand out on the map. */
export function rankColour(rank: number, of: number): Rgb {
  const t = of <= 1 ? 0 : rank / (of - 1);
  return TOP.map((c, i) => Math.round(c + (LOW[i]! - c) * t)) as Rgb;
}

/** The ranked settings as circles, drawn in reverse rank so the first is on top. */
export function createProximityLayer(places: readonly RankedPlace[]): ScatterplotLayer<RankedPlace & { rank: number }> {
  const ranked = places.map((p, i) => ({ ...p, rank: i })).reverse();
  return new ScatterplotLayer({
    id: PROXIMITY_LAYER_ID,
    data: ranked,
    getPosition: (p) => [p.lng, p.lat],
    getRadius: (p) => Math.max(5, 12 - p.rank / 3),
    radiusUnits: 'pixels',
    // A withheld count ranks on its stand-in, so its colour would claim a rank it may not have: grey.
    getFillColor: (p) => (p.count === null ? WITHHELD : [...rankColour(p.rank, places.length), 230]),
    getLineColor: [40, 40, 40, 255],
    lineWidthMinPixels: 1,
    stroked: true,
    pickable: true,
  });
}

export function proximityTooltip(info: PickingInfo<RankedPlace & { rank: number }>) {
  const p = info.object;
  if (!p || info.layer?.id !== PROXIMITY_LAYER_ID) return null;
  const count = p.count === null ? 'withheld (below the threshold)' : String(p.count);
  return { text: `#${p.rank + 1} ${p.name}\nIncidents nearby: ${count}` };
}
