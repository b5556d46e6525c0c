import { useMemo, useSyncExternalStore } from 'react';
import { decodeSelection, omit, pick, type Selection, SHARED_KEYS, withSelection } from './selection';

/** The app's pages. The report and the SNA chapter are opened from a page, not from the menu. */
export type Page =
  | 'map'
  | 'admin'
  | 'sharing'
  | 'panels'
  | 'compare'
  | 'triangulation'
  | 'proximity'
  | 'definitions'
  | 'report'
  | 'sna';
export type MenuPage = Exclude<Page, 'report' | 'sna'>;

export const PATHS: Record<MenuPage | 'sna', string> = {
  map: '/',
  admin: '/admin',
  sharing: '/sharing',
  panels: '/panels',
  compare: '/compare',
  triangulation: '/triangulation',
  proximity: '/proximity',
  definitions: '/definitions',
  sna: '/sna',
};

/** The pages that share the analysis selection (datasets, groups, period, resolution, area). */
const ANALYSIS_PAGES: readonly Page[] = ['map', 'compare', 'triangulation', 'proximity'];

export function pageOf(path: string): Page {
  if (/^\/reviews\/\d+\/report/.test(path)) return 'report';
  const named = (Object.keys(PATHS) as (MenuPage | 'sna')[]).find((p) => p !== 'map' && path.startsWith(PATHS[p]));
  return named ?? 'map';
}

// --- The address bar as a store ------------------------------------------------------------------

const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The path and query string, re-read on every history change (ours, and the back and forward buttons). */
export function useLocation(): { path: string; search: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const at = href.indexOf('?');
  return at < 0 ? { path: href, search: '' } : { path: href.slice(0, at), search: href.slice(at) };
}

function go(url: string, how: 'push' | 'replace'): void {
  if (how === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(window.history.state, '', url);
  notify();
}

/** Replaces the URL without a new history entry (a spent sign-in link). */
export const replaceUrl = (url: string) => go(url, 'replace');

const urlOf = (path: string, query: string) => (query ? `${path}?${query}` : path);

/** The selection in the address bar now. */
export const currentSelection = (): Selection => decodeSelection(new URLSearchParams(window.location.search));

/**
 * Changes the selection in the address bar: keys given as undefined go back to the page's default.
 * A change of view replaces the history entry (Back leaves the page rather than undoing a tick).
 */
export function updateSelection(patch: Selection, how: 'push' | 'replace' = 'replace'): void {
  const next = { ...currentSelection(), ...patch };
  go(urlOf(window.location.pathname, withSelection(window.location.search, next)), how);
}

/** What each page last showed in this tab, so coming back to a page reopens its view. */
const lastSeen = new Map<Page, Selection>();
/** The analysis selection of the analysis page last left. */
let lastShared: Selection = {};

/** Notes what the page being left shows, before another page or URL replaces it. */
function leave(): void {
  const from = pageOf(window.location.pathname);
  const here = currentSelection();
  lastSeen.set(from, here);
  if (ANALYSIS_PAGES.includes(from)) lastShared = pick(here, SHARED_KEYS);
}

/** The URL of a page with a selection. */
export function pageUrl(page: MenuPage | 'sna', selection: Selection): string {
  return urlOf(PATHS[page], withSelection('', selection));
}

/**
 * Opens a page: it gets back its own view as it was left, and an analysis page the analysis
 * selection of the analysis page being left (or last left).
 */
export function navigate(page: MenuPage): void {
  leave();
  const own = omit(lastSeen.get(page) ?? {}, SHARED_KEYS);
  go(pageUrl(page, ANALYSIS_PAGES.includes(page) ? { ...own, ...lastShared } : own), 'push');
}

/** Opens a URL of the app (a review's report, the SNA chapter) as a new history entry. */
export function open(url: string): void {
  leave();
  go(url, 'push');
}

/** The selection in the address bar, and the function that changes it. */
export function useSelection(): [Selection, (patch: Selection) => void] {
  const { search } = useLocation();
  const selection = useMemo(() => decodeSelection(new URLSearchParams(search)), [search]);
  return [selection, updateSelection];
}
