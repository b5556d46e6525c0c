import type { SfhotspotRule } from '../cells/analysis';
import { SelectField } from '../controls/SelectField';
import { useT } from '../i18n/language';
/** What the hexagons are coloured by. */
export type SpaceTimeColour = 'sfhotspot' | 'emerging';

/** What the space-time map shows, and how its classes and patterns are found. */
export function SpaceTimeOptions(props: {
  colour: SpaceTimeColour;
  rule: SfhotspotRule;
  timeStep: '0' | '1';
  onChange: (next: { colour?: SpaceTimeColour; rule?: SfhotspotRule; step?: '0' | '1' }) => void;
}) {
  const t = useT();
  const rules: { value: SfhotspotRule; label: string }[] = [
    { value: 'sfhotspot', label: t('spacetime.rule.sfhotspot') },
    { value: 'fdr-over-cells', label: t('spacetime.rule.fdr') },
  ];
  const steps: { value: '0' | '1'; label: string }[] = [
    { value: '0', label: t('spacetime.step.0') },
    { value: '1', label: t('spacetime.step.1') },
  ];
  const colours: { value: SpaceTimeColour; label: string }[] = [
    { value: 'sfhotspot', label: t('spacetime.colour.sfhotspot') },
    { value: 'emerging', label: t('spacetime.colour.emerging') },
  ];
  return (
    <div className="control-group">
      <SelectField
        id="st-colour"
        label={t('spacetime.options.map')}
        value={props.colour}
        options={colours}
        onChange={(colour) => props.onChange({ colour })}
      />
      <SelectField
        id="st-rule"
        label={t('spacetime.options.rule')}
        value={props.rule}
        options={rules}
        onChange={(rule) => props.onChange({ rule })}
      />
      <SelectField
        id="st-step"
        label={t('spacetime.options.step')}
        value={props.timeStep}
        options={steps}
        onChange={(step) => props.onChange({ step })}
      />
    </div>
  );
}
