import { api, okJson } from '../api';
import { useFetched } from './useFetched';

export interface ScopeOption {
  value: string;
  label: string;
}

/** What users belong to and data is granted to: partnerships, and force areas (PCCs). */
export function useScopeOptions() {
  return useFetched<ScopeOption[]>(
    'scopes',
    async (signal) => {
      const [partnerships, forces] = await Promise.all([
        okJson(api.api.partnerships.$get(undefined, { init: { signal } })),
        okJson(api.api.areas.$get({ query: { level: 'pfa' } }, { init: { signal } })),
      ]);
      return [
        ...partnerships.partnerships.map((p) => ({ value: `partnership:${p.id}`, label: p.name })),
        ...forces.areas.map((a) => ({ value: `pcc:${a.code}`, label: `PCC: ${a.name}` })),
      ];
    },
    'partnerships and force areas',
  );
}
