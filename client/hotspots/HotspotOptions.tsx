import type { Inference, Ring } from '../cells/analysis';
import { SelectField } from '../controls/SelectField';

const RINGS: { value: Ring; label: string }[] = [
  { value: 'auto', label: 'Automatic (every cell 8+ neighbours)' },
  { value: '1', label: '1 ring (6 neighbours)' },
  { value: '2', label: '2 rings (18 neighbours)' },
  { value: '3', label: '3 rings (36 neighbours)' },
  { value: '4', label: '4 rings (60 neighbours)' },
  { value: '5', label: '5 rings (90 neighbours)' },
];

const INFERENCE: { value: Inference; label: string }[] = [
  { value: 'normal', label: 'Normal approximation' },
  { value: 'permutation', label: '999 permutations (sparse counts)' },
];

/** The neighbourhood and the p-values of the hot-spot map. */
export function HotspotOptions(props: {
  ring: Ring;
  /** Absent: only the neighbourhood is chosen here (the space-time view's Gi* uses the normal p). */
  inference?: Inference;
  onChange: (next: { k?: Ring; inference?: Inference }) => void;
}) {
  return (
    <div className="control-group">
      <SelectField
        id="gi-ring"
        label="Gi* neighbourhood"
        value={props.ring}
        options={RINGS}
        onChange={(k) => props.onChange({ k })}
      />
      {props.inference && (
        <SelectField
          id="gi-inference"
          label="Gi* p-values"
          value={props.inference}
          options={INFERENCE}
          onChange={(inference) => props.onChange({ inference })}
        />
      )}
    </div>
  );
}
