import { isMonth } from '../period/months';

export type MapView = 'counts' | 'hotspots' | 'density' | 'space-time';
export type MapMode = 'side-by-side' | 'cross-border';
export type AdminTab = 'users' | 'audit' | 'budgets' | 'base-map';

/** How one key's value is read from the query string (undefined: not valid) and written to it. */
interface Codec<T> {
  decode: (raw: string) => T | undefined;
  encode: (value: T) => string;
}

const AREA = /^(partnership:\d+|lad:[A-Z]\d{8}|pfa:[A-Z]\d{8})$/;
const WORD = /^[a-z0-9][a-z0-9 /-]*$/;

const matching =
  (pattern: RegExp) =>
  (raw: string): string | undefined =>
    pattern.test(raw) ? raw : undefined;
const id = (raw: string) => (/^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined);

/** A comma-separated list; empty is a list too (none chosen). */
function list<T extends string | number>(item: (raw: string) => T | undefined): Codec<readonly T[]> {
  return {
    decode: (raw) => {
      const items = raw === '' ? [] : raw.split(',').map(item);
      return items.every((i) => i !== undefined) ? (items as T[]) : undefined;
    },
    encode: (value) => value.join(','),
  };
}
const text = <T extends string>(decode: (raw: string) => T | undefined): Codec<T> => ({ decode, encode: (v) => v });
const number = (decode: (raw: string) => number | undefined): Codec<number> => ({ decode, encode: String });
const oneOf = <T extends string>(...values: T[]) => text((raw) => values.find((v) => v === raw));
const ids = list(id);
const words = list(matching(WORD));

/** The map's centre and zoom as a link holds them. */
export interface MapAt {
  lat: number;
  lng: number;
  zoom: number;
}

function decodeAt(raw: string): MapAt | undefined {
  const parts = raw.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [lat, lng, zoom] = parts as [number, number, number];
  return Math.abs(lat) <= 85 && Math.abs(lng) <= 180 && zoom >= 0 && zoom <= 22 ? { lat, lng, zoom } : undefined;
}

// Five decimals of a degree is about a metre: enough to reopen the same view.
const encodeAt = (at: MapAt) => `${at.lat.toFixed(5)},${at.lng.toFixed(5)},${at.zoom.toFixed(2)}`;

/** Every key, in the order a URL lists them, and how its value is written. */
const CODECS = {
  // The analysis selection, shared by the map, Compare and Police and ED pages.
  datasets: ids,
  /** A saved definition or a national preset, instead of groups and flags. */
  definition: text(matching(/^(preset:[a-z-]+|\d+)$/)),
  groups: words,
  flags: words,
  /** ISO weekdays (1 = Monday) and hour ranges ("22-4" wraps midnight), as the analysis routes take them. */
  weekdays: list((raw) => (/^[1-7]$/.test(raw) ? Number(raw) : undefined)),
  hours: text(matching(/^([01]?\d|2[0-3])-([01]?\d|2[0-4])(,([01]?\d|2[0-3])-([01]?\d|2[0-4]))*$/)),
  from: text((raw) => (isMonth(raw) ? raw : undefined)),
  to: text((raw) => (isMonth(raw) ? raw : undefined)),
  res: number((raw) => (/^(7|8|9|10)$/.test(raw) ? Number(raw) : undefined)),
  /** `partnership:12`, `lad:W06000022`, `pfa:W15000002`, or `all` (no area). */
  area: text((raw) => (raw === 'all' ? raw : matching(AREA)(raw))),
  // The map page.
  view: oneOf<MapView>('counts', 'hotspots', 'density', 'space-time'),
  bandwidth: number((raw) => (/^[1-9]\d{1,4}$/.test(raw) ? Number(raw) : undefined)),
  /** Gi*'s ring (absent: automatic) and p-values (absent: normal approximation). */
  k: oneOf('auto', '1', '2', '3', '4', '5'),
  inference: oneOf('normal', 'permutation'),
  /** The space-time view: colour by sfhotspot class or EHSA pattern, sfhotspot's rule, EHSA's time step. */
  pattern: oneOf('sfhotspot', 'emerging'),
  rule: oneOf('sfhotspot', 'fdr-over-cells'),
  step: oneOf('0', '1'),
  /** The space-time period whose Gi* classes colour the map (1 = the first); absent: the overall pattern. */
  stperiod: number((raw) => (/^([1-9]|1\d|2[0-4])$/.test(raw) ? Number(raw) : undefined)),
  boundaries: words,
  places: words,
  /** The cell whose panel is open (an H3 id). */
  cell: text(matching(/^8[0-9a-f]{14}$/)),
  /** Where the map looks: "latitude,longitude,zoom" (written when the user moves the map or copies a link). */
  at: { decode: decodeAt, encode: encodeAt } as Codec<MapAt>,
  // The Compare page.
  areas: list(matching(AREA)),
  maps: oneOf<MapMode>('side-by-side', 'cross-border'),
  // The Police and ED page and the SNA chapter.
  police: ids,
  ed: ids,
  settings: words,
  weapons: words,
  public: { decode: (raw: string) => (raw === 'true' ? true : undefined), encode: () => 'true' } as Codec<boolean>,
  // The Panels and Admin pages.
  panel: number(id),
  review: number(id),
  tab: oneOf<AdminTab>('users', 'audit', 'budgets', 'base-map'),
};

type Decoded<C> = C extends Codec<infer T> ? T : never;

/**
 * What a page shows, as its URL's query string holds it: the analysis selection every analysis
 * page shares (named as the API's query parameters: datasets=1,2&from=2024-01&to=2024-12&res=8&
 * area=lad:W06000022) and each page's own view state. A key that is absent means "the page's
 * default" (the latest months, the Gwent force area...), so a URL only pins what the user chose;
 * an empty list (`datasets=`) is a choice too: none.
 */
export type Selection = { [K in keyof typeof CODECS]?: Decoded<(typeof CODECS)[K]> };
export type SelectionKey = keyof Selection;

export const SELECTION_KEYS = Object.keys(CODECS) as SelectionKey[];

/** The analysis selection: carried from one analysis page to the next. */
export const SHARED_KEYS: readonly SelectionKey[] = [
  'datasets',
  'definition',
  'groups',
  'flags',
  'weekdays',
  'hours',
  'from',
  'to',
  'res',
  'area',
];

/** The selection a query string holds; values that are not valid are left out (the page's default). */
export function decodeSelection(params: URLSearchParams): Selection {
  const selection: Record<string, unknown> = {};
  for (const key of SELECTION_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = (CODECS[key] as Codec<unknown>).decode(raw);
    if (value !== undefined) selection[key] = value;
  }
  return selection as Selection;
}

/** The selection as query parameters, in a fixed order; absent (undefined) keys are left out. */
export function encodeSelection(selection: Selection): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SELECTION_KEYS) {
    const value = selection[key];
    if (value !== undefined && value !== false) params.set(key, (CODECS[key] as Codec<unknown>).encode(value));
  }
  return params;
}

/**
 * A query string (without "?") with the selection's keys replaced by `selection`'s and other
 * parameters kept, written readably: commas, colons and slashes as they are.
 */
export function withSelection(search: string, selection: Selection): string {
  const params = new URLSearchParams(search);
  for (const key of SELECTION_KEYS) params.delete(key);
  for (const [key, value] of encodeSelection(selection)) params.set(key, value);
  return [...params]
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key)}=${encodeURIComponent(value).replace(/%(2C|3A|2F)/g, decodeURIComponent)}`,
    )
    .join('&');
}

/** The keys of a selection that `keys` names. */
export function pick(selection: Selection, keys: readonly SelectionKey[]): Selection {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (selection[key] !== undefined) picked[key] = selection[key];
  return picked as Selection;
}

/** The selection without the keys `keys` names. */
export function omit(selection: Selection, keys: readonly SelectionKey[]): Selection {
  return pick(
    selection,
    SELECTION_KEYS.filter((key) => !keys.includes(key)),
  );
}

/** A period when both ends are chosen, else null (the page's default). */
export function chosenPeriod(selection: Selection): { from: string; to: string } | null {
  return selection.from && selection.to ? { from: selection.from, to: selection.to } : null;
}
