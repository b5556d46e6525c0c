import { Options } from '../controls/Options';
import { isResolution, RESOLUTIONS, type Resolution } from './resolutions';

const OPTIONS = RESOLUTIONS.map((r) => ({ value: r.res, label: r.label }));

/** The hexagon size of the map (H3 resolutions 7 to 10). */
export function ResolutionPicker({ value, onChange }: { value: Resolution; onChange: (res: Resolution) => void }) {
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
        <Options options={OPTIONS} />
      </select>
    </div>
  );
}
