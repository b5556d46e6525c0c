import { api, okJson } from '../api';
import { useRequest } from './useRequest';

export interface ScopeOption {
  value: string;
  label: string;
}

async function loadScopes(_: string, signal: AbortSignal): Promise<ScopeOption[]> {
  const [partnerships, forces] = await Promise.all([
    okJson(api.api.partnerships.$get(undefined, { init: { signal } })),
    okJson(api.api.areas.$get({ query: { level: 'pfa' } }, { init: { signal } })),
  ]);
  return [
    ...partnerships.partnerships.map((p) => ({ value: `partnership:${p.id}`, label: p.name })),
    ...forces.areas.map((a) => ({ value: `pcc:${a.code}`, label: `PCC: ${a.name}` })),
  ];
}

/** What users belong to and data is granted to: partnerships, and force areas (PCCs). */
export function useScopeOptions() {
  return useRequest('scopes', loadScopes, 'partnerships and force areas');
}
