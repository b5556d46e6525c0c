import { Options } from '../controls/Options';
import { type MessageKey, useT } from '../i18n/language';

/** Kernel bandwidth in metres; null = the server's rule of thumb. */
export type Bandwidth = number | null;

const CHOICES: { value: Bandwidth; label: MessageKey }[] = [
  { value: null, label: 'map.bandwidth.auto' },
  { value: 250, label: 'map.bandwidth.250' },
  { value: 500, label: 'map.bandwidth.500' },
  { value: 1000, label: 'map.bandwidth.1000' },
];

export function BandwidthPicker({ value, onChange }: { value: Bandwidth; onChange: (b: Bandwidth) => void }) {
  const t = useT();
  return (
    <div className="control-group">
      <label htmlFor="kde-bandwidth" className="control-label">
        {t('map.bandwidth.label')}
      </label>
      <select
        id="kde-bandwidth"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <Options options={CHOICES.map((c) => ({ value: c.value ?? '', label: t(c.label) }))} />
      </select>
    </div>
  );
}
