-- Incident counts per dataset, month, offence group, flags and H3 cell at resolutions 7, 8 and 9
-- (each incident's own cell at each: H3 cells do not nest exactly, so a resolution-9 cell's
-- incidents can lie in two resolution-8 cells), rebuilt for the months each import touches, in the same
-- transaction. Analyses over whole months read these instead of the incidents (about half the
-- rows for police.uk, far fewer for larger forces). key_sum is the sum of the records' keys, so
-- a cell key computed from it is exactly the one computed from the incidents.
create table cell_counts (
  dataset_id int not null references datasets (id) on delete cascade,
  month date not null,
  offence_group text not null,
  knife boolean,
  domestic_abuse boolean,
  alcohol boolean,
  h3_r7 text not null,
  h3_r8 text not null,
  h3_r9 text not null,
  n int not null check (n > 0),
  key_sum bigint not null
);

create index cell_counts_selection on cell_counts (dataset_id, month, offence_group);

insert into cell_counts (dataset_id, month, offence_group, knife, domestic_abuse, alcohol, h3_r7, h3_r8, h3_r9, n, key_sum)
select dataset_id, month, offence_group, knife, domestic_abuse, alcohol, h3_r7, h3_r8, h3_r9, count(*), sum(record_key)
  from incidents
 group by dataset_id, month, offence_group, knife, domestic_abuse, alcohol, h3_r7, h3_r8, h3_r9;
