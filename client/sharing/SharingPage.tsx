import { useState, type FormEvent, type ReactNode } from 'react';
import type { InferResponseType } from 'hono/client';
import { api, okJson, type Dataset, type Ok } from '../api';
import { useScopeOptions } from '../reference/scopeOptions';
import { useEditable } from '../reference/useEditable';
import { PlaceLayersSection, type PlaceLayer } from './PlaceLayersSection';

type Grant = Ok<InferResponseType<typeof api.api.grants.$get>>['grants'][number];

function status(g: Grant): string {
  if (g.revokedAt) return `revoked ${g.revokedAt.slice(0, 10)}`;
  return new Date(g.expiresAt) <= new Date() ? 'expired' : 'live';
}

async function loadSharing(): Promise<{ datasets: Dataset[]; grants: Grant[]; layers: PlaceLayer[] }> {
  const [d, g, l] = await Promise.all([
    okJson(api.api.datasets.$get()),
    okJson(api.api.grants.$get()),
    okJson(api.api['place-layers'].$get()),
  ]);
  return { datasets: [...d.datasets], grants: [...g.grants], layers: [...l.layers] };
}

/**
 * Data owners share restricted datasets and place layers with another partnership or PCC:
 * purpose, expiry, and for datasets an optional area. Place layers are uploaded and kept here.
 */
export function SharingPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const { data, error, act } = useEditable(loadSharing);
  const datasets = data?.datasets ?? [];
  const grants = data?.grants ?? [];
  const layers = data?.layers ?? [];
  const scopes = useScopeOptions();
  const label = (scope: string) => scopes.data?.find((o) => o.value === scope)?.label ?? scope;

  const shareable = datasets.filter((d) => d.sensitivity === 'restricted' && d.canManage && d.basis !== 's17');
  const shareableLayers = layers.filter((l) => l.restricted && l.canManage);
  const s17 = datasets.filter((d) => d.basis === 's17');
  const name = (g: Grant) =>
    g.datasetId !== null
      ? (datasets.find((d) => d.id === g.datasetId)?.name ?? `dataset ${g.datasetId}`)
      : `place layer "${g.placeLayer ?? g.placeLayerId}"`;

  return (
    <div className="admin-page">
      <header className="admin-header">
        <h1>hotspot · data sharing</h1>
        {header}
      </header>
      {notice}
      <section className="admin-section" aria-label="Grants">
        <p className="hint">
          Restricted data belongs to the partnership or PCC that supplied it. A grant lets another partnership or a PCC
          use it for a stated purpose until it expires; a dataset's grant can be limited to an area (its cells: a grant
          for a small drawn partnership does not open the authority around it). Data received by a PCC under s17 cannot
          be granted onward.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {shareable.length + shareableLayers.length > 0 ? (
          <GrantForm
            datasets={shareable}
            layers={shareableLayers}
            scopeOptions={scopes.data ?? []}
            onGrant={(body) => act(() => okJson(api.api.grants.$post({ json: body })))}
          />
        ) : (
          <p className="hint">You hold no restricted datasets or place layers you can share.</p>
        )}
        {s17.length > 0 && <p className="hint">Not shareable (s17): {s17.map((d) => d.name).join('; ')}.</p>}
        <table className="data-table grants-table">
          <thead>
            <tr>
              <th>Data</th>
              <th>Granted to</th>
              <th>Purpose</th>
              <th>Area</th>
              <th>Expires</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>{name(g)}</td>
                <td>{label(g.granteeScope)}</td>
                <td>{g.purpose}</td>
                <td>{g.area ?? (g.placeLayerId !== null ? 'whole layer' : 'anywhere')}</td>
                <td>{g.expiresAt.slice(0, 10)}</td>
                <td>{status(g)}</td>
                <td>
                  {status(g) === 'live' && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => act(() => okJson(api.api.grants[':id'].$delete({ param: { id: String(g.id) } })))}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PlaceLayersSection layers={layers} ownerLabel={label} act={act} />
    </div>
  );
}

type GrantBody = { granteeScope: string; purpose: string; expiresAt: string } & (
  | { datasetId: number; area?: string }
  | { placeLayerId: number }
);

function GrantForm({
  datasets,
  layers,
  scopeOptions,
  onGrant,
}: {
  datasets: Dataset[];
  layers: PlaceLayer[];
  scopeOptions: { value: string; label: string }[];
  onGrant: (g: GrantBody) => Promise<void>;
}) {
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const [what, setWhat] = useState(datasets[0] ? `dataset:${datasets[0].id}` : `layer:${layers[0]!.id}`);
  const [grantee, setGrantee] = useState('');
  const [purpose, setPurpose] = useState('');
  const [area, setArea] = useState('');
  const [expiresAt, setExpiresAt] = useState(nextYear);
  const [kind, id] = what.split(':') as ['dataset' | 'layer', string];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const common = { granteeScope: grantee, purpose, expiresAt };
    await onGrant(
      kind === 'layer'
        ? { ...common, placeLayerId: Number(id) }
        : { ...common, datasetId: Number(id), ...(area.trim() ? { area: area.trim() } : {}) },
    );
    setPurpose('');
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-label="Grant access">
      <label>
        Data
        <select name="grant-dataset" value={what} onChange={(e) => setWhat(e.target.value)}>
          {datasets.length > 0 && (
            <optgroup label="Datasets">
              {datasets.map((d) => (
                <option key={d.id} value={`dataset:${d.id}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          )}
          {layers.length > 0 && (
            <optgroup label="Place layers">
              {layers.map((l) => (
                <option key={l.id} value={`layer:${l.id}`}>
                  {l.name} (layer {l.id})
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label>
        Grant to
        <select name="grant-to" required value={grantee} onChange={(e) => setGrantee(e.target.value)}>
          <option value="">choose…</option>
          {scopeOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Purpose{' '}
        <input
          name="grant-purpose"
          required
          minLength={10}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          placeholder="e.g. joint problem profile under the Duty"
        />
      </label>
      <label>
        Only within (optional){' '}
        <input
          name="grant-area"
          value={kind === 'layer' ? '' : area}
          disabled={kind === 'layer'}
          onChange={(e) => setArea(e.target.value)}
          placeholder={kind === 'layer' ? 'a layer is granted whole' : 'pfa:W15000002, lad:W06000022 or partnership:ID'}
        />
      </label>
      <label>
        Expires{' '}
        <input
          type="date"
          name="grant-expires"
          required
          value={expiresAt}
          onChange={(e) => setExpiresAt(e.target.value)}
        />
      </label>
      <button type="submit">Grant access</button>
    </form>
  );
}
