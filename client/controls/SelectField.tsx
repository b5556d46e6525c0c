import { type Option, Options } from './Options';

/** A labelled select whose value is one of the options' values. */
export function SelectField<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly (Option & { value: T })[];
  onChange: (value: T) => void;
}) {
  return (
    <>
      <label htmlFor={props.id} className="control-label">
        {props.label}
      </label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        <Options options={props.options} />
      </select>
    </>
  );
}
