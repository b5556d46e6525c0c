import { RESOLUTIONS } from './resolutions';

export type AreaResolution = 7 | 8 | 9;

/** The H3 resolutions area statistics are computed at (covers are stored at 7 to 9). */
export function AreaResolutionPicker({
  value,
  onChange,
}: {
  value: AreaResolution;
  onChange: (res: AreaResolution) => void;
}) {
  return (
    <label className="control-group">
      <span className="control-label">Hexagon size (H3 resolution)</span>
      <select value={value} onChange={(e) => onChange(Number(e.target.value) as AreaResolution)}>
        {RESOLUTIONS.filter((r) => r.res <= 9).map((r) => (
          <option key={r.res} value={r.res}>
            {r.label}
          </option>
        ))}
      </select>
    </label>
  );
}
