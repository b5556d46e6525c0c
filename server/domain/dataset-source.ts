/**
 * Who recorded a dataset's events: the police (data.police.uk, local extracts) or a health
 * service (ED / ISTV assault attendances). The two describe overlapping events, so an output
 * says which it counts, and the client tells them apart by this and not by a dataset's name.
 */
export const DATASET_SOURCES = ['police', 'health'] as const;
export type DatasetSource = (typeof DATASET_SOURCES)[number];

export const DATASET_SOURCE_LABELS: Record<DatasetSource, string> = {
  police: 'Police records',
  health: 'Health records (emergency department)',
};

/** The source a new dataset gets when its upload does not say: the mapping preset's, else the police. */
export function defaultSource(kind: 'police-uk' | 'incidents', preset: string | undefined): DatasetSource {
  return kind === 'incidents' && preset === 'istv-ed' ? 'health' : 'police';
}
