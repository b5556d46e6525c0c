import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const file = fileURLToPath(new URL('../../geodata/postcodes.csv.gz', import.meta.url));
let table: Map<string, [number, number]> | undefined;

export function normalisePostcode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Every bundled postcode (normalised, no space) with its centroid [lng, lat]; read once. */
export function postcodeCentroids(): ReadonlyMap<string, [number, number]> {
  if (!table) {
    table = new Map();
    if (existsSync(file)) {
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      for (const line of lines.slice(1)) {
        const [pc, lng, lat] = line.split(',');
        if (pc && lng && lat) table.set(pc, [Number(lng), Number(lat)]);
      }
    }
  }
  return table;
}

/** Postcode centroid [lng, lat] from the bundled OS Code-Point Open extract, or null if unknown. */
export function postcodeCentroid(postcode: string): [number, number] | null {
  return postcodeCentroids().get(normalisePostcode(postcode)) ?? null;
}

/** A postcode's sector: its outward code and the first digit of its inward code ("NP20 1EA" -> "NP20 1"). */
export function postcodeSector(postcode: string): string | null {
  const pc = normalisePostcode(postcode);
  if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(pc)) return null;
  return `${pc.slice(0, -3)} ${pc.at(-3)}`;
}

export const POSTCODE_COVERAGE = 'NP, CF, SA, LD, BS, GL, BA, TA and HR postcode areas (OS Code-Point Open 2014)';
