import { Options } from '../controls/Options';
import { type MessageKey, useT } from '../i18n/language';
import { isResolution, RESOLUTIONS, type Resolution } from './resolutions';

/** The hexagon size of the map (H3 resolutions 7 to 10). */
export function ResolutionPicker({ value, onChange }: { value: Resolution; onChange: (res: Resolution) => void }) {
  const t = useT();
  const options = RESOLUTIONS.map((r) => ({ value: r.res, label: t(`map.resolution.${r.res}` as MessageKey) }));
  return (
    <div className="control-group">
      <label htmlFor="h3-resolution" className="control-label">
        {t('map.resolution.label')}
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
        <Options options={options} />
      </select>
    </div>
  );
}
