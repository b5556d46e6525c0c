import { CheckList } from '../controls/CheckList';
import { HourSelect } from '../controls/HourSelect';
import { type MessageKey, useT } from '../i18n/language';
import type { FilterAvailability } from './availability';
import type { FilterChoice } from './describeFilters';
import { FILTER_FLAGS, type FilterFlag, flagKey } from './flagLabels';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** The window a first tick of "only these hours" offers: the night-time economy's. */
const FIRST_HOURS = '22-4';

interface FilterControlsProps {
  choice: FilterChoice;
  availability: FilterAvailability;
  /** Why flags cannot be chosen beside the offences (a saved definition sets its own), or null. */
  flagsTakenBy: string | null;
  /** The changed filters; undefined clears one. */
  onChange: (next: { weekdays?: number[]; hours?: string; flags?: string[] }) => void;
}

/** Weekday, hour-window and flag filters, each greyed out with the reason where the data cannot answer it. */
export function FilterControls({ choice, availability, flagsTakenBy, onChange }: FilterControlsProps) {
  const t = useT();
  const [start, end] = (choice.hours ?? FIRST_HOURS).split(',')[0]!.split('-').map(Number) as [number, number];
  const setHours = (s: number, e: number) => onChange({ hours: `${s}-${e}` });
  const flagsWhy = availability.flags ?? flagsTakenBy;
  const anyChosen = Boolean(choice.weekdays?.length || choice.hours || choice.flags?.length);
  return (
    <div className="filter-controls">
      <fieldset className="control-group" disabled={availability.weekdays !== null} data-filter="weekdays">
        <legend>{t('filters.weekdays')}</legend>
        <CheckList
          name="filter-weekday"
          items={WEEKDAYS}
          selected={choice.weekdays ?? []}
          onChange={(weekdays) => onChange({ weekdays: weekdays.length ? weekdays : undefined })}
          label={(d) => t(`filters.day.${d}` as MessageKey)}
        />
        <p className="hint">{availability.weekdays ?? t('filters.weekdaysHint')}</p>
      </fieldset>
      <fieldset className="control-group" disabled={availability.hours !== null} data-filter="hours">
        <legend>{t('filters.hours')}</legend>
        <label className="check-row">
          <input
            type="checkbox"
            name="filter-hours"
            checked={choice.hours !== undefined}
            onChange={(e) => onChange({ hours: e.target.checked ? FIRST_HOURS : undefined })}
          />{' '}
          {t('filters.onlyHours')}
        </label>
        {choice.hours !== undefined && (
          <div className="hour-window">
            <HourSelect label={t('filters.from')} value={start} onChange={(h) => setHours(h, end)} />{' '}
            <HourSelect label={t('filters.to')} value={end} onChange={(h) => setHours(start, h)} />
          </div>
        )}
        <p className="hint">{availability.hours ?? t('filters.hoursHint')}</p>
      </fieldset>
      <fieldset className="control-group" disabled={flagsWhy !== null} data-filter="flags">
        <legend>{t('filters.flags')}</legend>
        <CheckList
          name="filter-flag"
          items={FILTER_FLAGS}
          selected={(choice.flags ?? []) as readonly FilterFlag[]}
          onChange={(flags) => onChange({ flags: flags.length ? flags : undefined })}
          label={(f) => t(flagKey(f, 'label'))}
        />
        <p className="hint">{flagsWhy ?? t('filters.flagsHint')}</p>
      </fieldset>
      <button
        type="button"
        disabled={!anyChosen}
        onClick={() => onChange({ weekdays: undefined, hours: undefined, flags: undefined })}
      >
        {t('filters.clear')}
      </button>
    </div>
  );
}
