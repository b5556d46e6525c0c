import { ApiError, api, okJson } from '../api';
import { type CellsQuery, selectionParams } from '../cells/analysis';

const request = (query: CellsQuery, signal: AbortSignal) =>
  okJson(api.api['time-profile'].$get({ query: selectionParams(query) }, { init: { signal } }));

export type TimeProfileBody = Awaited<ReturnType<typeof request>>;

/** The area's profile, or the server's reason for refusing one (datasets without times). */
export type TimeProfileAnswer = { profile: TimeProfileBody; refused: null } | { profile: null; refused: string };

/** The selection's weekday x hour profile; a 400 is the server's refusal, shown in place of the grid. */
export async function fetchTimeProfile(query: CellsQuery, signal: AbortSignal): Promise<TimeProfileAnswer> {
  try {
    return { profile: await request(query, signal), refused: null };
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return { profile: null, refused: error.message };
    throw error;
  }
}
