import { useCallback, useState } from 'react';
import { useRequest } from './useRequest';

/**
 * Data an admin-style page loads, changes and reloads: `act` runs a change, shows its error if
 * it fails, and reloads after it. `load` must be stable (defined outside the component).
 */
export function useEditable<T>(load: () => Promise<T>, what: string) {
  const request = useRequest(what, () => load(), what);
  const [actionError, setActionError] = useState<string | null>(null);
  const { reload } = request;
  const act = useCallback(
    async (change: () => Promise<unknown>) => {
      setActionError(null);
      try {
        await change();
        reload();
      } catch (e) {
        setActionError(e instanceof Error ? e.message : String(e));
      }
    },
    [reload],
  );
  return { data: request.data, error: actionError ?? request.error, act };
}
