import { useState, type FormEvent, type ReactNode } from 'react';
import type { InferResponseType } from 'hono/client';
import { api, okJson, type Dataset, type Ok } from '../api';
import { useScopeOptions } from '../reference/scopeOptions';
import { useEditable } from '../reference/useEditable';

type Grant = Ok<InferResponseType<typeof api.api.grants.$get>>['grants'][number];

function status(g: Grant): string {
  if (g.revokedAt) return `revoked ${g.revokedAt.slice(0, 10)}`;
  return new Date(g.expiresAt) <= new Date() ? 'expired' : 'live';
}

async function loadSharing(): Promise<{ datasets: Dataset[]; grants: Grant[] }> {
  const [d, g] = await Promise.all([okJson(api.api.datasets.$get()), okJson(api.api.grants.$get())]);
  return { datasets: [...d.datasets], grants: [...g.grants] };
}

/** Data owners share restricted datasets with another partnership or PCC: purpose, expiry, optional area. */
export function SharingPage({ header, notice }: { header: ReactNode; notice?: ReactNode }) {
  const { data, error, act } = useEditable(loadSharing);
  const datasets = data?.datasets ?? [];
  const grants = data?.grants ?? [];
  const scopes = useScopeOptions();
  const label = (scope: string) => scopes.data?.find((o) => o.value === scope)?.label ?? scope;

  const shareable = datasets.filter((d) => d.sensitivity === 'restricted' && d.canManage && d.basis !== 's17');
  const s17 = datasets.filter((d) => d.basis === 's17');
  const name = (g: Grant) => (g.datasetId !== null ? (datasets.find((d) => d.id === g.datasetId)?.name ?? `dataset ${g.datasetId}`) : `layer "${g.placeLayer}"`);

  return (
    <div className="admin-page">
      <header className="admin-header">
        <h1>hotspot · data sharing</h1>
        {header}
      </header>
      {notice}
      <section className="admin-section" aria-label="Grants">
        <p className="hint">
          Restricted data belongs to the partnership or PCC that supplied it. A grant lets another partnership or a PCC use it for a stated purpose until it expires;
          it can be limited to an area. Data received by a PCC under s17 cannot be granted onward.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {shareable.length > 0 ? (
          <GrantForm datasets={shareable} scopeOptions={scopes.data ?? []} onGrant={(body) => act(() => okJson(api.api.grants.$post({ json: body })))} />
        ) : (
          <p className="hint">You hold no restricted datasets you can share.</p>
        )}
        {s17.length > 0 && <p className="hint">Not shareable (s17): {s17.map((d) => d.name).join('; ')}.</p>}
        <table className="data-table">
          <thead>
            <tr><th>Data</th><th>Granted to</th><th>Purpose</th><th>Area</th><th>Expires</th><th>Status</th><th /></tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>{name(g)}</td>
                <td>{label(g.granteeScope)}</td>
                <td>{g.purpose}</td>
                <td>{g.area ?? 'anywhere'}</td>
                <td>{g.expiresAt.slice(0, 10)}</td>
                <td>{status(g)}</td>
                <td>
                  {status(g) === 'live' && (
                    <button type="button" className="link-button" onClick={() => act(() => okJson(api.api.grants[':id'].$delete({ param: { id: String(g.id) } })))}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

interface GrantBody {
  datasetId: number;
  granteeScope: string;
  purpose: string;
  area?: string;
  expiresAt: string;
}

function GrantForm({ datasets, scopeOptions, onGrant }: { datasets: Dataset[]; scopeOptions: { value: string; label: string }[]; onGrant: (g: GrantBody) => Promise<void> }) {
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const [datasetId, setDatasetId] = useState(datasets[0]!.id);
  const [grantee, setGrantee] = useState('');
  const [purpose, setPurpose] = useState('');
  const [area, setArea] = useState('');
  const [expiresAt, setExpiresAt] = useState(nextYear);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onGrant({ datasetId, granteeScope: grantee, purpose, expiresAt, ...(area.trim() ? { area: area.trim() } : {}) });
    setPurpose('');
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-label="Grant access">
      <label>
        Dataset
        <select name="grant-dataset" value={datasetId} onChange={(e) => setDatasetId(Number(e.target.value))}>
          {datasets.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      <label>
        Grant to
        <select name="grant-to" required value={grantee} onChange={(e) => setGrantee(e.target.value)}>
          <option value="">choose…</option>
          {scopeOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label>Purpose <input name="grant-purpose" required minLength={10} value={purpose} onChange={(e) => setPurpose(e.target.value)} placeholder="e.g. joint problem profile under the Duty" /></label>
      <label>Only within (optional) <input name="grant-area" value={area} onChange={(e) => setArea(e.target.value)} placeholder="pfa:W15000002 or lad:W06000022" /></label>
      <label>Expires <input type="date" name="grant-expires" required value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} /></label>
      <button type="submit">Grant access</button>
    </form>
  );
}
