import { precisionProblem } from '../../server/analysis/selection-rules';
import type { Translate } from '../i18n/language';

interface DatasetFacts {
  name: string;
  kind: 'police-uk' | 'incidents';
  datePrecision: 'month' | 'day' | 'datetime';
}

/** Why each filter cannot be used on the selected datasets (null: it can), greying its control out. */
export interface FilterAvailability {
  weekdays: string | null;
  hours: string | null;
  flags: string | null;
}

/**
 * The server's own precision rule for weekdays and hours. Flags are recorded only by local
 * extracts: police.uk's open data carries no knife, domestic-abuse or alcohol marker.
 */
export function filterAvailability(selected: readonly DatasetFacts[], t: Translate): FilterAvailability {
  const noFlags = selected.filter((d) => d.kind === 'police-uk').map((d) => `"${d.name}"`);
  return {
    weekdays: precisionProblem(selected, { days: false, weekdays: true, hours: false }),
    hours: precisionProblem(selected, { days: false, weekdays: false, hours: true }),
    flags: noFlags.length ? t('filters.noFlags', { datasets: noFlags.join(', ') }) : null,
  };
}
