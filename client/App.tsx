import { useMemo, useState } from 'react';
import { ResolutionPicker } from './cells/ResolutionPicker';
import { DEFAULT_RESOLUTION, type Resolution } from './cells/resolutions';
import { useCells, type CellsQuery } from './cells/useCells';
import { DatasetPicker } from './datasets/DatasetPicker';
import { defaultDatasetIds } from './datasets/defaultDataset';
import { GroupPicker } from './groups/GroupPicker';
import { defaultGroupIds, groupIdsForQuery } from './groups/groupSelection';
import { HotspotMap } from './map/HotspotMap';
import { Legend } from './map/Legend';
import { coverage, latestMonths, type Period } from './period/months';
import { PeriodPicker } from './period/PeriodPicker';
import { useReferenceData } from './reference/useReferenceData';
import { ErrorBanner } from './status/ErrorBanner';

export function App() {
  const reference = useReferenceData();
  const datasets = reference.datasets;
  const groups = reference.groups;

  // Until the user chooses, selections follow the defaults (derived, so no half-set state).
  const [chosenDatasetIds, setDatasetIds] = useState<number[] | null>(null);
  const [chosenGroupIds, setGroupIds] = useState<string[] | null>(null);
  const [chosenPeriod, setPeriod] = useState<Period | null>(null);
  const [res, setRes] = useState<Resolution>(DEFAULT_RESOLUTION);

  const defaultDatasets = useMemo(() => (datasets ? defaultDatasetIds(datasets) : null), [datasets]);
  const defaultGroups = useMemo(() => (groups ? defaultGroupIds(groups) : null), [groups]);
  const datasetIds = chosenDatasetIds ?? defaultDatasets;
  const groupIds = chosenGroupIds ?? defaultGroups;
  const selectedDatasets = useMemo(
    () => (datasets ?? []).filter((d) => datasetIds?.includes(d.id)),
    [datasets, datasetIds],
  );
  const bounds = useMemo(() => coverage(selectedDatasets), [selectedDatasets]);
  // The period follows the selected datasets (their latest 12 months) until the user sets it.
  const latest = useMemo(() => latestMonths(selectedDatasets), [selectedDatasets]);
  const period = chosenPeriod ?? latest;

  const query = useMemo((): CellsQuery | null => {
    if (!groups || !datasetIds?.length || !groupIds?.length || !period || period.from > period.to) return null;
    return { datasetIds, groupIds: groupIdsForQuery(groups, groupIds), period, res };
  }, [groups, datasetIds, groupIds, period, res]);

  const cells = useCells(query);
  const definition = useMemo(
    () => (groups ?? []).filter((g) => query?.groupIds.includes(g.id)).map((g) => g.label),
    [groups, query],
  );

  const referenceLoading = datasets === null || groups === null;
  const errors = cells.error ? [...reference.errors, cells.error] : reference.errors;
  const failed = errors.length > 0 && (cells.error !== null || datasets === null || groups === null);
  const loading = !failed && (referenceLoading || cells.loading);
  const nothingSelected = !referenceLoading && query === null;

  return (
    <div className="app">
      <aside className="side-panel" aria-label="Map controls">
        <header>
          <h1>hotspot</h1>
          <p className="hint">Violence hotspots for Serious Violence Duty partnerships</p>
        </header>
        {datasets && (
          <DatasetPicker
            datasets={datasets}
            selected={datasetIds ?? []}
            onChange={(ids) => setDatasetIds(ids)}
          />
        )}
        <PeriodPicker
          value={period}
          bounds={bounds}
          onChange={(next) => {
            setPeriod(next);
          }}
        />
        {chosenPeriod && (
          <button type="button" className="link-button" onClick={() => setPeriod(null)}>
            Reset to latest 12 months
          </button>
        )}
        <ResolutionPicker value={res} onChange={setRes} />
        {groups && <GroupPicker groups={groups} selected={groupIds ?? []} onChange={setGroupIds} />}
        <p className="status-line" aria-live="polite">
          {loading ? 'Loading…' : nothingSelected ? 'Select at least one dataset and offence group.' : ''}
        </p>
      </aside>
      <main className="map-area">
        <ErrorBanner messages={errors} />
        <HotspotMap boundaries={reference.boundaries} cells={cells.body} loading={loading} failed={failed} />
        <Legend cells={cells.body} definition={definition} />
      </main>
    </div>
  );
}
