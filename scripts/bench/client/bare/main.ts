/**
 * The floor page of scripts/bench/client.ts: the main map's hexagon layer (the same
 * createCellsLayer, so the same H3HexagonLayer props) drawn by deck.gl alone, with no React, no
 * MapLibre, no sign-in check and no other API request. It fetches the cells URL it is given
 * (same origin, so the session cookie goes with it) while deck.gl starts, and records
 * performance.now() at each step in window.__bench (`presented`: two animation frames after the
 * first draw, when that frame has been produced).
 *
 * Query: cells (the /api/cells path and query), lng, lat, zoom (the view), w, h (canvas size).
 */
import { Deck, MapView } from '@deck.gl/core';
import type { CellsBody } from '../../../../client/api';
import { createCellsLayer, drawnHexagons, outlinesVisible } from '../../../../client/map/cellsLayer';

interface BenchState {
  marks: Record<string, number>;
  drawn: number | null;
  bytes: number;
  error: string | null;
}

declare global {
  interface Window {
    __bench?: BenchState;
    /** The deck and its hexagon layer, for pans and experiments driven from the benchmark. */
    __benchDeck?: Deck<MapView>;
    __benchLayer?: ReturnType<typeof createCellsLayer>;
  }
}

const state: BenchState = { marks: { start: performance.now() }, drawn: null, bytes: 0, error: null };
window.__bench = state;
const params = new URLSearchParams(window.location.search);
const container = document.getElementById('deck') as HTMLDivElement;
container.style.width = `${params.get('w') ?? 1000}px`;
container.style.height = `${params.get('h') ?? 800}px`;

let layer: ReturnType<typeof createCellsLayer> | null = null;
const deck = new Deck({
  parent: container,
  views: new MapView({ repeat: false }),
  initialViewState: {
    longitude: Number(params.get('lng')),
    latitude: Number(params.get('lat')),
    zoom: Number(params.get('zoom')),
  },
  controller: false,
  layers: [],
  onBeforeRender: () => {
    if (layer && state.marks.firstBeforeRender === undefined) state.marks.firstBeforeRender = performance.now();
  },
  onAfterRender: () => {
    if (!layer || state.drawn !== null) return;
    const drawn = drawnHexagons(layer);
    if (drawn === null) return;
    state.marks.drawn = performance.now();
    state.drawn = drawn;
    // Two animation frames later the frame with the hexagons has been produced (as the app's is timed).
    requestAnimationFrame(() => requestAnimationFrame(() => (state.marks.presented = performance.now())));
  },
});

window.__benchDeck = deck;

async function load() {
  const response = await fetch(params.get('cells')!, { credentials: 'same-origin' });
  state.marks.headers = performance.now();
  if (!response.ok) throw new Error(`cells: HTTP ${response.status}`);
  const text = await response.text();
  state.marks.body = performance.now();
  state.bytes = new TextEncoder().encode(text).length;
  const body = JSON.parse(text) as CellsBody;
  state.marks.parsed = performance.now();
  // Outlined as the app would outline them at this view.
  layer = createCellsLayer(body, outlinesVisible(body.res, Number(params.get('zoom')), Number(params.get('lat'))));
  window.__benchLayer = layer;
  deck.setProps({ layers: [layer] });
  state.marks.layerSet = performance.now();
}

load().catch((error: unknown) => {
  state.error = error instanceof Error ? error.message : String(error);
});
