import { MapboxOverlay } from '@deck.gl/mapbox';
import type { FeatureCollection } from 'geojson';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { CellsBody } from '../api';
import { BASE_STYLE, BOUNDARY_SOURCE, INITIAL_VIEW } from './baseStyle';
import { cellTooltip, countSuppressed, createCellsLayer, drawnHexagons } from './cellsLayer';

// The worker is located relative to the library's own URL, which bundling changes.
setWorkerUrl(maplibreWorkerUrl);

interface HotspotMapProps {
  boundaries: FeatureCollection | null;
  cells: CellsBody | null;
  /** Set while data for the map is being fetched. */
  loading: boolean;
  failed: boolean;
}

/**
 * MapLibre base map with a deck.gl hexagon overlay. The container (#map) reports what was
 * actually drawn in data-cells-drawn / data-cells-suppressed and data-status="ready".
 */
export function HotspotMap({ boundaries, cells, loading, failed }: HotspotMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const pendingRef = useRef<{ layer: ReturnType<typeof createCellsLayer> | null; suppressed: number } | null>(null);
  /** Whether the latest cells have been drawn. */
  const drawnRef = useRef(false);
  const busyRef = useRef(loading || failed);
  busyRef.current = loading || failed;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({
      container,
      style: BASE_STYLE,
      center: INITIAL_VIEW.center,
      zoom: INITIAL_VIEW.zoom,
      attributionControl: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => reportDrawn(container),
    });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    return () => {
      overlayRef.current = null;
      mapRef.current = null;
      map.remove();
    };
  }, []);

  /** After a deck.gl render: once the current cells layer is drawn, publish what was drawn. */
  function reportDrawn(container: HTMLElement) {
    const pending = pendingRef.current;
    if (!pending) return;
    const drawn = pending.layer ? drawnHexagons(pending.layer) : 0;
    if (drawn === null) return;
    pendingRef.current = null;
    drawnRef.current = true;
    container.dataset.cellsDrawn = String(drawn);
    container.dataset.cellsSuppressed = String(pending.suppressed);
    if (!busyRef.current) container.dataset.status = 'ready';
  }

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !boundaries) return;
    const apply = () => (map.getSource(BOUNDARY_SOURCE) as GeoJSONSource | undefined)?.setData(boundaries);
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [boundaries]);

  useEffect(() => {
    const overlay = overlayRef.current;
    const container = containerRef.current;
    if (!overlay || !container) return;
    const layer = cells ? createCellsLayer(cells) : null;
    const threshold = cells?.threshold ?? null;
    pendingRef.current = { layer, suppressed: cells ? countSuppressed(cells.cells) : 0 };
    drawnRef.current = false;
    if (!busyRef.current) container.dataset.status = 'drawing';
    overlay.setProps({
      layers: layer ? [layer] : [],
      getTooltip: (info) => cellTooltip(info, threshold),
    });
    // Ensure a frame is rendered even if deck.gl considers nothing else changed.
    mapRef.current?.triggerRepaint();
  }, [cells]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    if (failed) container.dataset.status = 'error';
    else if (loading) container.dataset.status = 'loading';
    else container.dataset.status = drawnRef.current ? 'ready' : 'drawing';
  }, [loading, failed]);

  return <div id="map" ref={containerRef} className="map" role="region" aria-label="Hotspot map" />;
}
