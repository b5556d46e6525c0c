import type { Map as MapLibreMap } from 'maplibre-gl';

// A module (it has an import), so this adds to the global Window type.
declare global {
  interface Window {
    /** The live MapLibre map, for browser tests (queryRenderedFeatures, getBounds). */
    __hotspotMap?: MapLibreMap;
  }
}
