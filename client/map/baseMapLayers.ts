import type { LayerSpecification, Map as MapLibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { addProtocol } from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import { LAYER } from '../geography/boundaryLayers';
import type { BaseMapSetting } from './baseMapApi';

/** Base map layers go above the land fill's place in the stack and under every boundary line. */
const BENEATH = LAYER.lsoaFill;
const PREFIX = 'base-map:';

let protocol: Protocol | undefined;
/** MapLibre reads pmtiles:// URLs through the pmtiles package, in byte ranges of one file. */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** The URL the app serves a dropped PMTiles file at (same origin). */
export const pmtilesUrl = (file: string) => `${location.origin}/api/base-map/pmtiles/${encodeURIComponent(file)}`;

/** A plain drawing of any vector tiles: water and land use as fills, everything else as thin lines. */
function genericVectorLayers(source: string, layerIds: readonly string[]): LayerSpecification[] {
  return layerIds.flatMap((layer): LayerSpecification[] => [
    {
      id: `${PREFIX}${layer}-fill`,
      type: 'fill',
      source,
      'source-layer': layer,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': /water|ocean|sea/i.test(layer) ? '#b9d3e6' : '#e9ecef', 'fill-opacity': 0.8 },
    },
    {
      id: `${PREFIX}${layer}-line`,
      type: 'line',
      source,
      'source-layer': layer,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#9aa5b1', 'line-width': 1 },
    },
  ]);
}

async function pmtilesLayers(
  file: string,
  attribution: string,
): Promise<{ sources: Record<string, SourceSpecification>; layers: LayerSpecification[] }> {
  const url = pmtilesUrl(file);
  const archive = new PMTiles(url);
  pmtilesProtocol().add(archive);
  const header = await archive.getHeader();
  const id = `${PREFIX}pmtiles`;
  if (header.tileType === TileType.Mvt) {
    const metadata = (await archive.getMetadata()) as { vector_layers?: { id: string }[] } | null;
    const layerIds = metadata?.vector_layers?.map((l) => l.id) ?? [];
    return {
      sources: { [id]: { type: 'vector', url: `pmtiles://${url}`, attribution } },
      layers: genericVectorLayers(id, layerIds),
    };
  }
  return {
    sources: { [id]: { type: 'raster', url: `pmtiles://${url}`, tileSize: 256, attribution } },
    layers: [{ id, type: 'raster', source: id }],
  };
}

/** A MapLibre style's sources and layers, renamed so they cannot clash with the app's own. */
async function styleLayers(url: string, map: MapLibreMap) {
  const style = (await (await fetch(url)).json()) as StyleSpecification;
  if (style.glyphs) map.setGlyphs(new URL(style.glyphs, url).href.replaceAll('%7B', '{').replaceAll('%7D', '}'));
  if (typeof style.sprite === 'string') map.setSprite(new URL(style.sprite, url).href);
  const sources = Object.fromEntries(Object.entries(style.sources).map(([id, s]) => [`${PREFIX}${id}`, s]));
  const layers = style.layers.map(
    (l) =>
      ({
        ...l,
        id: `${PREFIX}${l.id}`,
        ...('source' in l ? { source: `${PREFIX}${l.source}` } : {}),
      }) as LayerSpecification,
  );
  return { sources, layers };
}

/**
 * Adds a configured base map under the boundary lines of a map drawn with BASE_STYLE; the
 * offline base map needs nothing added (its names are a deck.gl layer, baseLabelLayer.ts).
 */
export async function applyBaseMap(map: MapLibreMap, setting: BaseMapSetting): Promise<void> {
  if (setting.kind === 'offline') return;
  const { sources, layers } =
    setting.kind === 'pmtiles'
      ? await pmtilesLayers(setting.file, setting.attribution)
      : setting.kind === 'raster'
        ? {
            sources: {
              [`${PREFIX}raster`]: {
                type: 'raster',
                tiles: [setting.url],
                tileSize: 256,
                attribution: setting.attribution,
              } satisfies SourceSpecification,
            },
            layers: [{ id: `${PREFIX}raster`, type: 'raster', source: `${PREFIX}raster` } satisfies LayerSpecification],
          }
        : await styleLayers(setting.url, map);
  if (!map.style) return; // removed while loading
  for (const [id, source] of Object.entries(sources)) map.addSource(id, source);
  for (const layer of layers) map.addLayer(layer, BENEATH);
}
