import { isResolution, RESOLUTIONS, type Resolution } from './resolutions';

interface ResolutionPickerProps {
  value: Resolution;
  onChange: (res: Resolution) => void;
}

export function ResolutionPicker({ value, onChange }: ResolutionPickerProps) {
  return (
    <div className="control-group">
      <label htmlFor="h3-resolution" className="control-label">
        Hexagon size (H3 resolution)
      </label>
      <select
        id="h3-resolution"
        name="res"
        value={value}
        onChange={(event) => {
          const res = Number(event.target.value);
          if (isResolution(res)) onChange(res);
        }}
      >
        {RESOLUTIONS.map((r) => (
          <option key={r.res} value={r.res}>
            {r.label}
          </option>
        ))}
      </select>
    </div>
  );
}
