import { useMemo } from 'react';
import { ControlSection } from '../controls/ControlSection';
import { useT } from '../i18n/language';
import type { Selection } from '../selection/selection';
import { filterAvailability } from './availability';
import { describeFilters } from './describeFilters';
import { FilterControls } from './FilterControls';

interface FilterSectionProps {
  selection: Selection;
  /** The datasets the page analyses: they decide which filters can be used. */
  selected: readonly { name: string; kind: 'police-uk' | 'incidents'; datePrecision: 'month' | 'day' | 'datetime' }[];
  select: (patch: Selection) => void;
  defaultOpen?: boolean;
  /** This page's analysis takes no flags (the Police and ED route has none): greyed out, saying so. */
  flagsNotTaken?: boolean;
}

/** The side panel's "Filters" group: weekdays, hours and flags, written to the URL so every analysis page keeps them. */
export function FilterSection({ selection, selected, select, defaultOpen, flagsNotTaken }: FilterSectionProps) {
  const t = useT();
  const availability = useMemo(() => filterAvailability(selected, t), [selected, t]);
  const choice = { weekdays: selection.weekdays, hours: selection.hours, flags: selection.flags };
  return (
    <ControlSection
      title={t('filters.section')}
      summary={describeFilters(choice, t) ?? t('filters.none')}
      defaultOpen={defaultOpen}
    >
      <FilterControls
        choice={choice}
        availability={availability}
        flagsTakenBy={
          flagsNotTaken ? t('filters.flagsNotTaken') : selection.definition ? t('filters.flagsByDefinition') : null
        }
        onChange={select}
      />
    </ControlSection>
  );
}
