import type { DensityBody } from '../api';
import { ClassLegend } from '../map/Legend';
import { BAND_FILL, BAND_LABELS } from './densityColours';
import { type Translate, translator } from '../../server/domain/i18n/translate';
import { type MessageKey, useT } from '../i18n/language';

const metres = (t: Translate, m: number | null) => (m === null ? '–' : `${t('common.number', { n: Math.round(m) })} m`);

/** Key to the density bands, with the kernel and bandwidth used and other tools' defaults beside it. */
export function DensityLegend(props: { body: DensityBody | null; definition: readonly string[]; area: string | null }) {
  const t = useT();
  if (!props.body) return null;
  return <ClassLegend {...densityLegendContent(props.body, t)} area={props.area} definition={props.definition} />;
}

/** What the density legend says (on screen and in a saved image). */
export function densityLegendContent(body: DensityBody, t: Translate = translator('en')) {
  const counts = new Map<number, number>();
  for (const cell of body.cells) counts.set(cell.band, (counts.get(cell.band) ?? 0) + 1);
  return {
    title: t('map.density.title'),
    subtitle: t('map.density.subtitle', {
      from: body.from,
      to: body.to,
      res: body.res,
      drawn: body.sampleRes !== body.res ? t('map.density.drawnAt', { res: body.sampleRes }) : '',
      bandwidth: metres(t, body.bandwidth),
    }),
    classes: BAND_LABELS.map((label, band) => ({
      key: label,
      label: t(`map.density.band${band}` as MessageKey),
      fill: band === 0 ? null : (BAND_FILL[band] ?? null),
      count: counts.get(band) ?? 0,
    })),
    note: `${t('map.density.note', {
      bandwidth: body.method.bandwidth,
      rule: metres(t, body.bandwidths.rule),
      sfhotspot: metres(t, body.bandwidths.sfhotspot),
      arcgis: metres(t, body.bandwidths.arcgis),
      sampled: body.method.sampled,
    })}${body.disclosure.note ? ` ${body.disclosure.note}` : ''}`,
  };
}
