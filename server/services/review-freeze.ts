import { periodSeries } from '../analysis/periods.js';
import { type ReviewCell, type ReviewResults, reviewPriorities, watchedMovement } from '../analysis/review.js';
import { datasetVersions } from '../db/datasets.js';
import type { Db } from '../db/index.js';
import { getReview, type Panel, watchList } from '../db/panels.js';
import { releasedCellsByPeriod } from '../release/gate.js';
import { releasedCount } from '../release/rules.js';
import { type ChangeParams, cellChange } from './change.js';
import { coveredPeriods } from './coverage.js';
import { type PreparedSelection, releaseOf } from './selection.js';

/** How many locations a review lists as priorities. */
export const PRIORITY_LIMIT = 25;
/** Periods of history frozen with a review for each priority and watched location. */
export const SERIES_PERIODS = 8;

/** The periods of history a review freezes for its locations. */
export const seriesPeriods = (panel: Panel, meetingDate: string) =>
  periodSeries(panel.cadence, meetingDate, SERIES_PERIODS);

/**
 * What a panel review freezes for its meeting: the change per cell (as /api/change gives it),
 * the priorities, how the watched locations moved since they were added, and each tracked
 * location's released counts over the last periods. Returns the results and the selection
 * stored with them (the data versions say what they were made from).
 */
export async function freezeReview(
  db: Db,
  panel: Panel,
  meetingDate: string,
  prepared: { change: PreparedSelection; series: PreparedSelection },
  q: ChangeParams & { datasets: number[] },
) {
  const change = await cellChange(db, prepared.change, q);
  const cells: ReviewCell[] = change.cells.map(({ h3, current, comparison, class: cls }) => ({
    h3,
    current,
    comparison,
    class: cls,
  }));
  const watched = await watchList(db, panel.id);
  const earlier = new Map<number, ReviewCell[]>();
  for (const id of new Set(watched.map((w) => w.addedReviewId).filter((id): id is number => id !== null))) {
    const review = await getReview(db, id);
    if (review) earlier.set(id, review.results.cells);
  }
  const priorities = reviewPriorities(cells, PRIORITY_LIMIT);
  const periods = seriesPeriods(panel, meetingDate);
  const [released, covered] = await Promise.all([
    releasedCellsByPeriod(db, releaseOf(prepared.series), periods),
    coveredPeriods(db, prepared.series, q.area, periods),
  ]);
  const tracked = [...new Set([...priorities.map((p) => p.h3), ...watched.map((w) => w.h3)])];
  // A period no selected dataset covers is missing (null, covered false), not a run of zeros.
  const isCovered = covered.periods.map((p) => p.coverage !== 'none');
  const series = {
    periods,
    covered: isCovered,
    cells: Object.fromEntries(
      tracked.map((h3) => [h3, released.map((m, i) => (isCovered[i] ? releasedCount(m, h3) : null))]),
    ),
  };
  const { cells: _all, ...rest } = change;
  const results: ReviewResults = {
    ...rest,
    cells,
    priorities,
    watched: watchedMovement(watched, (id) => earlier.get(id), cells),
    series,
  };
  const selection = {
    ...panel.selection,
    datasets: q.datasets,
    area: change.area,
    period: panel.cadence,
    asOf: meetingDate,
    definition: change.definition,
  };
  return {
    results,
    selection,
    dataVersions: await datasetVersions(db, q.datasets),
    changedCells: change.cells.length,
    classes: change.classes,
  };
}
