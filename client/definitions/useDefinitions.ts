import { useRequest } from '../reference/useRequest';
import { fetchDefinitions } from './definitionsApi';

/** The partnership's definitions and the presets; nothing to load while no partnership is chosen. */
export function useDefinitions(partnershipId: number | null) {
  return useRequest(partnershipId, (id: number, signal) => fetchDefinitions(id, signal), 'the definitions');
}
