import { Options } from '../controls/Options';
import { RESOLUTIONS } from './resolutions';

export type AreaResolution = 7 | 8 | 9;

const OPTIONS = RESOLUTIONS.filter((r) => r.res <= 9).map((r) => ({ value: r.res, label: r.label }));

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
        <Options options={OPTIONS} />
      </select>
    </label>
  );
}
