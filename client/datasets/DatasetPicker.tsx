import type { Dataset } from '../api';
import { CheckList } from '../controls/CheckList';
import { labelOf, useVocabulary } from '../reference/vocabulary';

interface DatasetPickerProps {
  /** The list's heading ("Datasets"). */
  legend?: string;
  datasets: readonly Dataset[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
}

/** Multi-select of datasets as a checkbox list: each with who recorded it, its kind and its months. */
export function DatasetPicker({ legend = 'Datasets', datasets, selected, onChange }: DatasetPickerProps) {
  const { sources } = useVocabulary();
  const byId = new Map(datasets.map((d) => [d.id, d]));
  return (
    <fieldset className="control-group">
      <legend>{legend}</legend>
      {datasets.length === 0 && <p className="hint">No datasets have been imported yet.</p>}
      <CheckList
        name="dataset"
        items={datasets.map((d) => d.id)}
        selected={selected}
        onChange={onChange}
        label={(id) => {
          const dataset = byId.get(id)!;
          return (
            <>
              {dataset.name}
              {dataset.sensitivity === 'restricted' && (
                <span className="badge badge-restricted" title={`Counts below ${dataset.threshold} are suppressed`}>
                  restricted
                </span>
              )}
              <span className="hint">
                {[
                  describeKind(dataset.kind),
                  labelOf(sources, dataset.source),
                  dataset.monthFrom && dataset.monthTo
                    ? `${dataset.monthFrom.slice(0, 7)} to ${dataset.monthTo.slice(0, 7)}`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </>
          );
        }}
      />
    </fieldset>
  );
}

function describeKind(kind: string): string {
  return kind === 'police-uk' ? 'data.police.uk' : kind === 'incidents' ? 'Incident records' : kind;
}
