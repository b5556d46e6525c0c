import type { SpaceTimeBody } from '../api';
import { ClassLegend, type LegendClass } from '../map/Legend';
import { EHSA_PATTERNS, ehsaFill, ehsaLabel, SFHOTSPOT_FILL } from './spaceTimeLayer';
import type { SpaceTimeColour } from './SpaceTimeOptions';

/** Key to the space-time classes or patterns, with how many cells fall in each and the rules used. */
export function SpaceTimeLegend(props: {
  body: SpaceTimeBody | null;
  colour: SpaceTimeColour;
  definition: readonly string[];
  area: string | null;
}) {
  if (!props.body) return null;
  return (
    <ClassLegend
      {...spaceTimeLegendContent(props.body, props.colour)}
      area={props.area}
      definition={props.definition}
    />
  );
}

/** What the space-time legend says (on screen and in a saved image). */
export function spaceTimeLegendContent(body: SpaceTimeBody, colour: SpaceTimeColour) {
  const counts = new Map<string, number>();
  for (const cell of body.cells) {
    const label = colour === 'emerging' ? ehsaLabel(cell) : cell.sfhotspot;
    if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const classes: LegendClass[] =
    colour === 'emerging'
      ? (['hot', 'cold'] as const).flatMap((kind) =>
          EHSA_PATTERNS.map((pattern) => {
            const label = `${pattern} ${kind} spot`;
            return { key: label, label, fill: ehsaFill({ kind, pattern }), count: counts.get(label) ?? 0 };
          }),
        )
      : Object.entries(SFHOTSPOT_FILL)
          .filter(([label]) => label !== 'no pattern')
          .map(([label, fill]) => ({ key: label, label, fill, count: counts.get(label) ?? 0 }));
  return {
    title: colour === 'emerging' ? 'Emerging hot spots (ArcGIS EHSA)' : 'Hot-spot classes over time (sfhotspot)',
    subtitle: `${body.periods.length} months to ${body.asOf} · H3 resolution ${body.res} · ${body.k}-ring neighbours · ${body.rule === 'sfhotspot' ? "sfhotspot's significance" : 'FDR over cells'} · EHSA time step ${body.timeStep}`,
    classes: classes.filter((c) => c.count > 0),
    note: [
      `${body.regionCells.toLocaleString('en-GB')} cells in the region; unfilled cells have no pattern.`,
      body.coverage.note && `Coverage: ${body.coverage.note}.`,
      body.sourcesNote && `Sources: ${body.sourcesNote}.`,
      `Significance: ${body.method.significance}.`,
      colour === 'emerging' ? `Patterns: ${body.method.emerging}.` : `Classes: ${body.method.sfhotspot}.`,
      body.disclosure.note,
    ]
      .filter(Boolean)
      .join(' '),
  };
}
