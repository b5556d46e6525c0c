/**
 * Browser-side code of scripts/bench/client.ts, as JavaScript source text. It is kept as text
 * because tsx compiles with esbuild's keepNames, which wraps inner functions of a function passed
 * to page.evaluate in `__name(...)`, a helper that does not exist in the page.
 */

/**
 * Init script (before any page script): records every change of #map's data-cells-drawn and
 * data-status with performance.now() (milliseconds since navigation start), and long tasks.
 */
export const RECORD_MAP_STATUS = `(() => {
  const log = [];
  const longtasks = [];
  window.__benchLog = log;
  window.__benchLongtasks = longtasks;
  new MutationObserver(() => {
    const map = document.getElementById('map');
    if (!map) return;
    log.push({ t: performance.now(), drawn: map.dataset.cellsDrawn ?? null, status: map.dataset.status ?? null });
    // Two animation frames later the frame with the first hexagons has been produced.
    if (window.__benchPresented === undefined && map.dataset.cellsDrawn && map.dataset.cellsDrawn !== '0') {
      window.__benchPresented = null;
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__benchPresented = performance.now(); }));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-cells-drawn', 'data-status'] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/**
 * True once the main map reports hexagons drawn (the browser tests' signal: data-status="ready",
 * data-cells-drawn) and the frame after has come.
 */
export const MAP_DRAWN = `(() => {
  const map = document.querySelector('#map[data-status="ready"]');
  return !!map && !!map.dataset.cellsDrawn && map.dataset.cellsDrawn !== '0' && typeof window.__benchPresented === 'number';
})()`;

export const MAP_EMPTY = `!!document.querySelector('#map[data-status="ready"][data-cells-drawn="0"]')`;

/** Navigation, paint and resource timings, the #map log and long tasks, all in ms since navigation start. */
export const COLLECT_TIMINGS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = {};
  for (const e of performance.getEntriesByType('paint')) paint[e.name] = e.startTime;
  const resources = performance.getEntriesByType('resource').map((e) => ({
    name: e.name, start: e.startTime, requestStart: e.requestStart, responseStart: e.responseStart, end: e.responseEnd,
    transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
  }));
  return {
    dcl: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
    paint,
    resources,
    log: window.__benchLog ?? [],
    presented: window.__benchPresented ?? null,
    longtasks: window.__benchLongtasks ?? [],
  };
})()`;

/** The main map's view and size, once it is idle (fitBounds done). */
export const MAP_VIEW = `(async () => {
  const map = window.__hotspotMap;
  if (!map) throw new Error('window.__hotspotMap is not set');
  if (map.isMoving() || !map.loaded()) await new Promise((resolve) => map.once('idle', resolve));
  const c = map.getCenter();
  const el = document.getElementById('map');
  return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), width: el.clientWidth, height: el.clientHeight };
})()`;

/** Fetches a URL three times in the page: time to headers, to the whole body, and JSON.parse alone. */
export function timeJsonInPage(url: string): string {
  return `(async (url) => {
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      const t1 = performance.now();
      const text = await response.text();
      const t2 = performance.now();
      const body = JSON.parse(text);
      const t3 = performance.now();
      runs.push({ headers: t1 - t0, body: t2 - t1, parse: t3 - t2, bytes: new TextEncoder().encode(text).length, cells: body.cells.length });
    }
    return runs;
  })(${JSON.stringify(url)})`;
}

/**
 * An animated pan of the main map: linear panBy legs of dx pixels, east then west, each ms / 2
 * long, until at least `ms` have passed and `minFrames` frame intervals were recorded; returns
 * every requestAnimationFrame timestamp meanwhile. (On software WebGL a frame with 100k hexagons
 * can take longer than a whole leg; the legs then go on until there are enough frames.)
 */
export function animatedPan(dx: number, ms: number, minFrames: number): string {
  return `(async ({ dx, ms, minFrames }) => {
    const map = window.__hotspotMap;
    if (map.isMoving()) await new Promise((resolve) => map.once('moveend', resolve));
    const stamps = [];
    let running = true;
    const tick = (t) => { stamps.push(t); if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const started = performance.now();
    let leg = 0;
    while (leg % 2 === 1 || performance.now() - started < ms || stamps.length <= minFrames) {
      const done = new Promise((resolve) => map.once('moveend', resolve));
      map.panBy([leg % 2 === 0 ? dx : -dx, 0], { duration: ms / 2, easing: (t) => t });
      await done;
      leg++;
    }
    running = false;
    return stamps;
  })(${JSON.stringify({ dx, ms, minFrames })})`;
}

/** Starts collecting requestAnimationFrame timestamps into window.__benchStamps (for a mouse drag). */
export const START_FRAMES = `(() => {
  const stamps = [];
  window.__benchStamps = stamps;
  window.__benchFrames = true;
  const tick = (t) => { stamps.push(t); if (window.__benchFrames) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;

export const STOP_FRAMES = `(() => { window.__benchFrames = false; return window.__benchStamps; })()`;

export const FRAME_COUNT = `window.__benchStamps.length`;

/** Resolves when the map has stopped moving (after a drag's inertia). */
export const MAP_SETTLED = `(async () => {
  const map = window.__hotspotMap;
  if (map.isMoving()) await new Promise((resolve) => map.once('moveend', resolve));
  await new Promise((resolve) => setTimeout(resolve, 300));
})()`;

/**
 * On the bare page: moves deck.gl's view dx pixels east and back over `ms` (a step every animation
 * frame, linear in time), repeated until there are `minFrames` intervals; returns the
 * requestAnimationFrame timestamps.
 */
export function barePan(dx: number, ms: number, minFrames: number): string {
  return `(async ({ dx, ms, minFrames }) => {
    const deck = window.__benchDeck;
    const start = deck.getViewports()[0];
    const stamps = [];
    const t0 = performance.now();
    await new Promise((resolve) => {
      const tick = (t) => {
        stamps.push(t);
        const f = (Math.max(0, t - t0) / ms) % 1;
        const offset = dx * (f < 0.5 ? 2 * f : 2 - 2 * f);
        const [lng, lat] = start.unproject([start.width / 2 + offset, start.height / 2]);
        deck.setProps({ viewState: { longitude: lng, latitude: lat, zoom: start.zoom } });
        if (t - t0 < ms || stamps.length <= minFrames) requestAnimationFrame(tick); else resolve();
      };
      requestAnimationFrame(tick);
    });
    return stamps;
  })(${JSON.stringify({ dx, ms, minFrames })})`;
}

/** Clicks the side panel's checkbox for the dataset named `name` (in the page, so no locator timeout); false if none. */
export function clickDataset(name: string): string {
  return `((name) => {
    for (const input of document.querySelectorAll('input[type="checkbox"][name="dataset"]')) {
      const label = input.closest('label');
      if (label && label.textContent.includes(name)) { input.click(); return true; }
    }
    return false;
  })(${JSON.stringify(name)})`;
}
