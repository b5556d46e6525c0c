import type { InferResponseType } from 'hono/client';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, type Dataset, type Ok, okJson, type SessionUser } from '../api';
import { FormError } from '../controls/FormError';
import { Options } from '../controls/Options';
import { PageShell } from '../controls/PageShell';
import { DataTable } from '../controls/DataTable';
import { TextField } from '../controls/TextField';
import { DatasetUploadForm } from '../datasets/DatasetUploadForm';
import { type ScopeOption, useScopeOptions } from '../reference/scopeOptions';
import { useEditable } from '../reference/useEditable';
import { type PlaceLayer, PlaceLayersSection } from './PlaceLayersSection';
import { LinkButton } from '../controls/LinkButton';
import { type Translate, useT } from '../i18n/language';

type Grant = Ok<InferResponseType<typeof api.api.grants.$get>>['grants'][number];

function status(g: Grant): 'revoked' | 'expired' | 'live' {
  if (g.revokedAt) return 'revoked';
  return new Date(g.expiresAt) <= new Date() ? 'expired' : 'live';
}

function statusText(g: Grant, t: Translate): string {
  const s = status(g);
  if (s === 'revoked') return t('sharing.status.revoked', { date: g.revokedAt!.slice(0, 10) });
  return s === 'expired' ? t('sharing.status.expired') : t('sharing.status.live');
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
 * purpose, expiry, and for datasets an optional area. Datasets and place layers are uploaded here.
 */
export function SharingPage({ user, header, notice }: { user: SessionUser; header: ReactNode; notice?: ReactNode }) {
  const { data, error, act } = useEditable(loadSharing, 'datasets, grants and place layers');
  const t = useT();
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
      ? (datasets.find((d) => d.id === g.datasetId)?.name ?? t('sharing.datasetId', { id: String(g.datasetId) }))
      : t('sharing.placeLayerName', { name: String(g.placeLayer ?? g.placeLayerId) });

  return (
    <PageShell title={t('sharing.pageTitle')} header={header} notice={notice}>
      <section className="admin-section" aria-label={t('sharing.grants')}>
        <p className="hint">{t('sharing.intro')}</p>
        <FormError message={error} />
        {shareable.length + shareableLayers.length > 0 ? (
          <GrantForm
            datasets={shareable}
            layers={shareableLayers}
            scopeOptions={scopes.data ?? []}
            onGrant={(body) => act(() => okJson(api.api.grants.$post({ json: body })))}
          />
        ) : (
          <p className="hint">{t('sharing.nothingToShare')}</p>
        )}
        {s17.length > 0 && (
          <p className="hint">{t('sharing.notShareable', { names: s17.map((d) => d.name).join('; ') })}</p>
        )}
        <DataTable
          className="grants-table"
          columns={[
            t('sharing.col.data'),
            t('sharing.col.grantedTo'),
            t('sharing.col.purpose'),
            t('sharing.col.area'),
            t('sharing.col.expires'),
            t('sharing.col.status'),
            t('sharing.col.actions'),
          ]}
          rows={grants}
          row={(g) => (
            <tr key={g.id}>
              <td>{name(g)}</td>
              <td>{label(g.granteeScope)}</td>
              <td>{g.purpose}</td>
              <td>{g.area ?? (g.placeLayerId !== null ? t('sharing.wholeLayer') : t('sharing.anywhere'))}</td>
              <td>{g.expiresAt.slice(0, 10)}</td>
              <td>{statusText(g, t)}</td>
              <td>
                {status(g) === 'live' && (
                  <LinkButton
                    onClick={() => act(() => okJson(api.api.grants[':id'].$delete({ param: { id: String(g.id) } })))}
                  >
                    {t('sharing.revoke')}
                  </LinkButton>
                )}
              </td>
            </tr>
          )}
        />
      </section>
      <DatasetUploadForm
        user={user}
        scopeOptions={scopes.data ?? []}
        datasets={datasets}
        grantCount={(d) => grants.filter((g) => g.datasetId === d.id && !g.revokedAt).length}
        onDelete={(d) => void act(() => okJson(api.api.datasets[':id'].$delete({ param: { id: String(d.id) } })))}
        onImported={() => void act(async () => {})}
      />
      <PlaceLayersSection layers={layers} ownerLabel={label} act={act} />
    </PageShell>
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
  scopeOptions: readonly ScopeOption[];
  onGrant: (g: GrantBody) => Promise<void>;
}) {
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const [what, setWhat] = useState(datasets[0] ? `dataset:${datasets[0].id}` : `layer:${layers[0]!.id}`);
  const [grantee, setGrantee] = useState('');
  const [purpose, setPurpose] = useState('');
  const [area, setArea] = useState('');
  const [expiresAt, setExpiresAt] = useState(nextYear);
  const [kind, id] = what.split(':') as ['dataset' | 'layer', string];
  const t = useT();
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
    <form className="admin-form" onSubmit={submit} aria-label={t('sharing.grantAccess')}>
      <label>
        {t('sharing.col.data')}
        <select name="grant-dataset" value={what} onChange={(e) => setWhat(e.target.value)}>
          {datasets.length > 0 && (
            <optgroup label={t('sharing.datasets')}>
              {datasets.map((d) => (
                <option key={d.id} value={`dataset:${d.id}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          )}
          {layers.length > 0 && (
            <optgroup label={t('sharing.placeLayers')}>
              {layers.map((l) => (
                <option key={l.id} value={`layer:${l.id}`}>
                  {t('sharing.layerOption', { name: l.name, id: String(l.id) })}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label>
        {t('sharing.grantTo')}
        <select name="grant-to" required value={grantee} onChange={(e) => setGrantee(e.target.value)}>
          <option value="">{t('sharing.choose')}</option>
          <Options options={scopeOptions} />
        </select>
      </label>
      <TextField
        label={t('sharing.col.purpose')}
        name="grant-purpose"
        required
        minLength={10}
        value={purpose}
        onChange={setPurpose}
        placeholder={t('sharing.purposePlaceholder')}
      />
      <TextField
        label={t('sharing.onlyWithin')}
        name="grant-area"
        value={kind === 'layer' ? '' : area}
        disabled={kind === 'layer'}
        onChange={setArea}
        placeholder={kind === 'layer' ? t('sharing.layerGrantedWhole') : t('sharing.areaPlaceholder')}
      />
      <TextField
        label={t('sharing.col.expires')}
        type="date"
        name="grant-expires"
        required
        value={expiresAt}
        onChange={setExpiresAt}
      />
      <button type="submit">{t('sharing.grantAccess')}</button>
    </form>
  );
}
