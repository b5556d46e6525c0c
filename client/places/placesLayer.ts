import type { PickingInfo } from '@deck.gl/core';
import { IconLayer } from '@deck.gl/layers';
import type { Place } from '../api';
import { placeTooltipText } from './placeInfo';
import { iconAtlas } from './placeIcons';
import type { PlaceStyle } from './placeStyles';

export const PLACES_LAYER_PREFIX = 'places-';

/** One kind of place to draw. */
export interface PlaceLayerInput {
  type: string;
  label: string;
  /** The type's note (stand-in / proxy explanation), used when a place has none of its own. */
  note: string | null;
  proxy: boolean;
  style: PlaceStyle;
  places: readonly Place[];
}

/** One icon layer per type (so each reports its own count), drawn above the hexagons. */
export function createPlaceLayers(inputs: readonly PlaceLayerInput[]): IconLayer<Place>[] {
  if (inputs.length === 0) return [];
  const atlas = iconAtlas(inputs.map((input) => input.style));
  return inputs.map(
    (input) =>
      new IconLayer<Place>({
        id: `${PLACES_LAYER_PREFIX}${input.type}`,
        data: input.places,
        iconAtlas: atlas.url,
        iconMapping: atlas.mapping,
        getIcon: () => input.style.key,
        getPosition: (place) => [place.lng, place.lat],
        getSize: input.style.size,
        sizeUnits: 'pixels',
        pickable: true,
        alphaCutoff: 0.1,
      }),
  );
}

/** Places drawn per type, or null while a layer (or its icons) has not been drawn yet. */
export function drawnPlaces(layers: readonly IconLayer<Place>[]): Record<string, number> | null {
  const drawn: Record<string, number> = {};
  for (const layer of layers) {
    if (!layer.internalState || !layer.isLoaded) return null;
    drawn[layer.id.slice(PLACES_LAYER_PREFIX.length)] = layer.getNumInstances();
  }
  return drawn;
}

export function placeTooltip(info: PickingInfo<Place>, inputs: ReadonlyMap<string, PlaceLayerInput>) {
  const place = info.object;
  const id = info.layer?.id;
  if (!place || !id?.startsWith(PLACES_LAYER_PREFIX)) return null;
  const input = inputs.get(id.slice(PLACES_LAYER_PREFIX.length));
  if (!input) return null;
  return { text: placeTooltipText(place, input) };
}
