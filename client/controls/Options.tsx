export interface Option {
  value: string | number;
  label: string;
}

/** A select's options. */
export function Options({ options }: { options: readonly Option[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** Options from a vocabulary list ({ id, label }). */
export const asOptions = (list: readonly { id: string | number; label: string }[]): Option[] =>
  list.map((entry) => ({ value: entry.id, label: entry.label }));
