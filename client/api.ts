import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { hc } from 'hono/client';
import type { ClientResponse, InferResponseType } from 'hono/client';
import type { AppType } from '../server/app';
import { fetchWithEarly } from './early-requests';

let csrfToken: string | null = null;

/** Remembers the session's CSRF token, sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Fired when the API says the session has ended, so the app can return to the sign-in page. */
export const SIGNED_OUT_EVENT = 'hotspot:signed-out';

/** Typed client for the hotspot API (same origin; Vite proxies /api in development). */
export const api = hc<AppType>('/', {
  fetch: fetchWithEarly,
  headers: (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
});

/** An API failure with the server's message, shown to the user as is. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The success body of a response whose error bodies are `{ error: string }`. */
export type Ok<T> = Exclude<T, { error: string }>;

/** The JSON body types of a (union of) typed client responses. */
type BodyOf<R> = R extends ClientResponse<infer T, infer _Status, infer _Format> ? T : never;

/**
 * Awaits a typed client call and returns its JSON body, or throws an ApiError carrying the
 * server's `error` message (or the HTTP status when the body has none).
 */
export async function okJson<R extends ClientResponse<unknown>>(pending: Promise<R>): Promise<Ok<BodyOf<R>>> {
  let response: R;
  try {
    response = await pending;
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw new ApiError(`The server could not be reached (${describe(cause)}).`, null);
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    const body: unknown = await response.json().catch(() => null);
    const message = hasErrorMessage(body) ? body.error : `${response.status} ${response.statusText}`.trim();
    throw new ApiError(message, response.status);
  }
  return (await response.json()) as Ok<BodyOf<R>>;
}

/**
 * Posts a multipart form (a file upload: the routes stream these to disk, so they have no JSON
 * validator for `hc` to type the request by) with the session's CSRF token; the response is
 * typed and checked like any other call.
 */
export function postForm<R extends ClientResponse<unknown>>(path: string, form: FormData): Promise<Ok<BodyOf<R>>> {
  const headers: Record<string, string> = csrfToken ? { 'x-csrf-token': csrfToken } : {};
  return okJson(
    fetch(path, { method: 'POST', body: form, headers, credentials: 'same-origin' }) as unknown as Promise<R>,
  );
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function hasErrorMessage(body: unknown): body is { error: string } {
  return typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type DatasetsBody = Ok<InferResponseType<typeof api.api.datasets.$get>>;
export type CellsBody = Ok<InferResponseType<typeof api.api.cells.$get>>;

/** The labels of everything the server names: offence groups, flags, roles, place types, classes... */
export type Vocabulary = Ok<InferResponseType<typeof api.api.vocabulary.$get>>;
export type Dataset = DatasetsBody['datasets'][number];
export type OffenceGroup = Vocabulary['groups'][number];
export type Cell = CellsBody['cells'][number];

export async function fetchDatasets(signal?: AbortSignal): Promise<Dataset[]> {
  return [...(await okJson(api.api.datasets.$get(undefined, { init: { signal } }))).datasets];
}

export function fetchVocabulary(signal?: AbortSignal): Promise<Vocabulary> {
  return okJson(api.api.vocabulary.$get(undefined, { init: { signal } }));
}

export type HotspotsBody = Ok<InferResponseType<typeof api.api.hotspots.$get>>;
export type HotspotCell = HotspotsBody['cells'][number];
export type DensityBody = Ok<InferResponseType<typeof api.api.density.$get>>;
export type DensityCell = DensityBody['cells'][number];
export type SpaceTimeBody = Ok<InferResponseType<(typeof api.api)['space-time']['$get']>>;

export type SummaryBody = Ok<InferResponseType<(typeof api.api.areas)[':area']['summary']['$get']>>;

type MeBody = Ok<InferResponseType<typeof api.api.auth.me.$get>>;
export type SessionUser = MeBody['user'];

// --- Geography (boundaries, partnerships, places) ----------------------------------------------

export type BoundaryLevel = 'lad' | 'pfa' | 'lsoa';

/** West, south, east, north (WGS84 degrees). */
export type Bbox = [number, number, number, number];

type AreasBody = Ok<InferResponseType<typeof api.api.areas.$get>>;
type PartnershipsBody = Ok<InferResponseType<typeof api.api.partnerships.$get>>;
type PartnershipBody = Ok<InferResponseType<(typeof api.api.partnerships)[':id']['$get']>>;
type PlaceTypesBody = Ok<InferResponseType<typeof api.api.places.types.$get>>;
export type PlacesBody = Ok<InferResponseType<typeof api.api.places.$get>>;

export type AreaProperties = AreasBody['areas'][number];
/** The server sends geometry as stored (typed `unknown`); it is a polygon or multipolygon. */
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
export type Partnership = PartnershipsBody['partnerships'][number];
export type PartnershipDetail = Omit<PartnershipBody['partnership'], 'outline'> & {
  outline: Feature<Polygon | MultiPolygon>;
};
export type Place = PlacesBody['places'][number];
export type PlaceType = PlaceTypesBody['types'][number];

export async function fetchBoundaries(
  level: BoundaryLevel,
  within: string | null,
  signal?: AbortSignal,
): Promise<AreaCollection> {
  const body = await okJson(
    api.api.boundaries[':level'].$get({ param: { level }, query: within ? { within } : {} }, { init: { signal } }),
  );
  return body as unknown as AreaCollection;
}

export async function fetchPartnerships(signal?: AbortSignal): Promise<Partnership[]> {
  return [...(await okJson(api.api.partnerships.$get(undefined, { init: { signal } }))).partnerships];
}

export async function fetchPartnership(id: number, signal?: AbortSignal): Promise<PartnershipDetail> {
  const body = await okJson(api.api.partnerships[':id'].$get({ param: { id: String(id) } }, { init: { signal } }));
  const outline = outlineFeature(body.partnership.outline);
  if (!outline) throw new Error('the partnership outline is not a polygon');
  return { ...body.partnership, outline } as PartnershipDetail;
}

/**
 * The outline as a polygon Feature. Accepts a Feature, a bare geometry, or a Feature whose
 * geometry is itself a Feature (as some stored outlines are), so the map always gets a polygon.
 */
export function outlineFeature(value: unknown): Feature<Polygon | MultiPolygon> | null {
  for (let depth = 0; depth < 3 && isObject(value); depth++) {
    if (value.type === 'Polygon' || value.type === 'MultiPolygon') {
      return { type: 'Feature', properties: {}, geometry: value as unknown as Polygon | MultiPolygon };
    }
    if (value.type !== 'Feature') return null;
    value = value.geometry;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export async function fetchPlaceTypes(signal?: AbortSignal): Promise<PlaceType[]> {
  return [...(await okJson(api.api.places.types.$get(undefined, { init: { signal } }))).types];
}

export function fetchPlaces(types: readonly string[], bbox: Bbox, signal?: AbortSignal): Promise<PlacesBody> {
  return okJson(api.api.places.$get({ query: { types: types.join(','), bbox: bbox.join(',') } }, { init: { signal } }));
}

export type PanelsBody = Ok<InferResponseType<typeof api.api.panels.$get>>;
export type PanelDetail = Ok<InferResponseType<(typeof api.api.panels)[':id']['$get']>>;
export type ReviewBody = Ok<InferResponseType<(typeof api.api.reviews)[':id']['$get']>>;

export type CompareBody = Ok<InferResponseType<typeof api.api.compare.$get>>;
export type CompareArea = CompareBody['areas'][number];
export type CrossBorderBody = Ok<InferResponseType<(typeof api.api)['cross-border']['$get']>>;
export type CrossBorderCell = CrossBorderBody['cells'][number];
export type TriangulationBody = Ok<InferResponseType<typeof api.api.triangulation.$get>>;
export type TriangulationCell = TriangulationBody['cells'][number];
