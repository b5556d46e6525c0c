/** ONS mid-2020 population: LAD (2021 boundaries) and LSOA 2011 totals. */
import { readCsvObjects } from './csv.js';
import { PATHS, shared } from './sources.js';

export interface PopulationTables {
  /** LAD 2021 code -> mid-2020 total. */
  lad: Map<string, { name: string; population: number }>;
  /** LSOA 2011 code -> mid-2020 total. */
  lsoa: Map<string, { name: string; population: number }>;
}

function toInt(value: string, where: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${where}: bad population "${value}"`);
  return n;
}

export function loadPopulation(): PopulationTables {
  const ladFile = readCsvObjects(shared(PATHS.ladPopulation), ['ltla21_code', 'ltla21_name', 'total_population']);
  const lad = new Map<string, { name: string; population: number }>();
  for (const r of ladFile.rows) {
    lad.set(r.ltla21_code!, { name: r.ltla21_name!, population: toInt(r.total_population!, `LAD ${r.ltla21_code}`) });
  }
  const lsoaFile = readCsvObjects(shared(PATHS.lsoaPopulation), ['lsoa11_code', 'lsoa11_name', 'total_population']);
  const lsoa = new Map<string, { name: string; population: number }>();
  for (const r of lsoaFile.rows) {
    lsoa.set(r.lsoa11_code!, { name: r.lsoa11_name!, population: toInt(r.total_population!, `LSOA ${r.lsoa11_code}`) });
  }
  return { lad, lsoa };
}
