import { fetchPartnership, fetchPartnerships, type Partnership, type PartnershipDetail } from '../api';
import { useFetched } from '../reference/useFetched';

export interface PartnershipsState {
  /** Null while loading; empty when the server has none (or they could not be loaded). */
  partnerships: Partnership[] | null;
  error: string | null;
}

/** All partnerships (force areas, councils, VRU area, user-drawn), loaded once. */
export function usePartnerships(): PartnershipsState {
  const list = useFetched('partnerships', (signal) => fetchPartnerships(signal), 'partnerships');
  if (list.loading) return { partnerships: null, error: null };
  return { partnerships: list.data ?? [], error: list.error };
}

const outlines = new Map<string, PartnershipDetail>();

/** One partnership with its outline, for the map; null = none selected. */
export function usePartnershipDetail(id: number | null) {
  return useFetched(
    id === null ? null : String(id),
    (signal) => fetchPartnership(id!, signal),
    'the partnership outline',
    outlines,
  );
}
