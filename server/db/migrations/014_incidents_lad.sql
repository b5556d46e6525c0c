-- An area of whole local authorities (one, a force, a partnership of authorities) is counted by
-- the authority each incident was placed in at import (incidents.lad_code), not by its H3 cells,
-- so its totals do not change with the resolution (countByLadAndPeriod in server/db/cells.ts).
-- The pre-aggregated counts keep cells only; this index reads an authority's rows of a dataset
-- holding many forces without reading the whole dataset's months.
create index incidents_lad on incidents (dataset_id, lad_code, month);
