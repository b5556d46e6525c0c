import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { FeatureCollection } from 'geojson';
import { Map as MapLibreMap, NavigationControl, ScaleControl, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { SOURCE } from '../geography/boundaryLayers';
import { BASE_STYLE, INITIAL_VIEW } from '../map/baseStyle';
import { drawnHexagons } from '../map/cellsLayer';
import type { MapFocus } from '../map/HotspotMap';
import type { MapSync } from './mapSync';
import { SavePngButton } from './SavePngButton';

declare global {
  interface Window {
    /** The compare view's live maps by id, for browser tests. */
    __compareMaps?: Record<string, MapLibreMap>;
  }
}

interface LinkedMapProps {
  /** Names the map for tests (data-map-id) and the test hook. */
  id: string;
  label: string;
  /** The hexagon layers to draw (the first is the one whose drawing is reported), or null while there are none. */
  layer: Layer | null;
  /** Layers drawn over it (outlines). */
  overlays?: readonly Layer[];
  tooltip: (info: PickingInfo) => { text: string } | null;
  forceAreas: FeatureCollection | null;
  lads: FeatureCollection | null;
  /** Outlines drawn thick over everything: the areas compared, and so their shared boundary. */
  emphasis: FeatureCollection | null;
  focus: MapFocus | null;
  sync: MapSync;
  loading: boolean;
  failed: boolean;
  /** Offers "Save as PNG (print resolution)" with this caption under the image, and this file name. */
  print?: { caption: string; fileName: string };
}

/**
 * A map of the compare view: the air-gapped base style, one deck.gl hexagon layer, and the
 * compared areas' outlines; pans and zooms with the other maps of its `sync`. The container
 * reports data-status ("ready" once the layer is drawn) and data-cells-drawn.
 */
export function LinkedMap(props: LinkedMapProps) {
  const { id, layer, tooltip, focus, sync, loading, failed } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const readyRef = useRef(false);
  const pendingRef = useRef<Layer | null | undefined>(undefined);
  const busyRef = useRef(loading || failed);
  busyRef.current = loading || failed;
  const propsRef = useRef(props);
  propsRef.current = props;

  const syncSources = () => {
    const map = mapRef.current;
    if (!map || !readyRef.current) return;
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const { forceAreas, lads, emphasis } = propsRef.current;
    (map.getSource(SOURCE.pfa) as GeoJSONSource | undefined)?.setData(forceAreas ?? empty);
    (map.getSource(SOURCE.lad) as GeoJSONSource | undefined)?.setData(lads ?? empty);
    (map.getSource(SOURCE.partnership) as GeoJSONSource | undefined)?.setData(emphasis ?? empty);
  };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // The drawing buffer is kept so that the map can be saved as a PNG (printPng.ts).
    const map = new MapLibreMap({
      container,
      style: BASE_STYLE,
      center: INITIAL_VIEW.center,
      zoom: INITIAL_VIEW.zoom,
      attributionControl: false,
      canvasContextAttributes: { antialias: false, preserveDrawingBuffer: true },
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => {
        const pending = pendingRef.current;
        if (pending === undefined) return;
        const drawn = pending ? drawnHexagons(pending as never) : 0;
        if (drawn === null) return;
        pendingRef.current = undefined;
        container.dataset.cellsDrawn = String(drawn);
        if (!busyRef.current) container.dataset.status = 'ready';
      },
    });
    map.addControl(overlay);
    map.on('load', () => {
      readyRef.current = true;
      syncSources();
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    const unlink = sync.add(map);
    window.__compareMaps = { ...window.__compareMaps, [id]: map };
    return () => {
      unlink();
      if (window.__compareMaps?.[id] === map) delete window.__compareMaps[id];
      readyRef.current = false;
      mapRef.current = null;
      overlayRef.current = null;
      map.remove();
    };
  }, [id, sync]);

  useEffect(syncSources, [props.forceAreas, props.lads, props.emphasis]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const [west, south, east, north] = focus.bbox;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 24, duration: 0, maxZoom: 13 },
    );
  }, [focus?.key]);

  useEffect(() => {
    const container = containerRef.current;
    pendingRef.current = layer;
    if (container && !busyRef.current) container.dataset.status = 'drawing';
    overlayRef.current?.setProps({ layers: layer ? [layer, ...(props.overlays ?? [])] : [], getTooltip: tooltip });
    mapRef.current?.triggerRepaint();
  }, [layer, props.overlays, tooltip]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    if (failed) container.dataset.status = 'error';
    else if (loading) container.dataset.status = 'loading';
    else if (pendingRef.current === undefined) container.dataset.status = 'ready';
  }, [loading, failed]);

  return (
    <>
      <div className="linked-map" data-map-id={id} ref={containerRef} role="region" aria-label={props.label} />
      {props.print && (
        <SavePngButton map={mapRef} overlay={overlayRef} print={props.print} className="link-button no-print" />
      )}
    </>
  );
}
