import { useT } from '../i18n/language';
import { countText, slotFill } from './weekHour';

const STEPS = 5;

/**
 * The grid's key: the colour scale from 0 to the busiest hour's count, the hatching of withheld
 * hours where the data is restricted, and how the totals treat them.
 */
export function WeekHourKey({
  max,
  threshold,
  withheld,
}: {
  max: number;
  threshold: number | null;
  withheld: boolean;
}) {
  const t = useT();
  const steps = Array.from({ length: STEPS }, (_, i) => Math.round((max * i) / (STEPS - 1)));
  return (
    <figcaption className="week-key">
      <span className="week-key-scale">
        <span>{t('timeprofile.key.scale')}:</span>
        {steps.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step of the scale is its position
          <span key={i} className="week-key-step">
            <span className="week-swatch" style={{ background: slotFill(n, max) }} />
            {countText(t, n, null)}
          </span>
        ))}
      </span>
      {threshold !== null && (
        <span className="week-key-withheld">
          <span className="week-swatch week-swatch-hatched" />
          {t('timeprofile.key.withheld', { k: threshold })}
        </span>
      )}
      {(threshold !== null || withheld) && <span className="hint">{t('timeprofile.key.totals')}</span>}
    </figcaption>
  );
}
