-- An area's query bounds the incidents' resolution-7 cells (areaTiles in server/db/areas.ts).
-- With this index a force area read from a dataset holding every force reads that force's rows
-- and a ring around them, instead of the whole dataset's months.
create index cell_counts_tile on cell_counts (dataset_id, h3_r7, month);
