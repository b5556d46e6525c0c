import type { HotspotsBody, Vocabulary } from '../api';
import { ClassLegend } from '../map/Legend';
import { CLASS_FILL } from './hotspotColours';
import { type Language, type Translate, translator } from '../../server/domain/i18n/translate';
import { type MessageKey, useLanguage, useT } from '../i18n/language';

/** A Gi* class's name: the server's English, or the Welsh catalogue's by class value. */
export function giClassLabel(t: Translate, language: Language, value: number, english: string): string {
  return language === 'cy'
    ? t(`map.class.${value > 0 ? `hot${value}` : value < 0 ? `cold${-value}` : 'ns'}` as MessageKey)
    : english;
}

/** Key to the Gi* classes, with how many cells fall in each and the method used. */
export function HotspotLegend(props: {
  body: HotspotsBody | null;
  classes: Vocabulary['hotspotClasses'];
  definition: readonly string[];
  area: string | null;
}) {
  const t = useT();
  const language = useLanguage();
  if (!props.body) return null;
  return (
    <ClassLegend
      {...hotspotLegendContent(props.body, props.classes, t, language)}
      area={props.area}
      definition={props.definition}
    />
  );
}

/** What the Gi* legend says (on screen and in a saved image). */
export function hotspotLegendContent(
  body: HotspotsBody,
  vocabulary: Vocabulary['hotspotClasses'],
  t: Translate = translator('en'),
  language: Language = 'en',
) {
  const counts = new Map<number, number>();
  for (const cell of body.cells) if (cell.class !== null) counts.set(cell.class, (counts.get(cell.class) ?? 0) + 1);
  return {
    title: t('map.hotspots.title'),
    subtitle: t('map.hotspots.subtitle', {
      from: body.from,
      to: body.to,
      res: body.res,
      k: body.k,
      p: t(body.inference === 'permutation' ? 'map.hotspots.permutationP' : 'map.hotspots.normalP'),
    }),
    classes: vocabulary.map((c) => ({
      key: c.value,
      label: giClassLabel(t, language, c.value, c.label),
      fill: c.value === 0 ? null : (CLASS_FILL[c.value] ?? null),
      count: counts.get(c.value) ?? 0,
    })),
    note: [
      body.coldSpots.note,
      body.coverage.note && t('map.hotspots.region', { note: body.coverage.note }),
      body.sourcesNote && t('common.sources', { sources: body.sourcesNote }),
      t('map.hotspots.cellsNote', { n: body.cells.length }),
      t('map.hotspots.neighbours', { weights: body.method.weights }),
      t('map.hotspots.pValues', { inference: body.method.inference }),
      body.disclosure.note,
    ]
      .filter(Boolean)
      .join(' '),
  };
}
