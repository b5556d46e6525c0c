import { hc } from 'hono/client';
import type { ClientResponse, InferResponseType } from 'hono/client';
import type { AppType } from '../server/app';

/** Typed client for the hotspot API (same origin; Vite proxies /api in development). */
export const api = hc<AppType>('/');

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
    const body: unknown = await response.json().catch(() => null);
    const message = hasErrorMessage(body) ? body.error : `${response.status} ${response.statusText}`.trim();
    throw new ApiError(message, response.status);
  }
  return (await response.json()) as Ok<BodyOf<R>>;
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
type GroupsBody = Ok<InferResponseType<typeof api.api.groups.$get>>;
export type CellsBody = Ok<InferResponseType<typeof api.api.cells.$get>>;

export type Dataset = DatasetsBody['datasets'][number];
export type OffenceGroup = GroupsBody['groups'][number];
export type Cell = CellsBody['cells'][number];
