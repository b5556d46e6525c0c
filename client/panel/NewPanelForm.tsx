import { useEffect, useState, type FormEvent } from 'react';
import { api, fetchPartnerships, okJson, type Dataset, type Partnership, type SessionUser } from '../api';
import { defaultGroupIds } from '../groups/groupSelection';

/**
 * Set up a panel (analysts and admins of the partnership): its partnership, name, cadence and
 * datasets. Reviews analyse the partnership's area with the violence offence groups; fortnights
 * need day-dated data. The server refuses, in plain words, what the first review could not do.
 */
export function NewPanelForm({ user, onCreated }: { user: SessionUser; onCreated: (panelId: number) => void }) {
  const [partnerships, setPartnerships] = useState<Partnership[]>([]);
  const [datasets, setDatasets] = useState<Dataset[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void Promise.all([fetchPartnerships(), okJson(api.api.datasets.$get()), okJson(api.api.groups.$get())]).then(
      ([p, d, g]) => {
        // A panel belongs to its partnership: only members set one up (admins too).
        setPartnerships(p.filter((x) => user.scopes.includes(`partnership:${x.id}`)));
        setDatasets([...d.datasets]);
        setGroups(defaultGroupIds(g.groups));
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [user]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const ids = form.getAll('dataset').map(Number);
    try {
      const { panel } = await okJson(
        api.api.panels.$post({
          json: {
            partnershipId: Number(form.get('partnership')),
            name: String(form.get('name')),
            cadence: form.get('cadence') as 'fortnight' | 'month' | 'quarter',
            selection: { datasets: ids, groups, res: 9, k: 1 },
          },
        }),
      );
      setError(null);
      onCreated(panel!.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <details className="new-panel">
      <summary>Set up a panel</summary>
      <form onSubmit={(e) => void submit(e)} className="stacked-form">
        <label>
          Name <input name="name" required maxLength={200} placeholder="e.g. Newport violence panel" />
        </label>
        <label>
          Partnership{' '}
          <select name="partnership" required>
            {partnerships.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Meets every{' '}
          <select name="cadence" defaultValue="fortnight">
            <option value="fortnight">fortnight (needs day-dated data)</option>
            <option value="month">month</option>
            <option value="quarter">quarter</option>
          </select>
        </label>
        <fieldset>
          <legend>Datasets</legend>
          {datasets.map((d) => (
            <label key={d.id} className="check-row">
              <input type="checkbox" name="dataset" value={d.id} /> {d.name}{' '}
              <span className="hint">({d.datePrecision} precision)</span>
            </label>
          ))}
        </fieldset>
        <p className="hint">Reviews cover the partnership's area and the violence offence groups at H3 resolution 9.</p>
        <button type="submit">Create panel</button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
