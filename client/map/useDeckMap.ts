import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Feature, FeatureCollection } from 'geojson';
import {
  type FitBoundsOptions,
  type GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { type RefObject, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Bbox } from '../api';
import {
  type BoundaryLayer,
  type BoundaryVisibility,
  DEFAULT_BOUNDARY_VISIBILITY,
  LAYERS_OF,
  SOURCE,
} from '../geography/boundaryLayers';
import type { MapFocus } from '../geography/focus';
import { BASE_STYLE, INITIAL_VIEW } from './baseStyle';
import { drawnHexagons } from './cellsLayer';
import { useBaseMap } from './useBaseMap';
import type { PrintSpec } from './print/printKey';

// The worker is located relative to the library's own URL, which bundling changes.
setWorkerUrl(maplibreWorkerUrl);

export type { MapFocus };

/** deck.gl tooltip content, or null for none. */
export type MapTooltip = { text: string; className?: string; style?: Partial<CSSStyleDeclaration> } | null;

/** Where the map is after a move. */
export interface MapCamera {
  bbox: Bbox;
  zoom: number;
  latitude: number;
  /** The centre, for a link to this view. */
  longitude?: number;
  /** The user moved the map (drag, wheel, buttons), not the app (framing an area or a cell). */
  byUser?: boolean;
}

/** What a map component takes besides its layers and boundaries. */
export interface MapFrameProps {
  /** Framed (fitBounds) when its key changes. */
  focus: MapFocus | null;
  /** The hexagons' tooltip; stable between renders (useCallback). */
  tooltip: (info: PickingInfo) => MapTooltip;
  /** Set while data for the map is being fetched. */
  loading: boolean;
  failed: boolean;
  /** Offers "Save map as PNG (print resolution)": title, legend, caption under the image, file name. */
  print?: PrintSpec;
}

export interface DeckMapProps extends Omit<MapFrameProps, 'print'> {
  /** The hexagon layer, whose drawing the container reports; null = none (yet). */
  hexagons: Layer | null;
  /** Layers drawn over the hexagons (outlines, places). */
  overlays?: readonly Layer[];
  /** GeoJSON for the base style's boundary sources; those not given stay empty. */
  boundaries: Partial<Record<BoundaryLayer, FeatureCollection | Feature | null>>;
  visibility?: BoundaryVisibility;
  /** How a focus is framed. */
  fit: FitBoundsOptions;
  /** Data attributes the container takes with each new hexagon layer (what it shows); stable (useMemo). */
  describe?: Readonly<Record<string, string>>;
  /** After each deck.gl frame, to report what else was drawn. */
  onAfterRender?: (container: HTMLElement) => void;
  /** After the map loads and after each move. */
  onMove?: (camera: MapCamera) => void;
  /** Given each new map; returns what undoes it (test hooks, linking maps). */
  attach?: (map: MapLibreMap) => () => void;
  /** Where the map starts (a shared link's view) instead of the default. */
  initialView?: { center: [number, number]; zoom: number } | null;
  /** A click on the deck.gl layers (what was picked, if anything). */
  onClick?: (info: PickingInfo) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const NO_LAYERS: readonly Layer[] = [];
const BOUNDARY_LAYERS = Object.keys(SOURCE) as BoundaryLayer[];

const statusOf = (loading: boolean, failed: boolean, pending: RefObject<Layer | null | undefined>) =>
  failed ? 'error' : loading ? 'loading' : pending.current === undefined ? 'ready' : 'drawing';

/**
 * One map, as the map page and the linked maps draw it: the air-gapped MapLibre base style with
 * its boundary sources, and a deck.gl overlay of hexagons with layers over them. The container
 * reports what was drawn: data-status ("loading", "error", "drawing", then "ready" once the
 * current hexagon layer has been drawn) and data-cells-drawn (the hexagons submitted for drawing).
 * The drawing buffer is kept, so that the map can be saved as a PNG (printPng.ts).
 */
export function useDeckMap(props: DeckMapProps) {
  const { hexagons, overlays = NO_LAYERS, tooltip, boundaries, focus, loading, failed, describe } = props;
  const visibility = props.visibility ?? DEFAULT_BOUNDARY_VISIBILITY;
  const containerRef = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  // The offline base map's names (drawn over the hexagons), or none when a tile base map is set.
  const baseLabels = useBaseMap(mapRef, styleReady);
  /** The hexagon layer not yet reported drawn; undefined once it has been. */
  const pendingRef = useRef<Layer | null | undefined>(undefined);
  /** What each GeoJSON source last received, so unchanged data is not sent again. */
  const appliedRef = useRef(new Map<BoundaryLayer, unknown>());

  const reportStatus = useEffectEvent(() => {
    if (containerRef.current) containerRef.current.dataset.status = statusOf(props.loading, props.failed, pendingRef);
  });

  const afterRender = useEffectEvent(() => {
    const container = containerRef.current;
    if (!container) return;
    props.onAfterRender?.(container);
    const pending = pendingRef.current;
    if (pending === undefined) return;
    const drawn = pending ? drawnHexagons(pending) : 0;
    if (drawn === null) return;
    pendingRef.current = undefined;
    container.dataset.cellsDrawn = String(drawn);
    reportStatus();
  });

  const moved = useEffectEvent((map: MapLibreMap, byUser = false) => {
    const b = map.getBounds();
    props.onMove?.({
      bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      zoom: map.getZoom(),
      latitude: map.getCenter().lat,
      longitude: map.getCenter().lng,
      byUser,
    });
  });

  const clicked = useEffectEvent((info: PickingInfo) => props.onClick?.(info));

  const attach = useEffectEvent((map: MapLibreMap) => props.attach?.(map));
  // Read once, when the map is made: later views come from moves, not from this prop.
  const initialView = useRef(props.initialView);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = new MapLibreMap({
      container,
      style: BASE_STYLE,
      center: initialView.current?.center ?? INITIAL_VIEW.center,
      zoom: initialView.current?.zoom ?? INITIAL_VIEW.zoom,
      attributionControl: false,
      canvasContextAttributes: { antialias: false, preserveDrawingBuffer: true },
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => afterRender(),
      onClick: (info) => clicked(info),
    });
    map.addControl(overlay);
    map.on('load', () => {
      setStyleReady(true);
      moved(map);
    });
    // A move the user made carries the event that made it; framing by the app does not.
    map.on('moveend', (event) => moved(map, 'originalEvent' in event && event.originalEvent !== undefined));
    mapRef.current = map;
    overlayRef.current = overlay;
    const detach = attach(map);
    const applied = appliedRef.current;
    return () => {
      detach?.();
      setStyleReady(false);
      applied.clear();
      mapRef.current = null;
      overlayRef.current = null;
      map.remove();
    };
  }, []);

  // Boundary data and visibility, once the style has loaded.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const layer of BOUNDARY_LAYERS) {
      const next = boundaries[layer] ?? EMPTY;
      if (appliedRef.current.get(layer) === next) continue;
      (map.getSource(SOURCE[layer]) as GeoJSONSource | undefined)?.setData(next);
      appliedRef.current.set(layer, next);
    }
    for (const layer of BOUNDARY_LAYERS) {
      const value = visibility[layer] ? 'visible' : 'none';
      for (const id of LAYERS_OF[layer])
        if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== value)
          map.setLayoutProperty(id, 'visibility', value);
    }
  }, [styleReady, boundaries, visibility]);

  const frame = useEffectEvent(() => {
    const map = mapRef.current;
    if (!map || !props.focus) return;
    const [west, south, east, north] = props.focus.bbox;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      props.focus.padding ? { ...props.fit, padding: props.focus.padding } : props.fit,
    );
  });
  const focusKey = focus?.key ?? null;
  useEffect(() => {
    if (focusKey !== null) frame();
  }, [focusKey]);

  // A new hexagon layer: the container says what it shows, and is drawing until deck.gl has drawn it.
  useEffect(() => {
    const container = containerRef.current;
    pendingRef.current = hexagons;
    if (container && describe) Object.assign(container.dataset, describe);
    reportStatus();
  }, [hexagons, describe]);

  useEffect(() => {
    overlayRef.current?.setProps({
      layers: [...(hexagons ? [hexagons] : []), ...overlays, ...baseLabels],
      getTooltip: tooltip,
    });
    // Ensure a frame is rendered even if deck.gl considers nothing else changed.
    mapRef.current?.triggerRepaint();
  }, [hexagons, overlays, tooltip, baseLabels]);

  useEffect(() => {
    if (containerRef.current) containerRef.current.dataset.status = statusOf(loading, failed, pendingRef);
  }, [loading, failed]);

  return { containerRef, mapRef, overlayRef };
}
