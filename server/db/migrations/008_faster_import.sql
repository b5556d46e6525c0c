-- police.uk's Crime ID moves out of external_id into its own column. external_id is the record
-- id by which a re-supplied local record replaces the stored one; police.uk months are replaced
-- by month and force instead, so their ids never needed the index, which was half the cost of
-- every police.uk COPY. The index now covers only rows that carry such an id.
alter table incidents add column crime_id text;
update incidents i set crime_id = i.external_id, external_id = null
  from datasets d where d.id = i.dataset_id and d.kind = 'police-uk' and i.external_id is not null;
drop index incidents_dataset_external;
create index incidents_dataset_external on incidents (dataset_id, external_id) where external_id is not null;

-- The per-row foreign-key check on dataset_id doubled the cost of every COPY into incidents and
-- of every rebuild of cell_counts. Both tables are written only by an import, which creates or
-- locks its dataset row first in the same transaction (importDataset), and deleteDataset removes
-- their rows in the same statement as the dataset.
alter table incidents drop constraint incidents_dataset_id_fkey;
alter table cell_counts drop constraint cell_counts_dataset_id_fkey;
