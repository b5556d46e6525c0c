import type { InferResponseType } from 'hono/client';
import { type FormEvent, useId, useState } from 'react';
import { api, type Ok, okJson, type Vocabulary } from '../api';
import { FormError } from '../controls/FormError';
import { asOptions, Options } from '../controls/Options';
import { DataTable } from '../controls/DataTable';
import { TextField } from '../controls/TextField';
import { type ScopeOption, useScopeOptions } from '../reference/scopeOptions';
import { useEditable } from '../reference/useEditable';
import { labelOf, useVocabulary } from '../reference/vocabulary';
import { LinkButton } from '../controls/LinkButton';
import { type Translate, useT } from '../i18n/language';

type User = Ok<InferResponseType<typeof api.api.users.$get>>['users'][number];
type RoleId = Vocabulary['roles'][number]['id'];

const loadUsers = async (): Promise<User[]> => [...(await okJson(api.api.users.$get())).users];
const status = (u: User, t: Translate) =>
  u.disabled
    ? t('admin.users.status.disabled')
    : u.hasPassword
      ? t('admin.users.status.active')
      : t('admin.users.status.invited');

export function UsersPanel() {
  const { data: users, error, act } = useEditable(loadUsers, 'users');
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const { roles } = useVocabulary();
  const t = useT();
  const scopes = useScopeOptions();
  const scopeOptions = scopes.data ?? [];
  const scopeLabel = (s: string) => scopeOptions.find((o) => o.value === s)?.label ?? s;

  const showLink = (email: string, path: string) => setLink({ email, url: `${window.location.origin}${path}` });
  const patch = (u: User, json: { disabled?: boolean; role?: RoleId; scopes?: string[] }) =>
    okJson(api.api.users[':id'].$patch({ param: { id: String(u.id) }, json }));

  return (
    <section className="admin-section" aria-label={t('admin.tab.users')}>
      <FormError message={error} />
      {link && (
        <p className="notice" data-testid="sign-in-link">
          {t('admin.users.link', { email: link.email })} <code>{link.url}</code>
        </p>
      )}
      <NewUserForm
        scopeOptions={scopeOptions}
        onCreate={(body) =>
          act(async () => {
            const r = await okJson(api.api.users.$post({ json: body }));
            showLink(r.user.email, r.signInPath);
          })
        }
      />
      <DataTable
        columns={[
          t('admin.users.col.email'),
          t('admin.users.col.name'),
          t('admin.users.col.role'),
          t('admin.users.col.belongsTo'),
          t('admin.users.col.status'),
          t('admin.users.col.actions'),
        ]}
        rows={users ?? []}
        row={(u) =>
          editing === u.id ? (
            <EditUserRow
              key={u.id}
              user={u}
              scopeOptions={scopeOptions}
              onCancel={() => setEditing(null)}
              onSave={(changes) =>
                act(async () => {
                  await patch(u, changes);
                  setEditing(null);
                })
              }
            />
          ) : (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>{u.displayName}</td>
              <td>{labelOf(roles, u.role)}</td>
              <td>{u.scopes.map(scopeLabel).join('; ') || '—'}</td>
              <td>{status(u, t)}</td>
              <td className="row-actions">
                <LinkButton onClick={() => setEditing(u.id)}>{t('admin.users.edit')}</LinkButton>
                <LinkButton
                  onClick={() =>
                    act(async () => {
                      const r = await okJson(api.api.users[':id'].link.$post({ param: { id: String(u.id) } }));
                      showLink(u.email, r.signInPath);
                    })
                  }
                >
                  {t('admin.users.newLink')}
                </LinkButton>
                <LinkButton onClick={() => act(() => patch(u, { disabled: !u.disabled }))}>
                  {u.disabled ? t('admin.users.enable') : t('admin.users.disable')}
                </LinkButton>
              </td>
            </tr>
          )
        }
      />
    </section>
  );
}

interface SelectProps {
  id?: string;
  name?: string;
  'aria-label'?: string;
}

/** A role, from the server's list of them. */
function RoleSelect({ value, onChange, ...select }: SelectProps & { value: RoleId; onChange: (role: RoleId) => void }) {
  return (
    <select {...select} value={value} onChange={(e) => onChange(e.target.value as RoleId)}>
      <Options options={asOptions(useVocabulary().roles)} />
    </select>
  );
}

/** The partnerships and force areas a user belongs to (several may be chosen). */
function ScopeSelect({
  options,
  value,
  onChange,
  ...select
}: SelectProps & {
  options: readonly ScopeOption[];
  value: string[];
  onChange: (scopes: string[]) => void;
}) {
  return (
    <select
      {...select}
      multiple
      size={5}
      value={value}
      onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
    >
      <Options options={options} />
    </select>
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
  scopeOptions: readonly ScopeOption[];
  onCreate: (u: NewUser) => Promise<void>;
}) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<RoleId>('analyst');
  const [scopes, setScopes] = useState<string[]>([]);
  const id = useId();
  const t = useT();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onCreate({ email, displayName, role, scopes });
    setEmail('');
    setDisplayName('');
    setScopes([]);
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-label={t('admin.users.addForm')}>
      <TextField
        label={t('admin.users.col.email')}
        type="email"
        name="new-email"
        required
        value={email}
        onChange={setEmail}
      />
      <TextField
        label={t('admin.users.col.name')}
        name="new-name"
        required
        value={displayName}
        onChange={setDisplayName}
      />
      <label htmlFor={`${id}-role`}>
        {t('admin.users.col.role')}
        <RoleSelect id={`${id}-role`} name="new-role" value={role} onChange={setRole} />
      </label>
      <label htmlFor={`${id}-scopes`}>
        {t('admin.users.col.belongsTo')}
        <ScopeSelect id={`${id}-scopes`} name="new-scopes" options={scopeOptions} value={scopes} onChange={setScopes} />
      </label>
      <button type="submit">{t('admin.users.add')}</button>
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
  scopeOptions: readonly ScopeOption[];
  onSave: (c: { role: RoleId; scopes: string[] }) => void;
  onCancel: () => void;
}) {
  const [role, setRole] = useState<RoleId>(user.role as RoleId);
  const [scopes, setScopes] = useState<string[]>([...user.scopes]);
  const t = useT();
  return (
    <tr className="editing">
      <td>{user.email}</td>
      <td>{user.displayName}</td>
      <td>
        <RoleSelect aria-label={t('admin.users.col.role')} value={role} onChange={setRole} />
      </td>
      <td>
        <ScopeSelect
          aria-label={t('admin.users.col.belongsTo')}
          options={scopeOptions}
          value={scopes}
          onChange={setScopes}
        />
      </td>
      <td>{status(user, t)}</td>
      <td className="row-actions">
        <LinkButton onClick={() => onSave({ role, scopes })}>{t('admin.users.save')}</LinkButton>
        <LinkButton onClick={onCancel}>{t('admin.users.cancel')}</LinkButton>
      </td>
    </tr>
  );
}
