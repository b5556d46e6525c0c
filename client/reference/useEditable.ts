import { useCallback, useEffect, useState } from 'react';

/**
 * Data an admin-style page loads, changes and reloads: `act` runs a change, shows its error if
 * it fails, and reloads after it. `load` must be stable (defined outside the component).
 */
export function useEditable<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load().then(setData, (e: Error) => setError(e.message));
  }, [load]);
  useEffect(reload, [reload]);
  const act = useCallback(
    async (change: () => Promise<unknown>) => {
      setError(null);
      try {
        await change();
        reload();
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [reload],
  );
  return { data, error, act };
}
