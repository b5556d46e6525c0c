import { useState, type FormEvent } from 'react';
import type { InferResponseType } from 'hono/client';
import { api, okJson, type Ok } from '../api';
import { useScopeOptions } from '../reference/scopeOptions';
import { useEditable } from '../reference/useEditable';

type User = Ok<InferResponseType<typeof api.api.users.$get>>['users'][number];
const ROLES = [
  { id: 'analyst', label: 'Analyst' },
  { id: 'panel', label: 'Panel member' },
  { id: 'pcc', label: 'PCC staff' },
  { id: 'admin', label: 'Administrator' },
] as const;
type RoleId = (typeof ROLES)[number]['id'];

const loadUsers = async (): Promise<User[]> => [...(await okJson(api.api.users.$get())).users];

export function UsersPanel() {
  const { data: users, error, act } = useEditable(loadUsers);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const scopes = useScopeOptions();
  const scopeLabel = (s: string) => scopes.data?.find((o) => o.value === s)?.label ?? s;

  const showLink = (email: string, path: string) => setLink({ email, url: `${window.location.origin}${path}` });

  return (
    <section className="admin-section" aria-label="Users">
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <p className="notice" data-testid="sign-in-link">
          One-time sign-in link for {link.email} (valid 24 hours; send it privately): <code>{link.url}</code>
        </p>
      )}
      <NewUserForm
        scopeOptions={scopes.data ?? []}
        onCreate={(body) =>
          act(async () => {
            const r = await okJson(api.api.users.$post({ json: body }));
            showLink(r.user.email, r.signInPath);
          })
        }
      />
      <table className="data-table">
        <thead>
          <tr>
            <th>Email</th>
            <th>Name</th>
            <th>Role</th>
            <th>Belongs to</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((u) =>
            editing === u.id ? (
              <EditUserRow
                key={u.id}
                user={u}
                scopeOptions={scopes.data ?? []}
                onCancel={() => setEditing(null)}
                onSave={(changes) =>
                  act(async () => {
                    await okJson(api.api.users[':id'].$patch({ param: { id: String(u.id) }, json: changes }));
                    setEditing(null);
                  })
                }
              />
            ) : (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.displayName}</td>
                <td>{ROLES.find((r) => r.id === u.role)?.label ?? u.role}</td>
                <td>{u.scopes.map(scopeLabel).join('; ') || '—'}</td>
                <td>{u.disabled ? 'disabled' : u.hasPassword ? 'active' : 'invited'}</td>
                <td className="row-actions">
                  <button type="button" className="link-button" onClick={() => setEditing(u.id)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      act(async () => {
                        const r = await okJson(api.api.users[':id'].link.$post({ param: { id: String(u.id) } }));
                        showLink(u.email, r.signInPath);
                      })
                    }
                  >
                    New sign-in link
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      act(() =>
                        okJson(
                          api.api.users[':id'].$patch({ param: { id: String(u.id) }, json: { disabled: !u.disabled } }),
                        ),
                      )
                    }
                  >
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </section>
  );
}

interface NewUser {
  email: string;
  displayName: string;
  role: RoleId;
  scopes: string[];
}

function NewUserForm({
  scopeOptions,
  onCreate,
}: {
  scopeOptions: { value: string; label: string }[];
  onCreate: (u: NewUser) => Promise<void>;
}) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<RoleId>('analyst');
  const [scopes, setScopes] = useState<string[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onCreate({ email, displayName, role, scopes });
    setEmail('');
    setDisplayName('');
    setScopes([]);
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-label="Add a user">
      <label>
        Email <input type="email" name="new-email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Name <input name="new-name" required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        Role
        <select name="new-role" value={role} onChange={(e) => setRole(e.target.value as RoleId)}>
          {ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Belongs to
        <select
          name="new-scopes"
          multiple
          size={5}
          value={scopes}
          onChange={(e) => setScopes([...e.target.selectedOptions].map((o) => o.value))}
        >
          {scopeOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Add user and make a sign-in link</button>
    </form>
  );
}

function EditUserRow({
  user,
  scopeOptions,
  onSave,
  onCancel,
}: {
  user: User;
  scopeOptions: { value: string; label: string }[];
  onSave: (c: { role: RoleId; scopes: string[] }) => void;
  onCancel: () => void;
}) {
  const [role, setRole] = useState<RoleId>(user.role as RoleId);
  const [scopes, setScopes] = useState<string[]>([...user.scopes]);
  return (
    <tr className="editing">
      <td>{user.email}</td>
      <td>{user.displayName}</td>
      <td>
        <select aria-label="Role" value={role} onChange={(e) => setRole(e.target.value as RoleId)}>
          {ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label="Belongs to"
          multiple
          size={5}
          value={scopes}
          onChange={(e) => setScopes([...e.target.selectedOptions].map((o) => o.value))}
        >
          {scopeOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </td>
      <td>{user.disabled ? 'disabled' : user.hasPassword ? 'active' : 'invited'}</td>
      <td className="row-actions">
        <button type="button" className="link-button" onClick={() => onSave({ role, scopes })}>
          Save
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel
        </button>
      </td>
    </tr>
  );
}
