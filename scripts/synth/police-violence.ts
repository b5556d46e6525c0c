/**
 * Reads the real data.police.uk street-level CSVs and keeps the
 * violence-related rows (with coordinates, inside the force's area) that the
 * synthetic restricted datasets are built on.
 */
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';

export type ForceKey = 'gwent' | 'south-wales';

export const VIOLENCE_CRIME_TYPES = ['Violence and sexual offences', 'Robbery', 'Possession of weapons'] as const;
export type ViolenceCrimeType = (typeof VIOLENCE_CRIME_TYPES)[number];

export interface BBox {
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

export interface ForceConfig {
  key: ForceKey;
  /** Name as written in the `force` column of the local police extract. */
  name: 'Gwent Police' | 'South Wales Police';
  /** Prefix of occurrence_ref, e.g. GW/2024/012345. */
  refPrefix: 'GW' | 'SW';
  /** File name suffix: YYYY-MM-<suffix>-street.csv in <dataDir>/<key>/. */
  fileSuffix: string;
  /** Months (YYYY-MM) used by default. */
  months: readonly string[];
  /**
   * Rows outside this box are dropped (police.uk misplaces a few rows as far
   * as Kent or Durham). It is the bounding box of the ONS PFA (Dec 2020 BUC)
   * polygon plus a 0.1 degree margin.
   */
  bbox: BBox;
}

/** Inclusive list of months YYYY-MM from `from` to `to`. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const PFA_MARGIN_DEG = 0.1;

export const FORCES: Record<ForceKey, ForceConfig> = {
  gwent: {
    key: 'gwent',
    name: 'Gwent Police',
    refPrefix: 'GW',
    fileSuffix: 'gwent',
    months: monthRange('2023-07', '2025-06'),
    // PFA W15000002 extent: lon -3.3345..-2.6504, lat 51.5016..51.9831
    bbox: {
      minLon: -3.3345 - PFA_MARGIN_DEG,
      maxLon: -2.6504 + PFA_MARGIN_DEG,
      minLat: 51.5016 - PFA_MARGIN_DEG,
      maxLat: 51.9831 + PFA_MARGIN_DEG,
    },
  },
  'south-wales': {
    key: 'south-wales',
    name: 'South Wales Police',
    refPrefix: 'SW',
    fileSuffix: 'south-wales',
    months: monthRange('2024-01', '2024-04'),
    // PFA W15000003 extent: lon -4.3092..-3.0689, lat 51.3813..51.8351
    bbox: {
      minLon: -4.3092 - PFA_MARGIN_DEG,
      maxLon: -3.0689 + PFA_MARGIN_DEG,
      minLat: 51.3813 - PFA_MARGIN_DEG,
      maxLat: 51.8351 + PFA_MARGIN_DEG,
    },
  },
};

export const FORCE_KEYS: readonly ForceKey[] = ['gwent', 'south-wales'];

/** Default location of the real police.uk CSVs: <repo>/../shared/data/police-uk. */
export function defaultPoliceDataDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', '..', 'shared', 'data', 'police-uk');
}

export interface ViolencePoint {
  force: ForceKey;
  month: string;
  crimeType: ViolenceCrimeType;
  lon: number;
  lat: number;
}

export interface MonthReadStats {
  rows: number;
  /** Violence-related rows (any of the three crime types) in the file. */
  violenceRows: number;
  /** 'Violence and sexual offences' rows kept (with coordinates, inside the area). */
  vsoRows: number;
  noCoordinates: number;
  outsideArea: number;
  kept: number;
}

export interface ViolenceMonth {
  force: ForceKey;
  month: string;
  /** Violence-related rows kept, in file order. */
  points: ViolencePoint[];
  stats: MonthReadStats;
}

function isViolenceType(t: string): t is ViolenceCrimeType {
  return (VIOLENCE_CRIME_TYPES as readonly string[]).includes(t);
}

export function policeCsvPath(dataDir: string, force: ForceKey, month: string): string {
  return path.join(dataDir, force, `${month}-${FORCES[force].fileSuffix}-street.csv`);
}

/** Stream one monthly police.uk CSV and keep its violence-related rows. */
export async function readViolenceMonth(dataDir: string, force: ForceKey, month: string): Promise<ViolenceMonth> {
  const file = policeCsvPath(dataDir, force, month);
  if (!existsSync(file)) throw new Error(`police.uk CSV not found: ${file}`);
  const { bbox } = FORCES[force];
  const stats: MonthReadStats = {
    rows: 0,
    violenceRows: 0,
    vsoRows: 0,
    noCoordinates: 0,
    outsideArea: 0,
    kept: 0,
  };
  const points: ViolencePoint[] = [];
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: false }));
  for await (const rec of parser as AsyncIterable<Record<string, string>>) {
    stats.rows++;
    const crimeType = rec['Crime type'] ?? '';
    if (!isViolenceType(crimeType)) continue;
    stats.violenceRows++;
    const lonStr = (rec.Longitude ?? '').trim();
    const latStr = (rec.Latitude ?? '').trim();
    if (lonStr === '' || latStr === '') {
      stats.noCoordinates++;
      continue;
    }
    const lon = Number(lonStr);
    const lat = Number(latStr);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      stats.noCoordinates++;
      continue;
    }
    if (lon < bbox.minLon || lon > bbox.maxLon || lat < bbox.minLat || lat > bbox.maxLat) {
      stats.outsideArea++;
      continue;
    }
    if (crimeType === 'Violence and sexual offences') stats.vsoRows++;
    stats.kept++;
    // The file's Month column should equal the file month; trust the file name.
    points.push({ force, month, crimeType, lon, lat });
  }
  return { force, month, points, stats };
}

/** Which months to generate per force. */
export type Selection = Partial<Record<ForceKey, readonly string[]>>;

export const DEFAULT_SELECTION: Selection = {
  gwent: FORCES.gwent.months,
  'south-wales': FORCES['south-wales'].months,
};

export interface PoliceSource {
  months: ViolenceMonth[];
}

/** Read all selected force-months (sequentially, to keep memory modest). */
export async function loadPoliceSource(
  dataDir: string = defaultPoliceDataDir(),
  selection: Selection = DEFAULT_SELECTION,
): Promise<PoliceSource> {
  const months: ViolenceMonth[] = [];
  for (const force of FORCE_KEYS) {
    const list = selection[force];
    if (!list) continue;
    for (const month of [...list].sort()) {
      months.push(await readViolenceMonth(dataDir, force, month));
    }
  }
  return { months };
}
