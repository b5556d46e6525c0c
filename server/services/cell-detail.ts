import { cellToLatLng, cellToParent, getResolution, gridDisk } from 'h3-js';
import { monthsBetween } from '../analysis/periods.js';
import { ratePerThousand } from '../analysis/rate.js';
import type { Ring } from '../analysis/neighbourhood.js';
import { studyRegion } from '../db/areas.js';
import { cellPlace } from '../db/cell-place.js';
import type { Db } from '../db/index.js';
import { notesAtLocation } from '../db/location-notes.js';
import type { RestrictedAccess } from '../db/places.js';
import type { AreaSelector } from '../domain/area.js';
import { OFFENCE_GROUPS } from '../domain/offence-groups.js';
import {
  releasedCells,
  releasedCellsByPeriod,
  releasedCellsWithPopulation,
  releasedWeekdayHour,
} from '../release/gate.js';
import { fromReleasedRule, releasedCount } from '../release/rules.js';
import { releasedHotspots } from '../release/statistics.js';
import { coveredPeriods, coveredRegion, selectionSpan } from './coverage.js';
import { timeProfileProblem } from './maps.js';
import { nameLocations } from './location-names.js';
import { nearbySettings } from './nearby-settings.js';
import { describeSelection, type PreparedSelection, releaseOf } from './selection.js';

export interface CellDetailParams {
  h3: string;
  from: string;
  to: string;
  res: 7 | 8 | 9 | 10;
  area: AreaSelector;
  k: Ring;
  /** How far to look for settings, metres. */
  within: number;
}

/** How far the settings list looks by default: the priority table's 500 m, doubled so a quiet cell still names some. */
export const DETAIL_SETTINGS_WITHIN = 1000;

/** The cell and its parents at resolutions 7-9: a panel may track a location at a coarser resolution. */
const selfAndParents = (h3: string) => {
  const res = getResolution(h3);
  return [h3, ...[7, 8, 9].filter((r) => r < res).map((r) => cellToParent(h3, r))];
};

/** Why a cell cannot be detailed for the area (it is not one of the area's cells), or null. */
export async function cellOutsideArea(db: Db, h3: string, area: AreaSelector, res: 7 | 8 | 9 | 10) {
  // A cell outside the area would read as zero (no released row): it is not zero, it is not asked about.
  const region = await studyRegion(db, area, res);
  return region.includes(h3) ? null : `cell ${h3} is not one of the area's cells at resolution ${res}`;
}

/** Months of the selection, the first and last cut to its days where it is day-dated. */
function monthsOf(from: string, to: string) {
  return monthsBetween(from.slice(0, 7), to.slice(0, 7)).map((m) => ({
    ...m,
    from: from.length === 10 && from > m.from ? from : m.from,
    to: to.length === 10 && to < m.to ? to : m.to,
  }));
}

/**
 * Everything the cell panel shows for one cell of the map, each figure from the gate's released
 * tables over the selection's area (post-processing): its count, residents and rate as the map
 * has them; its count month by month (each month's cells of the area released as a group; a month
 * no selected dataset covers in the cell's authority is missing, not zero); its count per offence
 * group (the map's released count with that group alone); Gi* over the area with the cell's
 * neighbourhood; the day-by-hour profile for public data with times (one cell of restricted data is
 * too small an area to release one); its LSOA and authority, the nearest settings, and the
 * user's partnerships' panel notes on it.
 */
export async function cellDetail(
  db: Db,
  s: PreparedSelection,
  q: CellDetailParams,
  access: { places: RestrictedAccess; partnershipIds: readonly number[] },
) {
  const { h3, threshold } = { h3: q.h3, threshold: s.threshold };
  const placeRes = Math.min(q.res, 9) as 7 | 8 | 9;
  const months = monthsOf(q.from, q.to);
  const [withPopulation, released, place] = await Promise.all([
    releasedCellsWithPopulation(db, releaseOf(s)),
    releasedCells(db, releaseOf(s)),
    cellPlace(db, q.res === placeRes ? h3 : cellToParent(h3, placeRes), placeRes),
  ]);
  const row = withPopulation.find((cell) => cell.h3 === h3);
  const count = row ? row.count : 0;
  const population = row?.population ?? (q.res === placeRes ? place.population : null);

  const monthArea: AreaSelector = place.ladCode ? { kind: 'lad', code: place.ladCode } : q.area;
  const [byMonth, monthCoverage, covered] = await Promise.all([
    releasedCellsByPeriod(db, releaseOf(s), months),
    coveredPeriods(db, s, monthArea, months),
    coveredRegion(db, s, q.area, q.res, [selectionSpan(q)]),
  ]);
  const monthCovered = monthCoverage.periods.map((p) => p.coverage !== 'none');

  // Each group alone is the map asked with that group: a table the gate already releases.
  const perGroup = await Promise.all(
    s.query.groups.map(async (group) => ({
      id: group,
      label: OFFENCE_GROUPS.find((g) => g.id === group)?.label ?? group,
      count: releasedCount(await releasedCells(db, releaseOf(s, { groups: [group] })), h3),
    })),
  );
  const groups = perGroup.filter((g) => g.count !== 0);

  const inRegion = covered.cells.includes(h3);
  const gi = inRegion ? releasedHotspots(covered.cells, released, threshold, q.k) : null;
  const mine = gi?.cells.find((cell) => cell.h3 === h3) ?? null;
  const region = new Set(covered.cells);
  const neighbours = gi
    ? gridDisk(h3, gi.k)
        .filter((cell) => region.has(cell))
        .sort()
        .map((cell) => ({ h3: cell, count: releasedCount(released, cell), self: cell === h3 }))
    : [];

  const untimed = timeProfileProblem(s);
  const profileWithheld =
    untimed ??
    (threshold !== null
      ? 'restricted data: a day-by-hour profile of one cell is not released (one cell is too small an area); see the area profile'
      : q.res > 9
        ? 'a day-by-hour profile is given for cells of resolution 7 to 9'
        : null);
  const timeProfile = profileWithheld
    ? null
    : await releasedWeekdayHour(db, releaseOf(s, { area: { kind: 'cells', res: placeRes, cells: [h3] } }));

  const [nearest] = await nearbySettings(db, access.places, [h3], q.within);
  const notes = await notesAtLocation(db, access.partnershipIds, selfAndParents(h3));
  // A name for people (street and town, else LSOA and postcode sector), from public geography only.
  const name = (await nameLocations(db, [h3])).get(h3) ?? null;
  const [lat, lng] = cellToLatLng(h3);

  return {
    h3,
    name,
    res: q.res,
    centre: { lat, lng },
    from: q.from,
    to: q.to,
    ...describeSelection(s, fromReleasedRule(threshold, 'the Gi* class, the months and the offence mix')),
    area: s.echo.area as string,
    count,
    population,
    rate: ratePerThousand(count, population),
    lsoa: place.lsoaCode ? { code: place.lsoaCode, name: place.lsoaName } : null,
    lad: place.ladCode ? { code: place.ladCode, name: place.ladName, nameWelsh: place.ladNameWelsh } : null,
    months: months.map((m, i) => ({
      month: m.from.slice(0, 7),
      covered: monthCovered[i]!,
      count: monthCovered[i] ? releasedCount(byMonth[i]!, h3) : null,
    })),
    offenceMix: groups,
    gi: mine ? { z: mine.z, p: mine.p, q: mine.q, class: mine.class, ring: gi!.k, auto: gi!.auto, neighbours } : null,
    giNote: inRegion ? null : 'the cell lies outside the part of the area the selected datasets cover: no Gi* class',
    timeProfile,
    timeProfileNote: profileWithheld,
    settingsWithin: q.within,
    nearest: nearest ?? [],
    notes,
  };
}
