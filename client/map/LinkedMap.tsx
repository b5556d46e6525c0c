import type { Layer } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo } from 'react';
import { SavePngButton } from './SavePngButton';
import { type MapFrameProps, useDeckMap } from './useDeckMap';

declare global {
  interface Window {
    /** The compare and Police and ED pages' live maps by id, for browser tests. */
    __compareMaps?: Record<string, MapLibreMap>;
  }
}

export interface LinkedMapProps extends MapFrameProps {
  /** Names the map for tests (data-map-id) and the test hook. */
  id: string;
  label: string;
  /** The hexagon layer, whose drawing is reported, or null while there is none. */
  layer: Layer | null;
  /** Layers drawn over it (outlines). */
  overlays?: readonly Layer[];
  forceAreas: FeatureCollection | null;
  lads: FeatureCollection | null;
  /** Outlines drawn thick over everything: the areas compared, and so their shared boundary. */
  emphasis: FeatureCollection | null;
  /** Links the map to others (they pan and zoom together); returns what unlinks it. */
  link?: (map: MapLibreMap) => () => void;
}

const FIT = { padding: 24, duration: 0, maxZoom: 13 };

/**
 * A map of the Compare and Police and ED pages: one hexagon layer over the compared areas'
 * outlines, panning and zooming with the maps it is linked to. The container reports
 * data-status and data-cells-drawn (see useDeckMap).
 */
export function LinkedMap(props: LinkedMapProps) {
  const { id, forceAreas, lads, emphasis, link } = props;
  const boundaries = useMemo(
    () => ({ pfa: forceAreas, lad: lads, partnership: emphasis }),
    [forceAreas, lads, emphasis],
  );
  const { containerRef, mapRef, overlayRef } = useDeckMap({
    hexagons: props.layer,
    overlays: props.overlays,
    tooltip: props.tooltip,
    boundaries,
    focus: props.focus,
    fit: FIT,
    loading: props.loading,
    failed: props.failed,
    attach: (map) => {
      const unlink = link?.(map);
      window.__compareMaps = { ...window.__compareMaps, [id]: map };
      return () => {
        unlink?.();
        if (window.__compareMaps?.[id] === map) delete window.__compareMaps[id];
      };
    },
  });

  return (
    <>
      <section className="linked-map" data-map-id={id} ref={containerRef} aria-label={props.label} />
      {props.print && (
        <SavePngButton map={mapRef} overlay={overlayRef} print={props.print} className="link-button no-print" />
      )}
    </>
  );
}
