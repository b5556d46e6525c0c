import type { MapCamera } from '../map/useDeckMap';
import type { MapAt } from '../selection/selection';

/** The map's view as a link holds it (undefined until the map has reported its centre). */
export const mapAtOf = (camera: MapCamera): MapAt | undefined =>
  camera.longitude === undefined ? undefined : { lat: camera.latitude, lng: camera.longitude, zoom: camera.zoom };
