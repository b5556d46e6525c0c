import { CheckList } from '../controls/CheckList';
import { HourSelect } from '../controls/HourSelect';
import { type TimeWindow, WINDOW_PRESETS, type WindowChoice } from './timeWindows';
import { type MessageKey, useT } from '../i18n/language';

/** The preset windows' labels, by preset. */
const PRESET_LABELS: Record<keyof typeof WINDOW_PRESETS, MessageKey> = {
  'school-run': 'proximity.window.schoolRun',
  'night-time-economy': 'proximity.window.nightTimeEconomy',
};

interface TimeWindowPickerProps {
  choice: WindowChoice;
  custom: TimeWindow;
  /** Why the selected datasets cannot be filtered by time, or null: the picker is greyed out with it. */
  unavailable: string | null;
  onChoice: (choice: WindowChoice) => void;
  onCustom: (custom: TimeWindow) => void;
}

/** Any time, a preset window, or the user's own weekdays and hours. */
export function TimeWindowPicker({ choice, custom, unavailable, onChoice, onCustom }: TimeWindowPickerProps) {
  const t = useT();
  const [start, end] = custom.hours.split('-').map(Number) as [number, number];
  const setHours = (s: number, e: number) => onCustom({ ...custom, hours: `${s}-${e}` });
  const radio = (value: WindowChoice, label: string) => (
    <label className="radio-row" key={value}>
      <input
        type="radio"
        name="time-window"
        value={value}
        checked={(unavailable ? 'any' : choice) === value}
        onChange={() => onChoice(value)}
      />{' '}
      {label}
    </label>
  );
  return (
    <fieldset className="control-group time-window" disabled={unavailable !== null} aria-describedby="time-window-why">
      <legend>{t('proximity.window.legend')}</legend>
      {radio('any', t('proximity.window.any'))}
      {(Object.keys(WINDOW_PRESETS) as (keyof typeof WINDOW_PRESETS)[]).map((k) => radio(k, t(PRESET_LABELS[k])))}
      {radio('custom', t('proximity.window.custom'))}
      {choice === 'custom' && !unavailable && (
        <div className="custom-window">
          <CheckList
            name="weekday"
            items={[1, 2, 3, 4, 5, 6, 7]}
            selected={custom.weekdays}
            onChange={(weekdays) => onCustom({ ...custom, weekdays })}
            label={(d) => t(`proximity.weekday.${d}` as MessageKey)}
          />
          <HourSelect
            label={t('proximity.window.from')}
            ariaLabel={t('proximity.window.fromHour')}
            value={start}
            onChange={(h) => setHours(h, end)}
          />{' '}
          <HourSelect
            label={t('proximity.window.to')}
            ariaLabel={t('proximity.window.toHour')}
            value={end}
            onChange={(h) => setHours(start, h)}
          />
          <p className="hint">{t('proximity.window.wrap')}</p>
        </div>
      )}
      <p id="time-window-why" className="hint">
        {unavailable ?? t('proximity.window.own')}
      </p>
    </fieldset>
  );
}
