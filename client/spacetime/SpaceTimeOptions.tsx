import type { SfhotspotRule } from '../cells/analysis';
import { SelectField } from '../controls/SelectField';
/** What the hexagons are coloured by. */
export type SpaceTimeColour = 'sfhotspot' | 'emerging';

const RULES: { value: SfhotspotRule; label: string }[] = [
  { value: 'sfhotspot', label: "sfhotspot's own (Holm over each cell's months)" },
  { value: 'fdr-over-cells', label: 'FDR over the cells of each month' },
];
const STEPS: { value: '0' | '1'; label: string }[] = [
  { value: '0', label: 'Each month alone' },
  { value: '1', label: 'Month before counts too (time step 1)' },
];
const COLOURS: { value: SpaceTimeColour; label: string }[] = [
  { value: 'sfhotspot', label: 'sfhotspot classes' },
  { value: 'emerging', label: 'Emerging Hot Spot Analysis patterns' },
];

/** What the space-time map shows, and how its classes and patterns are found. */
export function SpaceTimeOptions(props: {
  colour: SpaceTimeColour;
  rule: SfhotspotRule;
  timeStep: '0' | '1';
  onChange: (next: { colour?: SpaceTimeColour; rule?: SfhotspotRule; step?: '0' | '1' }) => void;
}) {
  return (
    <div className="control-group">
      <SelectField
        id="st-colour"
        label="Space-time map"
        value={props.colour}
        options={COLOURS}
        onChange={(colour) => props.onChange({ colour })}
      />
      <SelectField
        id="st-rule"
        label="sfhotspot significance"
        value={props.rule}
        options={RULES}
        onChange={(rule) => props.onChange({ rule })}
      />
      <SelectField
        id="st-step"
        label="EHSA neighbourhood time step"
        value={props.timeStep}
        options={STEPS}
        onChange={(step) => props.onChange({ step })}
      />
    </div>
  );
}
