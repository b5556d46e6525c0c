import { type InputHTMLAttributes, useId } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  label: string;
  /** Name the input by aria-label only, with no visible label. */
  labelHidden?: boolean;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled input whose value the form keeps. */
export function TextField({ label, labelHidden = false, value, onChange, ...input }: TextFieldProps) {
  const id = useId();
  const field = (
    <input
      {...input}
      id={id}
      aria-label={labelHidden ? label : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
  if (labelHidden) return field;
  return (
    <label htmlFor={id}>
      {label} {field}
    </label>
  );
}
