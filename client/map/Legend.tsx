import type { ReactNode } from 'react';
import type { CellsBody } from '../api';
import {
  COUNT_OUTLINE,
  countColour,
  cssColour,
  legendStops,
  type Rgba,
  SUPPRESSED_FILL,
  SUPPRESSED_OUTLINE,
} from './colourScale';
import { countSuppressed, maxCount, minCount } from './cellsLayer';
import type { PrintKey, PrintKeyItem } from './print/printKey';
import { type Translate, translator } from '../../server/domain/i18n/translate';
import { useT } from '../i18n/language';

const ENGLISH = translator('en');

interface LegendProps {
  cells: CellsBody | null;
  /** Labels of the offence groups counted, shown so every map states its definition. */
  definition: readonly string[];
  /** The partnership the counts are limited to, or null for all areas. */
  area: string | null;
}

/** Colour key for the hexagons plus what the map shows. */
export function Legend({ cells, definition, area }: LegendProps) {
  const t = useT();
  if (!cells) return null;
  const suppressed = countSuppressed(cells.cells);
  const { stops, withheld } = countKeyItems(cells, t);
  const k = cells.threshold;
  return (
    <section className="legend" aria-label={t('map.legend.label')}>
      <h2>{t('map.caption.counts')}</h2>
      <p className="hint">{t('map.legend.subtitle', { from: cells.from, to: cells.to, res: cells.res })}</p>
      <p className="hint legend-area">{area ? t('map.legend.area', { area }) : t('map.summary.allAreas')}</p>
      {stops.length > 0 && (
        <ul className="legend-scale">
          {stops.map((stop) => (
            <li key={stop.label}>
              <Swatch fill={cssColour(stop.fill!)} outline={cssColour(stop.outline!)} />
              {stop.label}
            </li>
          ))}
        </ul>
      )}
      {stops.length > 1 && <p className="hint">{t('map.legend.logScale')}</p>}
      {withheld && (
        <p className="legend-suppressed">
          <Swatch fill={cssColour(SUPPRESSED_FILL)} outline={cssColour(SUPPRESSED_OUTLINE)} />
          {withheld.label}
          {suppressed > 0 && <span className="hint"> {t('map.legend.cells', { n: suppressed })}</span>}
        </p>
      )}
      <p className="legend-summary">
        {t('map.legend.hexagons', { n: cells.cells.length })}
        {cells.restricted && (
          <>
            {' '}
            · <strong>{t('common.restricted')}</strong>:{' '}
            {t('map.legend.restrictedNote', { k: k ?? t('map.legend.theThreshold') })}
          </>
        )}
      </p>
      {cells.sourcesNote && (
        <p className="hint legend-sources">{t('common.sources', { sources: cells.sourcesNote })}</p>
      )}
      <LegendDefinition definition={definition} />
    </section>
  );
}

/** The count map's swatches: counts spread on its log scale, and "fewer than k" where counts are withheld. */
export function countKeyItems(
  cells: CellsBody,
  t: Translate = ENGLISH,
): { stops: PrintKeyItem[]; withheld: PrintKeyItem | null } {
  const max = maxCount(cells.cells);
  const stops = max > 0 ? legendStops(minCount(cells.cells), max) : [];
  const k = cells.threshold;
  return {
    stops: stops.map((count) => ({
      label: t('common.number', { n: count }),
      fill: countColour(count, max),
      outline: COUNT_OUTLINE,
    })),
    withheld:
      countSuppressed(cells.cells) > 0 || cells.restricted
        ? {
            label: k === null ? t('map.legend.suppressed') : t('map.legend.fewerThan', { k }),
            fill: SUPPRESSED_FILL,
            outline: SUPPRESSED_OUTLINE,
          }
        : null,
  };
}

/** The count map's key for a saved image: the same swatches as the legend on screen. */
export function countKey(cells: CellsBody, t: Translate = ENGLISH): PrintKey {
  const { stops, withheld } = countKeyItems(cells, t);
  return { title: t('map.legend.countsPrintTitle'), items: withheld ? [...stops, withheld] : stops };
}

/** A class map's key for a saved image: the legend's classes, each with its number of cells. */
export function classKey(title: string, classes: readonly LegendClass[], t: Translate = ENGLISH): PrintKey {
  return {
    title,
    items: classes.map((c) => ({ label: `${c.label} (${t('common.number', { n: c.count })})`, fill: c.fill })),
  };
}

/** The offence groups a map counts: every map states its definition. */
export function LegendDefinition({ definition }: { definition: readonly string[] }) {
  const t = useT();
  if (definition.length === 0) return null;
  return (
    <p className="legend-definition">
      <span className="hint">{t('map.legend.counting')}</span>
      {definition.join(', ')}
    </p>
  );
}

function Swatch({ fill, outline }: { fill: string; outline: string }) {
  return <span className="swatch" aria-hidden="true" style={{ background: fill, borderColor: outline }} />;
}

export interface LegendClass {
  key: string | number;
  label: string;
  /** Null: drawn unfilled. */
  fill: Rgba | null;
  /** Cells in the class. */
  count: number;
}

/** Classes as swatches, each with its label and how many cells fall in it. */
export function ClassList({ classes, className }: { classes: readonly LegendClass[]; className?: string }) {
  return (
    <ul className={`legend-scale legend-classes${className ? ` ${className}` : ''}`}>
      {classes.map((c) => (
        <li key={c.key}>
          <span
            className="swatch"
            style={{ background: c.fill ? cssColour(c.fill) : 'transparent', border: '1px solid #8895a7' }}
          />
          {c.label} <span className="hint">({c.count.toLocaleString('en-GB')})</span>
        </li>
      ))}
    </ul>
  );
}

/** The key to a map of classes (Gi* classes, density bands): what, when, where, the classes, and how. */
export function ClassLegend(props: {
  title: string;
  /** Period, resolution and method parameters. */
  subtitle: string;
  area: string | null;
  classes: readonly LegendClass[];
  note: ReactNode;
  definition: readonly string[];
}) {
  const t = useT();
  return (
    <section className="legend" aria-label={t('map.legend.label')}>
      <h2>{props.title}</h2>
      <p className="hint">{props.subtitle}</p>
      <p className="hint legend-area">{props.area ? t('map.legend.area', { area: props.area }) : ''}</p>
      <ClassList classes={props.classes} />
      <p className="hint">{props.note}</p>
      <LegendDefinition definition={props.definition} />
    </section>
  );
}
