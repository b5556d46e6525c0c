import type { Translate } from '../../server/domain/i18n/translate';
import type { SpaceTimeBody, Vocabulary } from '../api';
import { CLASS_FILL } from '../hotspots/hotspotColours';
import { useLanguage, useT } from '../i18n/language';
import { ClassLegend, type LegendClass } from '../map/Legend';
import { periodLabel } from './periodLabel';
import { EHSA_PATTERNS, ehsaFill, ehsaLabel, ehsaText, SFHOTSPOT_FILL, sfhotspotText } from './spaceTimeLayer';
import type { SpaceTimeColour } from './SpaceTimeOptions';

/** One period's Gi* classes instead of the overall pattern: its index and label, and the classes' names. */
export interface ShownPeriod {
  index: number;
  label: string;
  hotspotClasses: Vocabulary['hotspotClasses'];
}

/** Key to the space-time classes or patterns (or one period's Gi* classes), with how many cells fall in each. */
export function SpaceTimeLegend(props: {
  body: SpaceTimeBody | null;
  colour: SpaceTimeColour;
  definition: readonly string[];
  area: string | null;
  period: number | null;
  hotspotClasses: Vocabulary['hotspotClasses'];
}) {
  const t = useT();
  const language = useLanguage();
  if (!props.body) return null;
  const p = props.period !== null ? props.body.periods[props.period] : undefined;
  const shown = p
    ? { index: props.period!, label: periodLabel(p, language), hotspotClasses: props.hotspotClasses }
    : null;
  return (
    <div className="space-time-legend" data-period={shown ? String(shown.index + 1) : 'overall'}>
      <ClassLegend
        {...spaceTimeLegendContent(props.body, props.colour, t, shown)}
        area={props.area}
        definition={props.definition}
      />
    </div>
  );
}

/** What the space-time legend says (on screen and in a saved image). */
export function spaceTimeLegendContent(
  body: SpaceTimeBody,
  colour: SpaceTimeColour,
  t: Translate,
  shown: ShownPeriod | null = null,
) {
  const note = (lines: (string | null | false | undefined)[]) => lines.filter(Boolean).join(' ');
  const common = [
    body.coverage.note && t('spacetime.legend.coverage', { note: body.coverage.note }),
    body.sourcesNote && t('spacetime.legend.sources', { note: body.sourcesNote }),
    t('spacetime.legend.significance', { method: body.method.significance }),
  ];
  if (shown) {
    const counts = new Map<number, number>();
    for (const cell of body.cells) {
      const value = cell.classes[shown.index];
      if (value !== null && value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const p = body.periods[shown.index]!;
    return {
      title: t('spacetime.legend.titlePeriod', { period: shown.label }),
      subtitle: t('spacetime.legend.subtitlePeriod', {
        n: shown.index + 1,
        total: body.periods.length,
        from: p.from,
        to: p.to,
        res: body.res,
        k: body.k,
      }),
      classes: shown.hotspotClasses
        .filter((c) => c.value !== 0)
        .map((c) => ({
          key: c.value,
          label: c.label,
          fill: CLASS_FILL[c.value] ?? null,
          count: counts.get(c.value) ?? 0,
        })),
      note: note([t('spacetime.legend.regionCellsPeriod', { n: body.regionCells }), ...common, body.disclosure.note]),
    };
  }
  const counts = new Map<string, number>();
  for (const cell of body.cells) {
    const label = colour === 'emerging' ? ehsaLabel(cell) : cell.sfhotspot;
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const classes: LegendClass[] =
    colour === 'emerging'
      ? (['hot', 'cold'] as const).flatMap((kind) =>
          EHSA_PATTERNS.map((pattern) => {
            const key = `${pattern} ${kind} spot`;
            const fill = ehsaFill({ kind, pattern });
            return { key, label: ehsaText(t, { kind, pattern }), fill, count: counts.get(key) ?? 0 };
          }),
        )
      : Object.entries(SFHOTSPOT_FILL)
          .filter(([label]) => label !== 'no pattern')
          .map(([label, fill]) => ({
            key: label,
            label: sfhotspotText(t, label),
            fill,
            count: counts.get(label) ?? 0,
          }));
  return {
    title: t(colour === 'emerging' ? 'spacetime.legend.titleEmerging' : 'spacetime.legend.titleSfhotspot'),
    subtitle: t('spacetime.legend.subtitle', {
      periods: body.periods.length,
      asOf: body.asOf,
      res: body.res,
      k: body.k,
      rule: t(body.rule === 'sfhotspot' ? 'spacetime.legend.ruleSfhotspot' : 'spacetime.legend.ruleFdr'),
      step: body.timeStep,
    }),
    classes: classes.filter((c) => c.count > 0),
    note: note([
      t('spacetime.legend.regionCells', { n: body.regionCells }),
      ...common,
      colour === 'emerging'
        ? t('spacetime.legend.patterns', { method: body.method.emerging })
        : t('spacetime.legend.classes', { method: body.method.sfhotspot }),
      body.disclosure.note,
    ]),
  };
}
