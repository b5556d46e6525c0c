import type { Dataset } from '../api';
import { CheckList } from '../controls/CheckList';
import { labelOf, useVocabulary } from '../reference/vocabulary';
import { useT } from '../i18n/language';

interface DatasetPickerProps {
  /** The list's heading ("Datasets"). */
  legend?: string;
  datasets: readonly Dataset[];
  selected: readonly number[];
  onChange: (ids: number[]) => void;
}

/** Multi-select of datasets as a checkbox list: each with who recorded it, its kind and its months. */
export function DatasetPicker({ legend, datasets, selected, onChange }: DatasetPickerProps) {
  const { sources } = useVocabulary();
  const t = useT();
  const byId = new Map(datasets.map((d) => [d.id, d]));
  return (
    <fieldset className="control-group">
      <legend>{legend ?? t('map.datasets.legend')}</legend>
      {datasets.length === 0 && <p className="hint">{t('map.datasets.none')}</p>}
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
                <span
                  className="badge badge-restricted"
                  title={t('map.datasets.suppressedBelow', { k: dataset.threshold ?? '?' })}
                >
                  {t('common.restricted')}
                </span>
              )}
              <span className="hint">
                {[
                  dataset.kind === 'incidents' ? t('map.datasets.incidentRecords') : describeKind(dataset.kind),
                  labelOf(sources, dataset.source),
                  dataset.monthFrom && dataset.monthTo
                    ? t('common.periodRange', { from: dataset.monthFrom.slice(0, 7), to: dataset.monthTo.slice(0, 7) })
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
