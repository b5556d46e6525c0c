/**
 * A synthetic police.uk street-level CSV for the client benchmark: a chosen number of distinct
 * H3 cells of the Gwent force area (geodata/boundaries/pfa.geojson, W15000002) at one resolution,
 * each with at least one "Violence and sexual offences" row, more near town centres, spread over
 * the twelve months of 2024. Seeded (seedrandom), so every run draws the same hexagons.
 *
 * Points sit at the cells' centres (rounded to 6 decimals, as police.uk publishes them), so each
 * chosen cell gets exactly its rows. Cells near the force boundary whose resolution-9 parent is
 * outside the app's cover of the force area are dropped by the server; the benchmark reports the
 * count the API actually returned.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cellToChildren, cellToLatLng, greatCircleDistance, polygonToCells, UNITS } from 'h3-js';
import seedrandom from 'seedrandom';

/** The header of /work/shared/data/police-uk/gwent/*.csv. */
const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';

/** Town centres of Gwent: more incidents per cell near them (lat, lng). */
const TOWNS: readonly [number, number][] = [
  [51.5877, -2.9984], // Newport
  [51.6537, -3.0209], // Cwmbran
  [51.7017, -3.0446], // Pontypool
  [51.778, -3.2032], // Ebbw Vale
  [51.8241, -3.0194], // Abergavenny
  [51.812, -2.7163], // Monmouth
  [51.6414, -2.6738], // Chepstow
  [51.6436, -3.2314], // Blackwood
  [51.7667, -3.2444], // Tredegar
  [51.678, -3.137], // Abercarn / Risca valley
];

export interface SyntheticOptions {
  /** Distinct cells to give incidents (at most the force area's cover at `res`). */
  cells: number;
  res: 9 | 10;
  seed: string;
}

export interface SyntheticSummary {
  path: string;
  rows: number;
  cells: number;
  /** Cells of the force polygon at `res` (centre inside), before choosing. */
  coverCells: number;
}

function gwentPolygon(): number[][][] {
  const url = new URL('../../../geodata/boundaries/pfa.geojson', import.meta.url);
  const fc = JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as {
    features: {
      properties: { code: string };
      geometry: { type: string; coordinates: number[][][] | number[][][][] };
    }[];
  };
  const gwent = fc.features.find((f) => f.properties.code === 'W15000002');
  if (gwent?.geometry.type !== 'Polygon') throw new Error('pfa.geojson: no Gwent polygon (W15000002)');
  return gwent.geometry.coordinates as number[][][];
}

/** Writes the CSV to `path` and says how many rows and cells it holds. */
export function writeSyntheticPoliceUk(path: string, options: SyntheticOptions): SyntheticSummary {
  const rng = seedrandom(options.seed);
  // Resolution-9 cells whose centre is in the force polygon (as the app's cover), then children.
  const res9 = polygonToCells(gwentPolygon(), 9, true).sort();
  const all = options.res === 9 ? res9 : res9.flatMap((c) => cellToChildren(c, 10));
  // A seeded partial Fisher-Yates shuffle picks the cells.
  const n = Math.min(options.cells, all.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (all.length - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  const hex = () =>
    Math.floor(rng() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  const lines = [HEADER];
  for (const cell of all.slice(0, n)) {
    const [lat, lng] = cellToLatLng(cell);
    // Expected rows: 1 plus an exponential tail that is heavier within a few km of a town centre.
    const nearest = Math.min(...TOWNS.map(([tLat, tLng]) => greatCircleDistance([lat, lng], [tLat, tLng], UNITS.km)));
    const mean = 0.3 + 6 * Math.exp(-(nearest * nearest) / (2 * 1.5 * 1.5));
    const rows = 1 + Math.floor(-Math.log(1 - rng()) * mean);
    for (let r = 0; r < rows; r++) {
      const month = `2024-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}`;
      const id = Array.from({ length: 8 }, hex).join('');
      lines.push(
        `${id},${month},Gwent Police,Gwent Police,${lng.toFixed(6)},${lat.toFixed(6)},On or near Synthetic Street,,,Violence and sexual offences,Under investigation,`,
      );
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, rows: lines.length - 1, cells: n, coverCells: all.length };
}
