import { useEffect, useState } from 'react';
import { useT } from '../i18n/language';
import './period-slider.css';

/** How long each period shows while playing. */
const STEP_MS = 1000;

/**
 * The space-time view's choice of what colours the cells: the overall pattern, or one period's
 * Gi* classes picked with a slider; Play steps through the periods a second each and stops at the last.
 */
export function PeriodSlider(props: {
  labels: readonly string[];
  /** The period shown (an index into labels), or null for the overall pattern. */
  value: number | null;
  onChange: (period: number | null) => void;
}) {
  const t = useT();
  const { labels, value, onChange } = props;
  const [playing, setPlaying] = useState(false);
  const last = labels.length - 1;
  // One step per tick; the timer restarts from each period shown, so a drag while playing carries on from there.
  useEffect(() => {
    if (!playing) return;
    if (value === null || value >= last) {
      if (value === null) onChange(0);
      else setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onChange(value + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, value, last, onChange]);

  const shown = value ?? 0;
  return (
    <fieldset className="control-group period-slider" data-period={value === null ? 'overall' : String(value + 1)}>
      <legend>{t('spacetime.slider.show')}</legend>
      <label>
        <input
          type="radio"
          name="st-shown"
          checked={value === null}
          onChange={() => {
            setPlaying(false);
            onChange(null);
          }}
        />{' '}
        {t('spacetime.slider.overall')}
      </label>
      <label>
        <input type="radio" name="st-shown" checked={value !== null} onChange={() => onChange(shown)} />{' '}
        {t('spacetime.slider.byPeriod')}
      </label>
      <label htmlFor="st-period">{t('spacetime.slider.label')}</label>
      <input
        id="st-period"
        type="range"
        min={0}
        max={last}
        step={1}
        value={shown}
        aria-valuetext={labels[shown]}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <p className="hint period-slider-label" aria-live="polite">
        {t('spacetime.slider.period', { n: shown + 1, total: labels.length, label: labels[shown] ?? '' })}
      </p>
      <button
        type="button"
        className="period-slider-play"
        aria-pressed={playing}
        onClick={() => {
          // Play from the start when the last period (or the overall pattern) is showing.
          if (!playing && (value === null || value >= last)) onChange(0);
          setPlaying(!playing);
        }}
      >
        {playing ? t('spacetime.slider.pause') : t('spacetime.slider.play')}
      </button>
      <p className="hint">{t('spacetime.slider.playHint')}</p>
    </fieldset>
  );
}
