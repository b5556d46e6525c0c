-- The base map an admin configured (server/domain/base-map.ts); no row = the offline base map.
-- One row at most (id is always true): the setting is the installation's, not a user's.
create table base_map (
  id boolean primary key default true check (id),
  kind text not null check (kind in ('style', 'raster', 'pmtiles')),
  -- style and raster: the URL (template); pmtiles: the file name in the data folder.
  location text not null,
  attribution text not null default '',
  updated_by text,
  updated_at timestamptz not null default now()
);
