import type { InferResponseType } from 'hono/client';
import { type FormEvent, useState } from 'react';
import { SENSITIVE_PLACE_TYPES } from '../../server/domain/place-types';
import { api, type Ok, okJson, postForm } from '../api';
import { Options } from '../controls/Options';
import { DataTable } from '../controls/DataTable';
import { labelOf, useVocabulary } from '../reference/vocabulary';
import { LinkButton } from '../controls/LinkButton';
import { useT } from '../i18n/language';

export type PlaceLayer = Ok<InferResponseType<(typeof api.api)['place-layers']['$get']>>['layers'][number];
type UploadResponse = Awaited<ReturnType<typeof api.api.places.$post>>;

interface Props {
  layers: PlaceLayer[];
  ownerLabel: (scope: string) => string;
  /** Runs a change, shows its error, and reloads the page's data. */
  act: (change: () => Promise<unknown>) => Promise<void>;
}

/**
 * Place layers (settings shown on the map): upload a CSV or GeoJSON of points as a new layer or
 * in place of one you manage, and delete one. A layer's name is unique per owner; grants name it
 * by its id. Refuges and children's homes are always restricted.
 */
export function PlaceLayersSection({ layers, ownerLabel, act }: Props) {
  const [report, setReport] = useState<string | null>(null);
  const { placeTypes } = useVocabulary();
  const managed = layers.filter((l) => l.canManage);
  const t = useT();

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    if (form.get('layerId') === '') form.delete('layerId');
    else form.delete('layer');
    await act(async () => {
      const { report: r } = await postForm<UploadResponse>('/api/places', form);
      const first = r.rejections[0];
      setReport(
        t('sharing.layers.report', {
          id: String(r.layerId),
          accepted: String(r.rowsAccepted),
          rejected: String(r.rowsRejected),
          first: first ? t('sharing.layers.firstRejection', { line: String(first.line), reason: first.reason }) : '',
        }),
      );
      element.reset();
    });
  };

  return (
    <section className="admin-section" aria-label={t('sharing.placeLayers')}>
      <h2>{t('sharing.placeLayers')}</h2>
      <p className="hint">{t('sharing.layers.hint')}</p>
      <form className="admin-form" onSubmit={(e) => void upload(e)} aria-label={t('sharing.layers.uploadForm')}>
        <label>
          {t('sharing.layers.uploadInto')}{' '}
          <select name="layerId" defaultValue="">
            <option value="">{t('sharing.layers.newLayer')}</option>
            {managed.map((l) => (
              <option key={l.id} value={l.id}>
                {t('sharing.layers.replace', { id: String(l.id), name: l.name })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sharing.layers.newName')}{' '}
          <input name="layer" maxLength={200} placeholder={t('sharing.layers.namePlaceholder')} />
        </label>
        <label>
          {t('sharing.layers.type')}{' '}
          <select name="type" defaultValue="custom">
            <Options
              options={placeTypes.map((p) => ({
                value: p.id,
                label: SENSITIVE_PLACE_TYPES.has(p.id)
                  ? t('sharing.layers.typeRestricted', { label: p.label })
                  : p.label,
              }))}
            />
          </select>
        </label>
        <label className="check-row">
          <input type="checkbox" name="restricted" value="true" /> {t('sharing.layers.restricted')}
        </label>
        <label>
          {t('sharing.layers.source')}{' '}
          <input name="source" maxLength={300} placeholder={t('sharing.layers.sourcePlaceholder')} />
        </label>
        <label>
          {t('sharing.layers.file')} <input type="file" name="file" accept=".csv,.csv.gz,.geojson,.json" required />
        </label>
        <button type="submit">{t('sharing.layers.upload')}</button>
      </form>
      {report && (
        <p className="notice" role="status">
          {report}
        </p>
      )}
      <DataTable
        className="place-layers"
        columns={[
          t('sharing.layers.col.id'),
          t('sharing.layers.col.layer'),
          t('sharing.layers.type'),
          t('sharing.layers.col.heldBy'),
          t('sharing.layers.col.places'),
          t('sharing.layers.col.access'),
          t('sharing.col.actions'),
        ]}
        rows={layers}
        row={(l) => (
          <tr key={l.id}>
            <td>{l.id}</td>
            <td>{l.bundled ? t('sharing.layers.bundled') : l.name}</td>
            <td>{l.bundled ? t('sharing.layers.several') : labelOf(placeTypes, l.type)}</td>
            <td>
              {l.ownerScope
                ? ownerLabel(l.ownerScope)
                : l.bundled
                  ? t('sharing.layers.everyoneBundled')
                  : t('sharing.layers.administrators')}
            </td>
            <td>{t('common.number', { n: l.places })}</td>
            <td>{l.restricted ? t('common.restricted') : t('sharing.layers.public')}</td>
            <td>
              {l.canManage && (
                <LinkButton
                  onClick={() => {
                    if (window.confirm(t('sharing.layers.confirmDelete', { name: l.name, n: String(l.places) })))
                      void act(() => okJson(api.api['place-layers'][':id'].$delete({ param: { id: String(l.id) } })));
                  }}
                >
                  {t('sharing.layers.delete')}
                </LinkButton>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
