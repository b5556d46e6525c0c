import type { ReactNode } from 'react';
import { CheckItem } from './CheckItem';

interface CheckListProps<T extends string | number> {
  /** The checkboxes' name. */
  name: string;
  /** Every choice, in the order shown (and in which the chosen ones are given to `onChange`). */
  items: readonly T[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  /** A choice's label, with any badges and hints. */
  label: (item: T) => ReactNode;
  swatch?: (item: T) => ReactNode;
  /** Data attributes for a choice's row. */
  rowData?: (item: T) => Record<`data-${string}`, string>;
}

/** A list of checkboxes, one per choice, as every multi-choice picker shows them. */
export function CheckList<T extends string | number>({
  name,
  items,
  selected,
  onChange,
  label,
  swatch,
  rowData,
}: CheckListProps<T>) {
  const toggle = (item: T, on: boolean) => onChange(items.filter((i) => (i === item ? on : selected.includes(i))));
  return (
    <ul className="check-list">
      {items.map((item) => (
        <li key={item} {...rowData?.(item)}>
          <CheckItem
            name={name}
            value={item}
            checked={selected.includes(item)}
            onChange={(on) => toggle(item, on)}
            swatch={swatch?.(item)}
          >
            {label(item)}
          </CheckItem>
        </li>
      ))}
    </ul>
  );
}
