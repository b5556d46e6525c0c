import { fetchPartnership, fetchPartnerships, type Partnership, type PartnershipDetail } from '../api';
import { RequestCache, useRequest } from '../reference/useRequest';

export interface PartnershipsState {
  /** Null while loading; empty when the server has none (or they could not be loaded). */
  partnerships: Partnership[] | null;
  error: string | null;
}

/** All partnerships (force areas, councils, VRU area, user-drawn). */
export function usePartnerships(): PartnershipsState {
  const list = useRequest('partnerships', (_: string, signal) => fetchPartnerships(signal), 'partnerships');
  return { partnerships: list.loading ? null : (list.data ?? []), error: list.error };
}

const outlines = new RequestCache<PartnershipDetail>();

/** One partnership with its outline, for the map; null = none selected. */
export function usePartnershipDetail(id: number | null) {
  return useRequest(id, fetchPartnership, 'the partnership outline', { cache: outlines });
}
