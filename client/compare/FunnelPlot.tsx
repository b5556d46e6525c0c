import { useState } from 'react';
import type { CompareBody } from '../api';
import { useT } from '../i18n/language';

const WIDTH = 560;
const HEIGHT = 320;
const PAD = { left: 56, right: 16, top: 16, bottom: 44 };

type Method = CompareBody['funnelLimits']['drawn'];
type Curve = NonNullable<CompareBody['funnel'][number]['poisson']>;

const METHOD_LABELS = {
  additive: 'compare.funnel.method.additive',
  multiplicative: 'compare.funnel.method.multiplicative',
  poisson: 'compare.funnel.method.poisson',
} as const satisfies Record<Method, string>;

/**
 * Funnel plot (Spiegelhalter 2005): each area's rate per 1,000 against its population, with 95%
 * and 99.8% control limits around the pooled rate: the server's choice (adjusted for
 * over-dispersion when the areas are over-dispersed) by default, or any other set it sent.
 * Areas outside the funnel differ from the pooled rate by more than the limits allow at that size.
 */
export function FunnelPlot({ body, names }: { body: CompareBody; names: ReadonlyMap<string, string> }) {
  const t = useT();
  const [chosen, setChosen] = useState<Method | null>(null);
  const points = body.areas.filter((a) => a.rate !== null && a.population > 0);
  if (body.funnel.length === 0 || points.length === 0) return null;
  const available = (['additive', 'multiplicative', 'poisson'] as const).filter((m) => body.funnel[0]![m] !== null);
  const method: Method = chosen && available.includes(chosen) ? chosen : body.funnelLimits.drawn;
  const limits = (p: CompareBody['funnel'][number]): Curve => p[method] ?? p.poisson;
  const positionOf = (a: CompareBody['areas'][number]) => a.funnel.methods[method]?.position ?? a.funnel.position;
  const xs = body.funnel.map((p) => p.population);
  const [x0, x1] = [Math.log(Math.min(...xs)), Math.log(Math.max(...xs))];
  // The rate axis spans the areas' intervals and the funnel at their sizes, not from zero, so close rates stay apart.
  const near = body.funnel.filter((p) =>
    points.some((a) => p.population >= a.population / 3 && p.population <= a.population * 3),
  );
  const highs = [...points.map((a) => a.rate!.upper), ...near.map((p) => limits(p).upper998)];
  const lows = [...points.map((a) => a.rate!.lower), ...near.map((p) => limits(p).lower998)];
  const span = Math.max(...highs) - Math.min(...lows) || body.pooledRate || 1;
  const yMin = Math.max(0, Math.min(...lows) - span * 0.1);
  const yMax = Math.max(...highs) + span * 0.1;
  const x = (population: number) =>
    PAD.left + ((Math.log(population) - x0) / (x1 - x0)) * (WIDTH - PAD.left - PAD.right);
  const y = (rate: number) =>
    HEIGHT -
    PAD.bottom -
    ((Math.min(Math.max(rate, yMin), yMax) - yMin) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  const line = (pick: (p: Curve) => number) =>
    body.funnel
      .map((p, i) => `${i ? 'L' : 'M'}${x(p.population).toFixed(1)},${y(pick(limits(p))).toFixed(1)}`)
      .join('');
  const ticks = [1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7].filter(
    (t) => t >= Math.min(...xs) && t <= Math.max(...xs),
  );
  return (
    <figure className="funnel-plot">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('compare.funnel.aria')}>
        <rect
          x={PAD.left}
          y={PAD.top}
          width={WIDTH - PAD.left - PAD.right}
          height={HEIGHT - PAD.top - PAD.bottom}
          fill="#fff"
          stroke="#cbd2d9"
        />
        <path d={line((p) => p.upper998)} className="limit-998" fill="none" stroke="#7b8794" strokeDasharray="5 4" />
        <path d={line((p) => p.lower998)} className="limit-998" fill="none" stroke="#7b8794" strokeDasharray="5 4" />
        <path d={line((p) => p.upper95)} className="limit-95" fill="none" stroke="#3e4c59" />
        <path d={line((p) => p.lower95)} className="limit-95" fill="none" stroke="#3e4c59" />
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={y(body.pooledRate)}
          y2={y(body.pooledRate)}
          stroke="#1c4f82"
          strokeWidth={1.5}
        />
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="axis">
            {t.toLocaleString('en-GB')}
          </text>
        ))}
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <text key={f} x={PAD.left - 6} y={y(yMin + (yMax - yMin) * f) + 4} textAnchor="end" className="axis">
            {(yMin + (yMax - yMin) * f).toFixed(1)}
          </text>
        ))}
        {points.map((a) => (
          <line
            key={`ci-${a.area}`}
            x1={x(a.population)}
            x2={x(a.population)}
            y1={y(a.rate!.lower)}
            y2={y(a.rate!.upper)}
            stroke="#52606d"
          />
        ))}
        <text x={(PAD.left + WIDTH - PAD.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="axis-title">
          {t('compare.funnel.xAxis')}
        </text>
        <text
          x={14}
          y={(PAD.top + HEIGHT - PAD.bottom) / 2}
          textAnchor="middle"
          className="axis-title"
          transform={`rotate(-90 14 ${(PAD.top + HEIGHT - PAD.bottom) / 2})`}
        >
          {t('compare.funnel.yAxis')}
        </text>
        {points.map((a) => (
          <g key={a.area} className="funnel-point" data-area={a.area} data-position={positionOf(a) ?? ''}>
            <circle
              cx={x(a.population)}
              cy={y(a.rate!.rate)}
              r={5}
              fill={positionOf(a) === 'within' ? '#52606d' : '#c0392b'}
            />
            <text x={x(a.population) + 8} y={y(a.rate!.rate) - 6} className="point-label">
              {names.get(a.area) ?? a.area}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="hint">
        {t('compare.funnel.caption', { rate: body.pooledRate.toFixed(2), method: t(METHOD_LABELS[method]) })}{' '}
        <span className="funnel-note">{capitalise(body.funnelLimits.note)}.</span>
        {available.length > 1 && (
          <label className="funnel-method">
            {' '}
            {t('compare.funnel.limitsDrawn')}{' '}
            <select value={method} onChange={(event) => setChosen(event.target.value as Method)}>
              {available.map((m) => (
                <option key={m} value={m}>
                  {t(METHOD_LABELS[m])}
                  {m === body.funnelLimits.drawn ? t('compare.funnel.default') : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </figcaption>
    </figure>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
