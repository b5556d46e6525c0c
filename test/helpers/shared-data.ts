import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real open data beside the repo (../shared/data). */
export const SHARED = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const policeUkFile = (force: string, month: string) =>
  `${SHARED}police-uk/${force}/${month}-${force}-street.csv`;

export interface Tally {
  rows: number;
  withCoordinates: number;
  byCrimeType: Record<string, number>;
  byMonth: Record<string, number>;
}

/**
 * An independent tally of a police.uk CSV by plain line splitting (no CSV library), for files
 * without quoted fields (Gwent, South Wales). Used as the oracle for ingest counts.
 */
export function tallyPoliceUk(path: string): Tally {
  const text = readFileSync(path, 'utf8');
  if (text.includes('"')) throw new Error(`${path} has quoted fields; the plain tally cannot read it`);
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .slice(1);
  const tally: Tally = { rows: lines.length, withCoordinates: 0, byCrimeType: {}, byMonth: {} };
  for (const line of lines) {
    const f = line.split(',');
    if (f[4] === '' || f[5] === '') continue;
    tally.withCoordinates++;
    tally.byCrimeType[f[9]!] = (tally.byCrimeType[f[9]!] ?? 0) + 1;
    tally.byMonth[f[1]!] = (tally.byMonth[f[1]!] ?? 0) + 1;
  }
  return tally;
}
