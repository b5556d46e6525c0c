-- Pre-aggregated counts are read by one index, (dataset_id, h3_r7, month) (migration 009). With
-- the selection index (dataset_id, month, offence_group) beside it, the planner chose between the
-- two on its estimate of an area's tiles, and that estimate is poor: for the whole of Wales on a
-- national year it took 2,500 tiles for two-thirds of the rows (they hold 5%), read every row of
-- the months by the selection index and filtered, 1.4 s instead of 0.1 s. The tile index serves a
-- selection with no area as well (by its dataset, with the months tested in the index), and every
-- import's rebuild of the counts no longer maintains a second index.
drop index if exists cell_counts_selection;
