-- Cell key method (ONS, Census 2021): every incident gets a random record key 0-255 once, when
-- it is stored. A released count's cell key is the sum of its records' keys mod 256, and picks
-- the count's perturbation, so the same records always get the same noise. The volatile default
-- gives each existing row (and each row COPY inserts later) its own key.
alter table incidents add column record_key smallint not null default (floor(random() * 256))::smallint check (record_key between 0 and 255);
