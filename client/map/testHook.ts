import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The live MapLibre map, for browser tests (queryRenderedFeatures, getBounds). */
    __hotspotMap?: MapLibreMap;
  }
}

export {};
