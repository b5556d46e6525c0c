import type { PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Feature, FeatureCollection } from 'geojson';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useMemo, useRef, useState } from 'react';
import { SavePngButton } from '../compare/SavePngButton';
import type { Bbox, Cell, CellsBody, DensityBody, DensityCell, HotspotCell, HotspotsBody, Place } from '../api';
import { createDensityLayer, DENSITY_LAYER_ID, densityTooltip } from '../density/densityLayer';
import { createHotspotLayer, HOTSPOT_LAYER_ID, hotspotTooltip } from '../hotspots/hotspotLayer';
import { LAYERS_OF, SOURCE, type BoundaryLayer, type BoundaryVisibility } from '../geography/boundaryLayers';
import { createPlaceLayers, drawnPlaces, placeTooltip, type PlaceLayerInput } from '../places/placesLayer';
import { BASE_STYLE, INITIAL_VIEW } from './baseStyle';
import {
  CELLS_LAYER_ID,
  cellTooltip,
  countSuppressed,
  createCellsLayer,
  drawnHexagons,
  outlinesVisible,
  tooltip,
} from './cellsLayer';
import './testHook';

// The worker is located relative to the library's own URL, which bundling changes.
setWorkerUrl(maplibreWorkerUrl);

export interface MapFocus {
  /** A new key moves the map, even to the same box. */
  key: string;
  bbox: Bbox;
}

interface HotspotMapProps {
  /** Police force areas. */
  boundaries: FeatureCollection | null;
  lads: FeatureCollection | null;
  lsoas: FeatureCollection | null;
  /** The selected partnership's outline. */
  partnership: { id: number; outline: Feature } | null;
  visibility: BoundaryVisibility;
  places: readonly PlaceLayerInput[];
  /** Where to zoom to (fitBounds) when its key changes. */
  focus: MapFocus | null;
  /** The visible box after every move. */
  onViewChange?: (bbox: Bbox) => void;
  cells: CellsBody | null;
  /** Gi* classes: drawn instead of the counts when given. */
  hotspots?: HotspotsBody | null;
  /** Kernel density bands: drawn instead of the counts when given. */
  density?: DensityBody | null;
  /** Set while data for the map is being fetched. */
  loading: boolean;
  failed: boolean;
  /** Offers "Save map as PNG (print resolution)" with this caption under the image. */
  print?: { caption: string; fileName: string };
}

type HexLayer =
  | ReturnType<typeof createCellsLayer>
  | ReturnType<typeof createHotspotLayer>
  | ReturnType<typeof createDensityLayer>;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * MapLibre base map (boundaries) with a deck.gl overlay (hexagons, then places). The container
 * (#map) reports what was actually drawn: data-cells-drawn / data-cells-suppressed and
 * data-status="ready" for the hexagons, data-places-drawn (JSON, per type) for the places,
 * data-lad-features / data-lsoa-features / data-partnership for the boundaries.
 */
export function HotspotMap(props: HotspotMapProps) {
  const { cells, hotspots, density, loading, failed, places, focus } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const styleReadyRef = useRef(false);
  const pendingRef = useRef<{ layer: HexLayer | null; suppressed: number } | null>(null);
  const pendingPlacesRef = useRef<ReturnType<typeof createPlaceLayers> | null>(null);
  /** Whether the latest cells have been drawn. */
  const drawnRef = useRef(false);
  const busyRef = useRef(loading || failed);
  busyRef.current = loading || failed;
  const propsRef = useRef(props);
  propsRef.current = props;
  /** The map's zoom and centre latitude, kept when a zoom ends (for whether hexagons are outlined). */
  const [view, setView] = useState({ zoom: INITIAL_VIEW.zoom, latitude: INITIAL_VIEW.center[1] });
  /** What each GeoJSON source last received, so unchanged data is not sent again. */
  const appliedRef = useRef(new Map<string, unknown>());

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({
      container,
      style: BASE_STYLE,
      center: INITIAL_VIEW.center,
      zoom: INITIAL_VIEW.zoom,
      attributionControl: false,
      // The drawing buffer is kept so that the map can be saved as a PNG (compare/printPng.ts).
      canvasContextAttributes: { antialias: false, preserveDrawingBuffer: true },
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => reportDrawn(container),
    });
    map.addControl(overlay);
    const reportView = () => {
      const b = map.getBounds();
      propsRef.current.onViewChange?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    };
    map.on('load', () => {
      styleReadyRef.current = true;
      syncBoundaries(map);
      reportView();
    });
    map.on('moveend', reportView);
    map.on('zoomend', () => setView({ zoom: map.getZoom(), latitude: map.getCenter().lat }));
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__hotspotMap = map;
    return () => {
      if (window.__hotspotMap === map) delete window.__hotspotMap;
      styleReadyRef.current = false;
      appliedRef.current.clear();
      overlayRef.current = null;
      mapRef.current = null;
      map.remove();
    };
  }, []);

  /** After a deck.gl render: once the current layers are drawn, publish what was drawn. */
  function reportDrawn(container: HTMLElement) {
    const pendingPlaces = pendingPlacesRef.current;
    if (pendingPlaces) {
      const drawn = drawnPlaces(pendingPlaces);
      if (drawn) {
        pendingPlacesRef.current = null;
        container.dataset.placesDrawn = JSON.stringify(drawn);
      }
    }
    const pending = pendingRef.current;
    if (!pending) return;
    const drawn = pending.layer ? drawnHexagons(pending.layer as ReturnType<typeof createCellsLayer>) : 0;
    if (drawn === null) return;
    pendingRef.current = null;
    drawnRef.current = true;
    container.dataset.cellsDrawn = String(drawn);
    container.dataset.cellsSuppressed = String(pending.suppressed);
    if (!busyRef.current) container.dataset.status = 'ready';
  }

  /** Pushes the boundary data and visibility in props to the map's sources and layers. */
  function syncBoundaries(map: MapLibreMap) {
    if (!styleReadyRef.current) return;
    const { boundaries, lads, lsoas, partnership, visibility } = propsRef.current;
    const container = containerRef.current;
    const partnershipData = partnership ? partnership.outline : null;
    const data: Record<BoundaryLayer, FeatureCollection | Feature | null> = {
      pfa: boundaries,
      lad: lads,
      lsoa: lsoas,
      partnership: partnershipData,
    };
    for (const layer of Object.keys(data) as BoundaryLayer[]) {
      const next = data[layer] ?? EMPTY;
      if (appliedRef.current.get(layer) === next) continue;
      const source = map.getSource(SOURCE[layer]) as GeoJSONSource | undefined;
      if (!source) continue;
      source.setData(next);
      appliedRef.current.set(layer, next);
    }
    for (const layer of Object.keys(LAYERS_OF) as BoundaryLayer[]) {
      const value = visibility[layer] ? 'visible' : 'none';
      for (const id of LAYERS_OF[layer]) {
        if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== value)
          map.setLayoutProperty(id, 'visibility', value);
      }
    }
    if (container) {
      container.dataset.ladFeatures = String(lads?.features.length ?? 0);
      container.dataset.lsoaFeatures = String(lsoas?.features.length ?? 0);
      container.dataset.partnership = partnership ? String(partnership.id) : '';
    }
  }

  useEffect(() => {
    const map = mapRef.current;
    if (map) syncBoundaries(map);
  }, [props.boundaries, props.lads, props.lsoas, props.partnership, props.visibility]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const [west, south, east, north] = focus.bbox;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 40, duration: 600, maxZoom: 14 },
    );
  }, [focus?.key]);

  const shown = hotspots ?? density ?? cells;
  const outlined = cells ? outlinesVisible(cells.res, view.zoom, view.latitude) : true;
  const cellsLayer = useMemo(
    (): HexLayer | null =>
      hotspots
        ? createHotspotLayer(hotspots)
        : density
          ? createDensityLayer(density)
          : cells
            ? createCellsLayer(cells, outlined)
            : null,
    [cells, hotspots, density, outlined],
  );
  const placeLayers = useMemo(() => createPlaceLayers(places), [places]);
  const placeInputs = useMemo(() => new Map(places.map((p) => [p.type, p])), [places]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    pendingRef.current = {
      layer: cellsLayer,
      suppressed: hotspots ? countSuppressed(hotspots.cells) : cells && !density ? countSuppressed(cells.cells) : 0,
    };
    drawnRef.current = false;
    container.dataset.view = hotspots ? 'hotspots' : density ? 'density' : 'counts';
    if (!busyRef.current) container.dataset.status = 'drawing';
  }, [cellsLayer]);

  useEffect(() => {
    pendingPlacesRef.current = placeLayers;
  }, [placeLayers]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay) return;
    const threshold = shown?.threshold ?? null;
    overlay.setProps({
      layers: [...(cellsLayer ? [cellsLayer] : []), ...placeLayers],
      getTooltip: (info: PickingInfo) => {
        if (info.layer?.id === CELLS_LAYER_ID) return cellTooltip(info as PickingInfo<Cell>, threshold);
        if (info.layer?.id === HOTSPOT_LAYER_ID) return hotspotTooltip(info as PickingInfo<HotspotCell>, threshold);
        if (info.layer?.id === DENSITY_LAYER_ID) return densityTooltip(info as PickingInfo<DensityCell>);
        const place = placeTooltip(info as PickingInfo<Place>, placeInputs);
        return place ? tooltip(place.text) : null;
      },
    });
    // Ensure a frame is rendered even if deck.gl considers nothing else changed.
    mapRef.current?.triggerRepaint();
  }, [cellsLayer, placeLayers, placeInputs]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    if (failed) container.dataset.status = 'error';
    else if (loading) container.dataset.status = 'loading';
    else container.dataset.status = drawnRef.current ? 'ready' : 'drawing';
  }, [loading, failed]);

  return (
    <>
      <div id="map" ref={containerRef} className="map" role="region" aria-label="Hotspot map" />
      {props.print && (
        <SavePngButton
          map={mapRef}
          overlay={overlayRef}
          print={props.print}
          className="map-print-button"
          disabled={loading || failed}
        />
      )}
    </>
  );
}
