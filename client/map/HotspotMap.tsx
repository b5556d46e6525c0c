import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Feature, FeatureCollection } from 'geojson';
import { useEffect, useMemo } from 'react';
import type { Place } from '../api';
import type { BoundaryVisibility } from '../geography/boundaryLayers';
import { createPlaceLayers, drawnPlaces, type PlaceLayerInput, placeTooltip } from '../places/placesLayer';
import { tooltip as tooltipContent } from './cellsLayer';
import { SavePngButton } from './SavePngButton';
import './testHook';
import { type MapCamera, type MapFocus, type MapFrameProps, useDeckMap } from './useDeckMap';

export type { MapFocus };

interface HotspotMapProps extends MapFrameProps {
  /** Police force areas. */
  boundaries: FeatureCollection | null;
  lads: FeatureCollection | null;
  lsoas: FeatureCollection | null;
  /** The selected partnership's outline. */
  partnership: { id: number; outline: Feature } | null;
  visibility: BoundaryVisibility;
  places: readonly PlaceLayerInput[];
  /** Where the map is after every move. */
  onMove?: (camera: MapCamera) => void;
  /** The hexagons: counts, Gi* classes or density bands. */
  hexagons: Layer | null;
  /** What the hexagons show, as data attributes (data-view, data-cells-suppressed); stable. */
  describe: Readonly<Record<string, string>>;
  /** The open cell's outline, drawn over the hexagons (stable: useMemo). */
  highlight?: readonly Layer[];
  /** Where the map starts (a shared link's view). */
  initialView?: { center: [number, number]; zoom: number } | null;
  /** A click on the map's layers. */
  onClick?: (info: PickingInfo) => void;
}

const FIT = { padding: 40, duration: 600, maxZoom: 14 };

/**
 * The map page's map: boundaries, hexagons, then places. The container (#map) reports what was
 * drawn: data-status and data-cells-drawn for the hexagons (see useDeckMap), data-places-drawn
 * (JSON, per type) for the places, data-lad-features / data-lsoa-features / data-partnership for
 * the boundaries.
 */
export function HotspotMap(props: HotspotMapProps) {
  const { places, lads, lsoas, partnership, tooltip } = props;
  const placeLayers = useMemo(() => createPlaceLayers(places), [places]);
  const overlays = useMemo(() => [...(props.highlight ?? []), ...placeLayers], [props.highlight, placeLayers]);
  const getTooltip = useMemo(() => {
    const inputs = new Map(places.map((p) => [p.type, p]));
    return (info: PickingInfo) => {
      const place = placeTooltip(info as PickingInfo<Place>, inputs);
      return place ? tooltipContent(place.text) : tooltip(info);
    };
  }, [places, tooltip]);
  const boundaries = useMemo(
    () => ({ pfa: props.boundaries, lad: lads, lsoa: lsoas, partnership: partnership?.outline ?? null }),
    [props.boundaries, lads, lsoas, partnership],
  );

  const { containerRef, mapRef, overlayRef } = useDeckMap({
    hexagons: props.hexagons,
    overlays,
    initialView: props.initialView,
    onClick: props.onClick,
    tooltip: getTooltip,
    boundaries,
    visibility: props.visibility,
    focus: props.focus,
    fit: FIT,
    loading: props.loading,
    failed: props.failed,
    describe: props.describe,
    onMove: props.onMove,
    onAfterRender: (container) => {
      const drawn = drawnPlaces(placeLayers);
      const text = drawn && JSON.stringify(drawn);
      if (text && container.dataset.placesDrawn !== text) container.dataset.placesDrawn = text;
    },
    attach: (map) => {
      window.__hotspotMap = map;
      return () => {
        if (window.__hotspotMap === map) delete window.__hotspotMap;
      };
    },
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    container.dataset.ladFeatures = String(lads?.features.length ?? 0);
    container.dataset.lsoaFeatures = String(lsoas?.features.length ?? 0);
    container.dataset.partnership = partnership ? String(partnership.id) : '';
  }, [containerRef, lads, lsoas, partnership]);

  return (
    <>
      <section id="map" ref={containerRef} className="map" aria-label="Hotspot map" />
      {props.print && (
        <SavePngButton
          map={mapRef}
          overlay={overlayRef}
          print={props.print}
          className="map-print-button"
          disabled={props.loading || props.failed}
        />
      )}
    </>
  );
}
