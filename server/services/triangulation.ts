import { PUBLIC_SUMMARY_RULES, publicThreshold } from '../analysis/public-summary.js';
import { effectiveThreshold } from '../analysis/suppress.js';
import { bivariateLevels, type TriangulationClass, triangulate } from '../analysis/triangulation.js';
import { areaCoverPopulation, areaNames, boundaryFeatures, ladForces } from '../db/areas.js';
import type { Db } from '../db/index.js';
import { queryPlaces, type RestrictedAccess } from '../db/places.js';
import { type AreaSelector, areaKey } from '../domain/area.js';
import { bboxOf } from '../geo/partnership-shape.js';
import {
  type Release,
  releasedAreaTotal,
  releasedByAttribute,
  releasedCells,
  releasedLadCounts,
  releasedNightSplit,
} from '../release/gate.js';
import { releasedCount, standIn, statValue, statValues } from '../release/rules.js';
import { releasedHotspots } from '../release/statistics.js';
import { nameLocations } from './location-names.js';
import { nearbySettings } from './nearby-settings.js';
import { describeSelection, type PreparedSelection, publicSummaryNote } from './selection.js';

/** Police-recorded violence against ED records: where one source sees more than the other, cell by cell and area by area. */

export interface TriangulationParams {
  from: string;
  to: string;
  weekdays?: number[];
  hours?: number[];
  res: 7 | 8 | 9;
  area: AreaSelector;
  k: number;
  /** The dataset ids of each source, as asked. */
  police: number[];
  ed: number[];
  policeGroups?: string[];
  edGroups?: string[];
  /** ED records of these settings and weapons only. */
  settings?: string[];
  weapons?: string[];
  /** The night-time economy only (Friday and Saturday nights, 22:00 to 04:00). */
  nte: boolean;
  /** How many cells of each class are listed with the settings near them, and how near. */
  top: number;
  within: number;
  public: boolean;
}

/** Police-recorded violence, unless the request names groups. */
const POLICE_DEFAULT_GROUPS = ['violence-sexual'];
const CLASSES: Exclude<TriangulationClass, 'none'>[] = ['ed-excess', 'police-excess', 'both-hot'];
const HOT = 2;

/** The two selections to prepare, police records first: each source goes through the access policy on its own. */
export function triangulationSources(p: TriangulationParams) {
  const common = {
    from: p.from,
    to: p.to,
    weekdays: p.weekdays,
    hours: p.hours,
    res: p.res,
    area: p.area,
    public: p.public,
  };
  return [
    { ...common, datasets: p.police, groups: p.policeGroups ?? POLICE_DEFAULT_GROUPS },
    { ...common, datasets: p.ed, groups: p.edGroups },
  ];
}

/** Why the sources cannot be triangulated as asked (asked after their access checks, so never hiding a refusal), or null. */
export function triangulationProblem(p: TriangulationParams, police: PreparedSelection, ed: PreparedSelection) {
  const both = p.police.filter((id) => p.ed.includes(id));
  if (both.length) return `dataset ${both.join(', ')} is given as both police and ED data: name each dataset once`;
  const untimed = [...police.datasets, ...ed.datasets].filter((d) => d.datePrecision !== 'datetime');
  if (p.nte && untimed.length)
    return `the night-time economy filter needs times: ${untimed.map((d) => `"${d.name}" has ${d.datePrecision} precision`).join('; ')}`;
  return null;
}

/** Gi* classes of one source over the region, from its released counts. */
function sourceClasses(
  region: readonly string[],
  released: ReadonlyMap<string, number | null>,
  threshold: number | null,
  k: number,
) {
  return releasedHotspots(region, released, threshold, k).cells.map((c) => c.class);
}

const METHOD = {
  test: "given a cell's police and ED records together, its ED count is Binomial(n, π) if both sources spread alike, π the ED share of all records in the area; exact two-sided binomial test, Benjamini-Hochberg over the cells with any record",
  classes:
    'ed-excess: significantly more of the ED records than of the police records (likely unreported violence); police-excess: the other way; both-hot: no significant difference and a Gi* hot spot (95%+) in both sources',
  levels:
    'bivariate map levels per source: 0 none, 1 low, 2 high (at or above the 75th percentile of cells with any record)',
  nightTimeEconomy: 'Friday and Saturday nights, 22:00 to 04:00',
};

/** The cells: the share test, each source's Gi* class and map level, from the released counts. */
async function triangulationCells(db: Db, p: TriangulationParams, police: Release, ed: Release) {
  const cover = await areaCoverPopulation(db, p.area, p.res);
  const region = cover.map((cell) => cell.h3);
  const [policeReleased, edReleased] = [await releasedCells(db, police), await releasedCells(db, ed)];
  // Every test and class below is made from the released counts (a withheld one as its stand-in).
  const [policeOf, edOf] = [statValues(policeReleased, police.threshold), statValues(edReleased, ed.threshold)];
  const policeClass = sourceClasses(region, policeReleased, police.threshold, p.k);
  const edClass = sourceClasses(region, edReleased, ed.threshold, p.k);
  const tri = triangulate(
    region.map((h3) => ({ id: h3, police: policeOf.get(h3) ?? 0, ed: edOf.get(h3) ?? 0 })),
    (i) => (policeClass[i] ?? 0) >= HOT && (edClass[i] ?? 0) >= HOT,
  );
  const policeCounts = region.map((h3) => releasedCount(policeReleased, h3));
  const edCounts = region.map((h3) => releasedCount(edReleased, h3));
  const policeLevels = bivariateLevels(policeCounts, police.threshold);
  const edLevels = bivariateLevels(edCounts, ed.threshold);
  const cells = region.map((h3, i) => ({
    h3,
    lad: cover[i]!.lad ?? null,
    police: policeCounts[i]!,
    ed: edCounts[i]!,
    policeClass: policeClass[i] ?? null,
    edClass: edClass[i] ?? null,
    policeLevel: policeLevels[i]!,
    edLevel: edLevels[i]!,
    class: tri.places[i]!.class as TriangulationClass | null,
    p: tri.places[i]!.p,
    q: tri.places[i]!.q,
  }));
  return { cells, edShare: tri.edShare };
}

/** Area by area (the local authorities of the area), the same test on their released totals. */
async function triangulationAreas(db: Db, area: AreaSelector, police: Release, ed: Release) {
  const [policeLads, edLads] = [await releasedLadCounts(db, police, area), await releasedLadCounts(db, ed, area)];
  const lads = [...new Set([...policeLads.keys(), ...edLads.keys()])].sort();
  const ladTri = triangulate(
    lads.map((lad) => ({
      id: lad,
      police: statValue(policeLads.get(lad) ?? 0, police.threshold),
      ed: statValue(edLads.get(lad) ?? 0, ed.threshold),
    })),
  );
  return lads.map((lad, i) => ({
    lad,
    police: policeLads.get(lad) ?? 0,
    ed: edLads.get(lad) ?? 0,
    class: ladTri.places[i]!.class as TriangulationClass | null,
    p: ladTri.places[i]!.p,
    q: ladTri.places[i]!.q,
  }));
}

type TriangulationCell = Awaited<ReturnType<typeof triangulationCells>>['cells'][number];

/** The cells of each class (most significant, then busiest, first), with the settings near them. */
async function classCellsOf(
  db: Db,
  p: TriangulationParams,
  cells: readonly TriangulationCell[],
  places: RestrictedAccess,
) {
  const ranked = (cls: TriangulationClass) =>
    cells
      .filter((cell) => cell.class === cls)
      .sort(
        (a, b) =>
          (a.q ?? 0) - (b.q ?? 0) ||
          (b.ed ?? 0) + (b.police ?? 0) - ((a.ed ?? 0) + (a.police ?? 0)) ||
          a.h3.localeCompare(b.h3),
      )
      .slice(0, p.top);
  return Object.fromEntries(
    await Promise.all(
      CLASSES.map(async (cls) => {
        const top = ranked(cls);
        const h3s = top.map((cell) => cell.h3);
        const [nearest, names] = await Promise.all([
          nearbySettings(db, places, h3s, p.within, { public: p.public }),
          nameLocations(db, h3s),
        ]);
        const listed = top.map((cell, i) => ({
          h3: cell.h3,
          name: names.get(cell.h3)!.label,
          lad: cell.lad,
          police: cell.police,
          ed: cell.ed,
          nearest: nearest[i]!,
        }));
        return [cls, listed] as const;
      }),
    ),
  );
}

/**
 * The triangulation of police-recorded violence (`selections[0]`) against ED records
 * (`selections[1]`) over an area: every figure from released counts. `places`: the restricted
 * place layers the user may see (for the settings near the cells).
 */
export async function triangulation(
  db: Db,
  [police, ed]: readonly PreparedSelection[],
  p: TriangulationParams,
  places: RestrictedAccess,
) {
  // A public summary's thresholds are raised already (prepareSelection; PUBLIC_SUMMARY_RULES).
  const all = [...police!.datasets, ...ed!.datasets];
  const threshold = p.public ? publicThreshold(effectiveThreshold(all)) : effectiveThreshold(all);
  const policeRelease = { query: { ...police!.query, nightTimeEconomy: p.nte }, threshold: police!.threshold };
  const edQuery = { ...ed!.query, settings: p.settings, weapons: p.weapons, nightTimeEconomy: p.nte };
  const edRelease = { query: edQuery, threshold: ed!.threshold };
  const { cells, edShare } = await triangulationCells(db, p, policeRelease, edRelease);
  const areas = await triangulationAreas(db, p.area, policeRelease, edRelease);
  const classCells = await classCellsOf(db, p, cells, places);

  // The ED records by setting and weapon, and in the night-time economy against the rest.
  const timed = (s: PreparedSelection) => s.datasets.every((d) => d.datePrecision === 'datetime');
  const nightSplit = (r: Release, isTimed: boolean) => (!isTimed || p.nte ? null : releasedNightSplit(db, r));
  const breakdown = {
    edTotal: await releasedAreaTotal(db, edRelease, p.area),
    bySetting: await releasedByAttribute(db, edRelease, 'setting'),
    byWeapon: await releasedByAttribute(db, edRelease, 'weapon'),
    nightTimeEconomy: {
      ed: await nightSplit(edRelease, timed(ed!)),
      police: await nightSplit(policeRelease, timed(police!)),
    },
  };
  return {
    from: p.from,
    to: p.to,
    res: p.res,
    k: p.k,
    area: areaKey(p.area),
    police: describeSelection(police!),
    ed: { ...describeSelection(ed!), settings: p.settings ?? null, weapons: p.weapons ?? null },
    nightTimeEconomyOnly: p.nte,
    publicSummary: publicSummaryNote(p.public),
    restricted: threshold !== null,
    threshold,
    edShare,
    method: {
      ...METHOD,
      disclosure:
        threshold === null
          ? 'public data only: exact values'
          : `counts released as everywhere (1..k-1 withheld, cell key perturbation, secondary suppression where totals are shown); every test, class, level, share and Gi* computed from the released counts alone, a withheld count counted as its stand-in (${standIn(threshold)})`,
    },
    cells,
    areas,
    classCells,
    breakdown,
  };
}

export type Triangulation = Awaited<ReturnType<typeof triangulation>>;

/** What a public summary of a triangulation would publish: every restricted count, and every setting named. */
export function triangulationPublished(body: Triangulation) {
  const { cells, areas, breakdown } = body;
  const counts = [
    ...(body.police.restricted ? [...cells.map((x) => x.police), ...areas.map((a) => a.police)] : []),
    ...(body.ed.restricted
      ? [
          ...cells.map((x) => x.ed),
          ...areas.map((a) => a.ed),
          breakdown.edTotal,
          ...breakdown.bySetting.map((r) => r.count),
          ...breakdown.byWeapon.map((r) => r.count),
        ]
      : []),
  ];
  return { counts, settings: Object.values(body.classCells).flatMap((listed) => listed.flatMap((x) => x.nearest)) };
}

/** The analysis as audited: both sources' datasets at the combined threshold, the ED selection echoed with the sources named. */
export function triangulationAudited(
  p: TriangulationParams,
  [police, ed]: readonly PreparedSelection[],
  body: Triangulation,
) {
  return {
    ...ed!,
    datasets: [...police!.datasets, ...ed!.datasets],
    threshold: body.threshold,
    echo: { ...ed!.echo, police: p.police, ed: p.ed, public: p.public },
  };
}

/** The cells for export: each with its local authority's name and police force area (ONS codes). */
export async function triangulationExportCells(db: Db, body: Triangulation) {
  const names = await areaNames(db, 'lad');
  const forceOf = await ladForces(db);
  return body.cells.map((cell) => ({
    ...cell,
    ladName: cell.lad ? (names.get(cell.lad) ?? null) : null,
    pfa: cell.lad ? (forceOf.get(cell.lad) ?? null) : null,
  }));
}

/** For the GeoPackage: the local authorities of the triangulation's area, and the settings around them the user may see. */
export async function triangulationSurroundings(db: Db, body: Triangulation, places: RestrictedAccess) {
  const lads = await boundaryFeatures(db, 'lad');
  const inArea = lads.features.filter((f) => body.areas.some((a) => a.lad === f.properties.code));
  const bbox = inArea.length ? bboxOf({ type: 'FeatureCollection', features: inArea }) : null;
  const found = bbox ? await queryPlaces(db, { bbox, restrictedAccess: places, limit: 50_000 }) : [];
  const settings = body.publicSummary ? found.filter((s) => !PUBLIC_SUMMARY_RULES.sensitiveTypes.has(s.type)) : found;
  return { lads: inArea, settings };
}
