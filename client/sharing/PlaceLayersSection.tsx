import type { InferResponseType } from 'hono/client';
import { type FormEvent, useState } from 'react';
import { SENSITIVE_PLACE_TYPES } from '../../server/domain/place-types';
import { api, type Ok, okJson, postForm } from '../api';
import { Options } from '../controls/Options';
import { DataTable } from '../controls/DataTable';
import { labelOf, useVocabulary } from '../reference/vocabulary';
import { LinkButton } from '../controls/LinkButton';

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

  const upload = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    if (form.get('layerId') === '') form.delete('layerId');
    else form.delete('layer');
    await act(async () => {
      const { report: r } = await postForm<UploadResponse>('/api/places', form);
      setReport(
        `Layer ${r.layerId}: ${r.rowsAccepted} places stored, ${r.rowsRejected} rejected${r.rejections.length ? ` (first: line ${r.rejections[0]!.line}, ${r.rejections[0]!.reason})` : ''}.`,
      );
      element.reset();
    });
  };

  return (
    <section className="admin-section" aria-label="Place layers">
      <h2>Place layers</h2>
      <p className="hint">
        Settings shown on the map and near priority locations. Upload points as CSV (name with latitude/longitude,
        easting/northing or postcode) or GeoJSON. Refuges and children's homes are always restricted: only your
        partnership, and those you grant the layer to, see them.
      </p>
      <form className="admin-form" onSubmit={(e) => void upload(e)} aria-label="Upload a place layer">
        <label>
          Upload into{' '}
          <select name="layerId" defaultValue="">
            <option value="">a new layer</option>
            {managed.map((l) => (
              <option key={l.id} value={l.id}>
                replace layer {l.id}: {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          New layer's name <input name="layer" maxLength={200} placeholder="e.g. Newport youth centres" />
        </label>
        <label>
          Type{' '}
          <select name="type" defaultValue="custom">
            <Options
              options={placeTypes.map((t) => ({
                value: t.id,
                label: `${t.label}${SENSITIVE_PLACE_TYPES.has(t.id) ? ' (restricted)' : ''}`,
              }))}
            />
          </select>
        </label>
        <label className="check-row">
          <input type="checkbox" name="restricted" value="true" /> Restricted
        </label>
        <label>
          Source <input name="source" maxLength={300} placeholder="who supplied it" />
        </label>
        <label>
          File <input type="file" name="file" accept=".csv,.csv.gz,.geojson,.json" required />
        </label>
        <button type="submit">Upload layer</button>
      </form>
      {report && (
        <p className="notice" role="status">
          {report}
        </p>
      )}
      <DataTable
        className="place-layers"
        columns={['Id', 'Layer', 'Type', 'Held by', 'Places', 'Access', 'Actions']}
        rows={layers}
        row={(l) => (
          <tr key={l.id}>
            <td>{l.id}</td>
            <td>{l.bundled ? 'Bundled settings' : l.name}</td>
            <td>{l.bundled ? 'several' : labelOf(placeTypes, l.type)}</td>
            <td>{l.ownerScope ? ownerLabel(l.ownerScope) : l.bundled ? 'everyone (bundled)' : 'administrators'}</td>
            <td>{l.places.toLocaleString('en-GB')}</td>
            <td>{l.restricted ? 'restricted' : 'public'}</td>
            <td>
              {l.canManage && (
                <LinkButton
                  onClick={() => {
                    if (window.confirm(`Delete the layer "${l.name}", its ${l.places} places and every grant of it?`))
                      void act(() => okJson(api.api['place-layers'][':id'].$delete({ param: { id: String(l.id) } })));
                  }}
                >
                  Delete
                </LinkButton>
              )}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
