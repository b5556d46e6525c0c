-- Area each incident falls in (point-in-polygon at ingest), and whether it lies outside the
-- force that supplied it (police.uk places some rows hundreds of km away).
alter table incidents add column lad_code text;
alter table incidents add column outside_force boolean not null default false;

-- Boundaries: local-authority districts, police force areas, LSOAs (2011).
create table areas (
  level text not null check (level in ('lad', 'pfa', 'lsoa')),
  code text not null,
  name text not null,
  name_welsh text,
  -- lsoa -> its LAD; lad -> its PFA
  parent_code text,
  population int,
  geometry jsonb not null,
  primary key (level, code)
);

-- H3 cells of the bundled area at resolutions 7-9 (a resolution-10 cell takes its parent's area
-- and a seventh of its population), each given to the LSOA (and so the LAD and
-- PFA) containing its centre, with the population apportioned to it.
-- A cell straddling LADs has a row per LAD with that LAD's residents; in_cover marks the row of
-- the area holding its centre (the LSOA is named there only).
create table area_cells (
  res smallint not null,
  h3 text not null,
  lad_code text not null,
  lsoa_code text,
  pfa_code text,
  in_cover boolean not null,
  population double precision not null,
  primary key (res, h3, lad_code)
);
create index area_cells_lad on area_cells (lad_code, res) where in_cover;
create index area_cells_pfa on area_cells (pfa_code, res) where in_cover;

-- Partnerships: a named set of LADs, or a user-drawn polygon.
create table partnerships (
  id serial primary key,
  name text not null unique,
  kind text not null check (kind in ('lads', 'polygon')),
  description text,
  category text not null default 'custom' check (category in ('force', 'lad', 'vru', 'custom')),
  -- Outline (the union of its LADs, or the polygon drawn), for maps.
  geometry jsonb,
  seeded boolean not null default false,
  created_at timestamptz not null default now()
);
create table partnership_lads (
  partnership_id int not null references partnerships (id) on delete cascade,
  lad_code text not null,
  primary key (partnership_id, lad_code)
);
-- Polygon partnerships keep their own cover (cells whose centre lies inside).
create table partnership_cells (
  partnership_id int not null references partnerships (id) on delete cascade,
  res smallint not null,
  h3 text not null,
  primary key (partnership_id, res, h3)
);

-- Settings (context layers): schools, licensed premises, prisons, EDs, user layers.
create table places (
  id serial primary key,
  layer text not null,
  type text not null,
  name text not null,
  lat double precision not null,
  lng double precision not null,
  attributes jsonb not null default '{}',
  source text not null,
  licence text,
  position_source text,
  note text,
  proxy boolean not null default false,
  restricted boolean not null default false,
  bundled boolean not null default false,
  created_at timestamptz not null default now()
);
create index places_type on places (type);
create index places_lnglat on places (lng, lat);
