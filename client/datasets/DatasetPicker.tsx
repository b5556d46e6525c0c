import { CheckItem } from '../controls/CheckItem';
import type { Dataset } from '../api';

interface DatasetPickerProps {
  datasets: readonly Dataset[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
}

/** Multi-select of datasets as a checkbox list. */
export function DatasetPicker({ datasets, selected, onChange }: DatasetPickerProps) {
  const toggle = (id: number, checked: boolean) => {
    const next = checked ? [...selected, id] : selected.filter((s) => s !== id);
    onChange(datasets.map((d) => d.id).filter((d) => next.includes(d)));
  };
  return (
    <fieldset className="control-group">
      <legend>Datasets</legend>
      {datasets.length === 0 && <p className="hint">No datasets have been imported yet.</p>}
      <ul className="check-list">
        {datasets.map((dataset) => (
          <li key={dataset.id}>
            <CheckItem
              name="dataset"
              value={dataset.id}
              checked={selected.includes(dataset.id)}
              onChange={(on) => toggle(dataset.id, on)}
            >
              {dataset.name}
              {dataset.sensitivity === 'restricted' && (
                <span className="badge badge-restricted" title={`Counts below ${dataset.threshold} are suppressed`}>
                  restricted
                </span>
              )}
              <span className="hint">
                {describeKind(dataset.kind)}
                {dataset.monthFrom && dataset.monthTo
                  ? ` · ${dataset.monthFrom.slice(0, 7)} to ${dataset.monthTo.slice(0, 7)}`
                  : ''}
              </span>
            </CheckItem>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function describeKind(kind: string): string {
  return kind === 'police-uk' ? 'data.police.uk' : kind === 'incidents' ? 'Incident records' : kind;
}
