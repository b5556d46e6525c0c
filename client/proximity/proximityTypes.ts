import type { InferResponseType } from 'hono/client';
import type { api, Ok } from '../api';

export type ProximityQuery = Parameters<typeof api.api.proximity.$get>[0]['query'];
export type ProximityBody = Ok<InferResponseType<typeof api.api.proximity.$get>>;
export type RankedPlace = ProximityBody['places'][number];
