import { projectCells } from './projectCells';
import { useMemo } from 'react';
import { useT } from '../i18n/language';

/**
 * The priority and watched locations period by period: one small map per period, each location
 * shaded by its count (darker = more; hatched grey = withheld), so a panel sees at a glance what
 * came, grew, and went.
 */
export function SmallMultiples({
  periods,
  cells,
  threshold,
  names = {},
}: {
  periods: readonly { label: string }[];
  /** Each location's name for people, by cell id. */
  names?: Readonly<Record<string, string>>;
  cells: Record<string, readonly (number | null)[]>;
  threshold: number | null;
}) {
  const t = useT();
  const size = 120;
  const shapes = useMemo(() => projectCells(Object.keys(cells), size, size, 6), [cells]);
  const max = Math.max(1, ...Object.values(cells).flatMap((s) => s.map((n) => n ?? 0)));
  const fill = (n: number | null) =>
    n === null ? '#c3c9d3' : n === 0 ? '#ffffff' : `rgba(128, 0, 38, ${(0.15 + 0.85 * (n / max)).toFixed(2)})`;
  return (
    <figure className="small-multiples" aria-label={t('panel.multiples.label')}>
      <div className="small-multiples-row">
        {periods.map((p, i) => (
          <div key={p.label} className="small-multiple">
            <svg viewBox={`0 0 ${size} ${size}`} role="img" aria-label={p.label} data-period={i}>
              <rect width={size} height={size} fill="#f4f6f9" />
              {shapes.map(({ h3, points }) => (
                <polygon key={h3} points={points} fill={fill(cells[h3]![i] ?? 0)} stroke="#6b7686" strokeWidth={0.6}>
                  <title>{`${names[h3] ?? h3}: ${cells[h3]![i] ?? t('panel.multiples.withheld')}`}</title>
                </polygon>
              ))}
            </svg>
            <figcaption className="hint">{p.label.replace('Fortnight ', '')}</figcaption>
          </div>
        ))}
      </div>
      <figcaption className="hint">{t('panel.multiples.key', { max, k: threshold ?? 'k' })}</figcaption>
    </figure>
  );
}
