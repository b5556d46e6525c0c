-- Issue 21: access that cannot be turned against data owners.

-- How a session began. Only a session opened by a one-time link may set an account's first
-- password (an API token of an account with no password may not).
alter table sessions add column via text not null default 'password' check (via in ('password', 'link'));

-- Place layers have an id and an owner. A layer's name is unique per owner only, so grants,
-- queries and uploads name a layer by its id: a decoy layer of the same name as another owner's
-- cannot be granted in its place.
create table place_layers (
  id serial primary key,
  name text not null,
  type text not null,
  -- null for the bundled layers (and public layers uploaded by someone with no scope).
  owner_scope text check (owner_scope ~ '^(partnership:[0-9]+|pcc:[EW][0-9]{8})$'),
  restricted boolean not null default false,
  bundled boolean not null default false,
  source text,
  licence text,
  created_by int references users (id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index place_layers_owner_name on place_layers (coalesce(owner_scope, ''), bundled, name);

insert into place_layers (name, type, owner_scope, restricted, bundled, source, licence)
  select layer, case when count(distinct type) = 1 then min(type) else 'mixed' end, owner_scope, bool_or(restricted), bundled, min(source), min(licence)
    from places group by layer, owner_scope, bundled;

alter table places add column layer_id int references place_layers (id) on delete cascade;
update places p set layer_id = l.id from place_layers l
  where l.name = p.layer and l.bundled = p.bundled and l.owner_scope is not distinct from p.owner_scope;
alter table places alter column layer_id set not null;
create index places_layer on places (layer_id);
-- Who holds a place, and whether it is restricted, is the layer's: one place to read it from.
alter table places drop column layer;
alter table places drop column owner_scope;
alter table places drop column restricted;
alter table places drop column bundled;

-- Grants of a layer name its id. A grant made by name before this migration is matched to the
-- layer of that name held by one of its grantor's scopes; where none or several match, it is
-- revoked rather than guessed (the owner can grant again).
alter table grants add column place_layer_id int references place_layers (id) on delete cascade;
update grants g set place_layer_id = (
    select min(l.id) from place_layers l join user_scopes s on s.scope = l.owner_scope
     where l.name = g.place_layer and l.restricted and s.user_id = g.granted_by
    having count(*) = 1)
  where g.place_layer is not null;
update grants set revoked_at = now() where place_layer is not null and place_layer_id is null and revoked_at is null;
alter table grants drop constraint grants_check;
alter table grants add constraint grants_one_target check (
  (dataset_id is not null and place_layer_id is null) or (dataset_id is null and place_layer_id is not null)
  or (dataset_id is null and revoked_at is not null));
create index grants_layer on grants (place_layer_id);
