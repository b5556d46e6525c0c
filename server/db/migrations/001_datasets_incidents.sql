-- Datasets: one per supplier feed (a police.uk force download, an ED extract, ...).
create table datasets (
  id serial primary key,
  name text not null unique,
  kind text not null check (kind in ('police-uk', 'incidents')),
  sensitivity text not null check (sensitivity in ('public', 'restricted')),
  supplier text,
  legal_basis text,
  -- Counts 1..threshold-1 are never released for restricted data; 0 = no suppression (public).
  threshold int not null check (threshold >= 0),
  date_precision text not null check (date_precision in ('month', 'day', 'datetime')),
  mapping jsonb,
  rows_accepted int not null default 0,
  rows_rejected int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per import into a dataset: the report the uploader saw.
create table imports (
  id serial primary key,
  dataset_id int not null references datasets (id) on delete cascade,
  started_at timestamptz not null,
  finished_at timestamptz not null default now(),
  report jsonb not null
);

create table incidents (
  dataset_id int not null references datasets (id) on delete cascade,
  month date not null,
  occurred_on date,
  occurred_time time,
  lat double precision not null,
  lng double precision not null,
  h3_r7 text not null,
  h3_r8 text not null,
  h3_r9 text not null,
  h3_r10 text not null,
  offence_group text not null,
  offence_text text,
  knife boolean,
  domestic_abuse boolean,
  alcohol boolean,
  weapon text,
  setting text,
  age_band text,
  external_id text,
  lsoa_code text,
  -- police.uk "Reported by": a republished month replaces that force's rows only.
  source_force text,
  -- Police force area the point falls in (point-in-polygon), null if in none.
  pfa_code text
);

create index incidents_dataset_month on incidents (dataset_id, month, offence_group);
create index incidents_dataset_external on incidents (dataset_id, external_id);

-- Small key/value facts about this database (e.g. that the bundled sample was loaded once).
create table app_state (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);
