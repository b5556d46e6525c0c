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
  population: number;
}

/**
 * H3 covers and population per cell, from LSOA polygons.
 *
 * Membership: a cell belongs to the LSOA containing its centre (h3 polygonToCells), so every
 * cell is in at most one LSOA, LAD and PFA at each resolution — cells cut by a boundary go
 * wholly to the side holding their centre, and nothing is counted twice. A coarser cell shares
 * its centre with its centre child, so its area is read off the resolution-10 cell below it.
 *
 * Population: each LSOA's mid-2020 population is spread evenly over its resolution-10 cells
 * (cell-centre apportionment; an LSOA has ~1,500 residents and no finer population surface is
 * bundled, so area shares would add precision we do not have). An LSOA too small to hold a
 * resolution-10 centre gives its population to the cell at its centroid. Coarser cells sum
 * their resolution-10 descendants, so totals are identical at every resolution.
 */
export function buildCellCover(lsoas: readonly LsoaInput[], pfaOfLad: (lad: string) => string | null): CellRow[] {
  const fine = new Map<string, { lsoa: LsoaInput; population: number }>();
  for (const lsoa of lsoas) {
    const polygons = lsoa.geometry.type === 'Polygon' ? [lsoa.geometry.coordinates] : lsoa.geometry.coordinates;
    const cells: string[] = [];
    for (const rings of polygons) {
      for (const h3 of polygonToCells(rings, FINEST, true)) if (!fine.has(h3)) cells.push(h3);
    }
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
  const coarse = COVER_RESOLUTIONS.filter((r) => r < FINEST).map(() => new Map<string, CellRow>());
  const at = (lsoa: LsoaInput | undefined) => ({
    lsoaCode: lsoa?.code ?? null,
    ladCode: lsoa?.ladCode ?? null,
    pfaCode: lsoa ? pfaOfLad(lsoa.ladCode) : null,
  });
  for (const [h3, { lsoa, population }] of fine) {
    rows.push({ res: FINEST, h3, ...at(lsoa), population });
    COVER_RESOLUTIONS.forEach((res, i) => {
      if (res === FINEST) return;
      const parent = cellToParent(h3, res);
      let row = coarse[i]!.get(parent);
      if (!row) {
        const centreChild = fine.get(cellToCenterChild(parent, FINEST));
        row = { res, h3: parent, ...at(centreChild?.lsoa), population: 0 };
        coarse[i]!.set(parent, row);
      }
      row.population += population;
    });
  }
  for (const level of coarse) for (const row of level.values()) rows.push(row);
  return rows;
}
