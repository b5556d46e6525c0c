import { CheckList } from '../controls/CheckList';
import { type TimeWindow, WINDOW_PRESETS, type WindowChoice } from './timeWindows';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

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
      <legend>Time window</legend>
      {radio('any', 'Any time')}
      {(Object.keys(WINDOW_PRESETS) as (keyof typeof WINDOW_PRESETS)[]).map((k) => radio(k, WINDOW_PRESETS[k].label))}
      {radio('custom', 'Choose weekdays and hours')}
      {choice === 'custom' && !unavailable && (
        <div className="custom-window">
          <CheckList
            name="weekday"
            items={[1, 2, 3, 4, 5, 6, 7]}
            selected={custom.weekdays}
            onChange={(weekdays) => onCustom({ ...custom, weekdays })}
            label={(d) => WEEKDAYS[d - 1]}
          />
          <label>
            From{' '}
            <select aria-label="From hour" value={start} onChange={(e) => setHours(Number(e.target.value), end)}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hh(h)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            to{' '}
            <select aria-label="To hour" value={end} onChange={(e) => setHours(start, Number(e.target.value))}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hh(h)}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">Hours wrap midnight: 22:00 to 04:00 is the night.</p>
        </div>
      )}
      <p id="time-window-why" className="hint">
        {unavailable ?? 'Weekdays and hours are those of each incident’s own date and time.'}
      </p>
    </fieldset>
  );
}
