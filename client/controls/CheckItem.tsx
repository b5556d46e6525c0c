import type { ReactNode } from 'react';

interface CheckItemProps {
  name: string;
  value: string | number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Drawn between the box and the label (a legend swatch). */
  swatch?: ReactNode;
  /** The label text and any badges or hints beneath it. */
  children: ReactNode;
}

/** One row of a check-list: a labelled checkbox, as used by every picker and layer toggle. */
export function CheckItem({ name, value, checked, onChange, swatch, children }: CheckItemProps) {
  return (
    <label>
      <input
        type="checkbox"
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {swatch}
      <span className="check-label">{children}</span>
    </label>
  );
}
