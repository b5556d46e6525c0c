import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';
import { api, isAbort, okJson, type Dataset, type OffenceGroup } from '../api';

export interface ReferenceData {
  datasets: Dataset[] | null;
  groups: OffenceGroup[] | null;
  boundaries: FeatureCollection | null;
  errors: string[];
}

/** Loads what the controls and base map need once: datasets, offence groups, force areas. */
export function useReferenceData(): ReferenceData {
  const [data, setData] = useState<ReferenceData>({ datasets: null, groups: null, boundaries: null, errors: [] });

  useEffect(() => {
    const controller = new AbortController();
    const init = { init: { signal: controller.signal } };
    const fail = (what: string) => (error: unknown) => {
      if (isAbort(error)) return;
      const message = `Could not load ${what}: ${error instanceof Error ? error.message : String(error)}`;
      setData((previous) => ({ ...previous, errors: [...previous.errors, message] }));
    };
    okJson(api.api.datasets.$get(undefined, init))
      .then((body) => setData((previous) => ({ ...previous, datasets: [...body.datasets] })))
      .catch(fail('datasets'));
    okJson(api.api.groups.$get(undefined, init))
      .then((body) => setData((previous) => ({ ...previous, groups: [...body.groups] })))
      .catch(fail('offence groups'));
    okJson(api.api.boundaries[':level'].$get({ param: { level: 'pfa' }, query: {} }, init))
      .then((body: unknown) => {
        if (!isFeatureCollection(body)) throw new Error('the response is not a GeoJSON FeatureCollection');
        setData((previous) => ({ ...previous, boundaries: body }));
      })
      .catch(fail('police force area boundaries'));
    return () => controller.abort();
  }, []);

  return data;
}

function isFeatureCollection(body: unknown): body is FeatureCollection {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((body as { features?: unknown }).features)
  );
}
