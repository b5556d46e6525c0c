import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans/latin-ext-600.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import type { Layer } from '@deck.gl/core';
import { AttributionControl, type Map as MapLibreMap } from 'maplibre-gl';
import { type RefObject, useEffect, useState } from 'react';
import { baseLabelLayer, LABEL_FONT } from './baseLabelLayer';
import { type BaseMapSetting, baseMapSetting, fetchBaseLabels } from './baseMapApi';
import { applyBaseMap } from './baseMapLayers';

const NONE: readonly Layer[] = [];

/** Credit for the bundled layers every map draws (boundaries, and the offline names). */
const OFFLINE_CREDIT = 'Contains OS data © Crown copyright; ONS data under OGL v3';

/** The view widened by half on each side, so a small pan needs no new names. */
function widened(map: MapLibreMap): number[] {
  const b = map.getBounds();
  const dx = (b.getEast() - b.getWest()) / 2;
  const dy = (b.getNorth() - b.getSouth()) / 2;
  return [b.getWest() - dx, b.getSouth() - dy, b.getEast() + dx, b.getNorth() + dy].map(
    (v) => Math.round(v * 1e3) / 1e3,
  );
}

/** The font the names are drawn in, loaded before deck.gl draws its glyph atlas (else it falls back). */
const fontReady = Promise.all([
  document.fonts.load(`600 16px ${LABEL_FONT}`),
  document.fonts.load(`700 16px ${LABEL_FONT}`),
]).catch(() => undefined);

/**
 * The base map under a map's data: a configured one added to MapLibre (applyBaseMap), or the
 * offline base map's names for the current view, as deck.gl layers to draw over the hexagons.
 * Names are fetched again when the zoom changes by half a step or the view leaves the area
 * they were fetched for.
 */
export function useBaseMap(mapRef: RefObject<MapLibreMap | null>, styleReady: boolean): readonly Layer[] {
  const [setting, setSetting] = useState<BaseMapSetting | null>(null);
  const [layers, setLayers] = useState<readonly Layer[]>(NONE);

  useEffect(() => {
    let live = true;
    baseMapSetting()
      .then((s) => live && setSetting(s))
      // Without the setting the offline base map is still right: it needs no one's permission.
      .catch(() => live && setSetting({ kind: 'offline' }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !setting) return;
    const credit = setting.kind === 'offline' ? `${OFFLINE_CREDIT}; place names © GeoNames, CC BY 4.0` : OFFLINE_CREDIT;
    const attribution = new AttributionControl({ compact: true, customAttribution: credit });
    map.addControl(attribution, 'bottom-left');
    if (setting.kind !== 'offline') {
      applyBaseMap(map, setting).catch((e: unknown) => console.warn('base map not drawn', e));
      return () => {
        map.removeControl(attribution);
      };
    }
    let fetched: { bbox: number[]; zoom: number } | null = null;
    let controller: AbortController | null = null;
    const refresh = () => {
      const zoom = Math.floor(map.getZoom() * 2) / 2;
      const b = map.getBounds();
      const inside =
        fetched &&
        fetched.zoom === zoom &&
        b.getWest() >= fetched.bbox[0]! &&
        b.getSouth() >= fetched.bbox[1]! &&
        b.getEast() <= fetched.bbox[2]! &&
        b.getNorth() <= fetched.bbox[3]!;
      if (inside) return;
      const bbox = widened(map);
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      Promise.all([fetchBaseLabels(bbox, zoom, mine.signal), fontReady])
        .then(([body]) => {
          if (mine.signal.aborted) return;
          fetched = { bbox, zoom };
          setLayers(baseLabelLayer(body.labels));
        })
        .catch(() => undefined); // a page without names is still a map
    };
    refresh();
    map.on('moveend', refresh);
    return () => {
      map.off('moveend', refresh);
      controller?.abort();
      map.removeControl(attribution);
    };
  }, [mapRef, styleReady, setting]);

  return layers;
}
