-- Accounts, sessions, API tokens, data ownership, grants and the audit log.

create table users (
  id serial primary key,
  email text not null unique check (email = lower(email)),
  display_name text not null,
  role text not null check (role in ('admin', 'analyst', 'panel', 'pcc')),
  -- null until the user sets one (first admin and new users arrive through a one-time link).
  password_hash text,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

-- What a user belongs to: 'partnership:<id>' or, for PCC staff, 'pcc:<force area code>'.
create table user_scopes (
  user_id int not null references users (id) on delete cascade,
  scope text not null check (scope ~ '^(partnership:[0-9]+|pcc:[EW][0-9]{8})$'),
  primary key (user_id, scope)
);

-- Only hashes of secrets are stored: a stolen database gives no working session or token.
create table sessions (
  token_hash text primary key,
  user_id int not null references users (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id serial primary key,
  user_id int not null references users (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);

create table sign_in_links (
  token_hash text primary key,
  user_id int not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Who holds each dataset and on what legal basis. Public data has no owner.
alter table datasets add column owner_scope text check (owner_scope ~ '^(partnership:[0-9]+|pcc:[EW][0-9]{8})$');
alter table datasets add column basis text not null default 'public' check (basis in ('public', 's16', 's17', 'dsa'));
update datasets set basis = 'dsa' where sensitivity = 'restricted';
alter table datasets add constraint datasets_basis_matches check ((basis = 'public') = (sensitivity = 'public'));
-- s17 information is given to a PCC: only a PCC can hold it.
alter table datasets add constraint datasets_s17_pcc check (basis <> 's17' or owner_scope like 'pcc:%');

-- Restricted place layers (refuges, children's homes) belong to whoever uploaded them.
alter table places add column owner_scope text;

-- A grant lets another partnership or a PCC use a dataset or a restricted place layer.
create table grants (
  id serial primary key,
  dataset_id int references datasets (id) on delete cascade,
  place_layer text,
  grantee_scope text not null check (grantee_scope ~ '^(partnership:[0-9]+|pcc:[EW][0-9]{8})$'),
  purpose text not null,
  -- Optional: usable only for selections inside this area ('lad:..', 'pfa:..', 'partnership:..').
  area text,
  expires_at timestamptz not null,
  granted_by int references users (id) on delete set null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  check ((dataset_id is null) <> (place_layer is null))
);
create index grants_dataset on grants (dataset_id);
create index grants_grantee on grants (grantee_scope);

-- Append-only: no foreign keys, so deleting a dataset or user keeps its trail.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  user_id int,
  user_email text,
  action text not null,
  outcome text not null check (outcome in ('ok', 'refused', 'failed')),
  ip text,
  target text,
  datasets jsonb not null default '[]',
  selection jsonb,
  summary jsonb
);
create index audit_log_at on audit_log (at);
create index audit_log_action_target on audit_log (action, target, at);
create index audit_log_ip on audit_log (action, ip, at);
create rule audit_log_no_update as on update to audit_log do instead nothing;
create rule audit_log_no_delete as on delete to audit_log do instead nothing;
