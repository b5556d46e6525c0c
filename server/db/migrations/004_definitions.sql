-- A partnership's serious-violence definition, versioned: every output names the version used.
create table definitions (
  id serial primary key,
  partnership_id int not null references partnerships (id) on delete cascade,
  -- Stable name of the definition across versions, e.g. 'serious-violence'.
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  version int not null check (version >= 1),
  name text not null,
  groups text[] not null,
  excluded_groups text[] not null default '{}',
  flags text[] not null default '{}',
  note text,
  created_by int references users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (partnership_id, key, version)
);
