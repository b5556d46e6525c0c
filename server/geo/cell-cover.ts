import { cellToCenterChild, cellToParent, latLngToCell, polygonToCells } from 'h3-js';
import { centroid } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export const COVER_RESOLUTIONS = [7, 8, 9, 10] as const;
const FINEST = 10;

export interface LsoaInput {
  code: string;
  ladCode: string;
  population: number;
  geometry: Polygon | MultiPolygon;
}

export interface CellRow {
  res: number;
  h3: string;
  lsoaCode: string | null;
  ladCode: string | null;
  pfaCode: string | null;
  /** Residents of this row's LAD in the cell. */
  population: number;
  /** The row for the area containing the cell's centre: the one the cell belongs to in covers (none for a sea cell). */
  inCover: boolean;
}

/**
 * Whether a cell (any resolution) counts as land and so may be in a cover: in the build, its
 * centre is on land or at least 40% of its area is (scripts/geodata/land.ts).
 */
export type OnLand = (h3: string) => boolean;

/**
 * H3 covers and population per cell, from LSOA polygons.
 *
 * Membership: a cell belongs to the LSOA containing its centre (h3 polygonToCells), so every
 * cell is in at most one LSOA, LAD and PFA at each resolution — cells cut by a boundary go
 * wholly to the side holding their centre, and nothing is counted twice. A coarser cell shares
 * its centre with its centre child, so its area is read off the resolution-10 cell below it.
 * A coarse cell whose centre falls in no LSOA (a sliver between boundaries) but holds residents
 * goes to the LSOA holding most of them.
 *
 * Sea: LSOAs reach to mean low water, so along the Severn they take in mudflats and estuary.
 * With `onLand` (asked of each cell at its own resolution: in the build, centre on land or at
 * least 40% of its area land, against the coastline-clipped local authorities), a cell that is
 * not land is in no cover: its rows keep the residents it holds, by LAD, but none is `inCover`.
 * An LSOA's population is spread over its resolution-10 cells on land (all of them if none is).
 *
 * Population: each LSOA's mid-2020 population is spread evenly over its resolution-10 cells
 * (cell-centre apportionment; an LSOA has ~1,500 residents and no finer population surface is
 * bundled, so area shares would add precision we do not have). An LSOA too small to hold a
 * resolution-10 centre gives its population to the cell at its centroid. A coarser cell sums
 * its resolution-10 descendants, kept as one row per LAD it straddles, so a LAD's residents
 * add up to its total at every resolution while the cell still belongs (inCover) to one LAD.
 */
export function buildCellCover(
  lsoas: readonly LsoaInput[],
  pfaOfLad: (lad: string) => string | null,
  onLand: OnLand = () => true,
): CellRow[] {
  const fine = new Map<string, { lsoa: LsoaInput; population: number }>();
  for (const lsoa of lsoas) {
    const polygons = lsoa.geometry.type === 'Polygon' ? [lsoa.geometry.coordinates] : lsoa.geometry.coordinates;
    const all: string[] = [];
    for (const rings of polygons) {
      for (const h3 of polygonToCells(rings, FINEST, true)) if (!fine.has(h3)) all.push(h3);
    }
    // Residents live on land: the sea cells of an LSOA get none (unless it has no land cell).
    const land = all.filter(onLand);
    const cells = land.length > 0 ? land : all;
    if (cells.length === 0) {
      const feature: Feature = { type: 'Feature', properties: {}, geometry: lsoa.geometry };
      const [lng, lat] = centroid(feature).geometry.coordinates as [number, number];
      const h3 = latLngToCell(lat, lng, FINEST);
      const existing = fine.get(h3);
      if (existing) existing.population += lsoa.population;
      else fine.set(h3, { lsoa, population: lsoa.population });
      continue;
    }
    const share = lsoa.population / cells.length;
    for (const h3 of cells) fine.set(h3, { lsoa, population: share });
  }

  const rows: CellRow[] = [];
  const at = (lsoa: LsoaInput | undefined) => ({
    lsoaCode: lsoa?.code ?? null,
    ladCode: lsoa?.ladCode ?? null,
    pfaCode: lsoa ? pfaOfLad(lsoa.ladCode) : null,
  });
  interface Coarse {
    res: number;
    h3: string;
    home: LsoaInput | undefined;
    byLsoa: Map<LsoaInput, number>;
  }
  const coarse = new Map<string, Coarse>();
  for (const [h3, { lsoa, population }] of fine) {
    rows.push({ res: FINEST, h3, ...at(lsoa), population, inCover: onLand(h3) });
    for (const res of COVER_RESOLUTIONS) {
      if (res === FINEST) continue;
      const parent = cellToParent(h3, res);
      let cell = coarse.get(parent);
      if (!cell) {
        cell = { res, h3: parent, home: fine.get(cellToCenterChild(parent, FINEST))?.lsoa, byLsoa: new Map() };
        coarse.set(parent, cell);
      }
      cell.byLsoa.set(lsoa, (cell.byLsoa.get(lsoa) ?? 0) + population);
    }
  }
  for (const cell of coarse.values()) {
    const sea = !onLand(cell.h3);
    let home = cell.home;
    if (!home)
      for (const [lsoa, population] of cell.byLsoa) if (!home || population > cell.byLsoa.get(home)!) home = lsoa;
    const byLad = new Map<string, number>();
    for (const [lsoa, population] of cell.byLsoa) byLad.set(lsoa.ladCode, (byLad.get(lsoa.ladCode) ?? 0) + population);
    if (!byLad.has(home!.ladCode)) byLad.set(home!.ladCode, 0);
    for (const [lad, population] of byLad) {
      const inCover = !sea && lad === home!.ladCode;
      rows.push({
        res: cell.res,
        h3: cell.h3,
        lsoaCode: inCover ? home!.code : null,
        ladCode: lad,
        pfaCode: pfaOfLad(lad),
        population,
        inCover,
      });
    }
  }
  return rows;
}
