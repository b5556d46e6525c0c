-- Multi-agency panels and their reviews (issue 6). A review freezes what the panel saw: the
-- selection, definition and data versions, and the released results, as JSON.
create table panels (
  id serial primary key,
  partnership_id int not null references partnerships (id) on delete cascade,
  name text not null,
  cadence text not null check (cadence in ('fortnight', 'month', 'quarter')),
  -- The analysis a review runs: datasets, groups or definition, flags, resolution, area, k.
  selection jsonb not null,
  created_by int references users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (partnership_id, name)
);

create table reviews (
  id serial primary key,
  panel_id int not null references panels (id) on delete cascade,
  meeting_date date not null,
  selection jsonb not null,
  data_versions jsonb not null,
  results jsonb not null,
  created_by int references users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (panel_id, meeting_date)
);

-- Notes and actions on a location, recorded in a review.
create table review_notes (
  id serial primary key,
  review_id int not null references reviews (id) on delete cascade,
  h3 text not null,
  kind text not null check (kind in ('note', 'action')),
  body text not null check (length(body) between 1 and 4000),
  owner text,
  status text check (status in ('open', 'in-progress', 'done')),
  created_by int references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index review_notes_review on review_notes (review_id, h3);

-- Locations a panel watches across reviews, from the review they were added in.
create table watch_list (
  panel_id int not null references panels (id) on delete cascade,
  h3 text not null,
  added_review_id int references reviews (id) on delete set null,
  added_by int references users (id) on delete set null,
  added_at timestamptz not null default now(),
  reason text,
  primary key (panel_id, h3)
);
