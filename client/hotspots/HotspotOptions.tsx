import type { Inference, Ring } from '../cells/analysis';
import { SelectField } from '../controls/SelectField';
import { type Translate, useT } from '../i18n/language';

/** A k-ring holds 3k(k+1) cells besides the centre. */
const ringLabel = (t: Translate, k: number) =>
  t(k === 1 ? 'map.gi.ringOne' : 'map.gi.ringOther', { n: k, m: 3 * k * (k + 1) });

const rings = (t: Translate): { value: Ring; label: string }[] => [
  { value: 'auto', label: t('map.gi.ringAuto') },
  ...(['1', '2', '3', '4', '5'] as const).map((k) => ({ value: k, label: ringLabel(t, Number(k)) })),
];

const inferences = (t: Translate): { value: Inference; label: string }[] => [
  { value: 'normal', label: t('map.gi.normal') },
  { value: 'permutation', label: t('map.gi.permutation') },
];

/** The neighbourhood and the p-values of the hot-spot map. */
export function HotspotOptions(props: {
  ring: Ring;
  /** Absent: only the neighbourhood is chosen here (the space-time view's Gi* uses the normal p). */
  inference?: Inference;
  onChange: (next: { k?: Ring; inference?: Inference }) => void;
}) {
  const t = useT();
  return (
    <div className="control-group">
      <SelectField
        id="gi-ring"
        label={t('map.gi.neighbourhood')}
        value={props.ring}
        options={rings(t)}
        onChange={(k) => props.onChange({ k })}
      />
      {props.inference && (
        <SelectField
          id="gi-inference"
          label={t('map.gi.pValues')}
          value={props.inference}
          options={inferences(t)}
          onChange={(inference) => props.onChange({ inference })}
        />
      )}
    </div>
  );
}
