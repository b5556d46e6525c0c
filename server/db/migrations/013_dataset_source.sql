-- Issue 23: who recorded a dataset's events (police or health), stated instead of guessed from
-- its name. Existing datasets imported with the ED preset's offence column are health records.
alter table datasets add column source text not null default 'police' check (source in ('police', 'health'));
update datasets set source = 'health' where kind = 'incidents' and mapping ->> 'offence' = 'assault_type';
