import { Options } from '../controls/Options';

/** Kernel bandwidth in metres; null = the server's rule of thumb. */
export type Bandwidth = number | null;

const CHOICES: { value: Bandwidth; label: string }[] = [
  { value: null, label: 'Automatic (rule of thumb)' },
  { value: 250, label: '250 m (street level)' },
  { value: 500, label: '500 m (neighbourhood)' },
  { value: 1000, label: '1 km (town)' },
];

export function BandwidthPicker({ value, onChange }: { value: Bandwidth; onChange: (b: Bandwidth) => void }) {
  return (
    <div className="control-group">
      <label htmlFor="kde-bandwidth" className="control-label">
        Density bandwidth
      </label>
      <select
        id="kde-bandwidth"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <Options options={CHOICES.map((c) => ({ value: c.value ?? '', label: c.label }))} />
      </select>
    </div>
  );
}
