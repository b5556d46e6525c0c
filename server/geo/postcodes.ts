import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const file = fileURLToPath(new URL('../../geodata/postcodes.csv.gz', import.meta.url));
let table: Map<string, [number, number]> | undefined;

export function normalisePostcode(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Postcode centroid [lng, lat] from the bundled OS Code-Point Open extract, or null if unknown. */
export function postcodeCentroid(postcode: string): [number, number] | null {
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
  return table.get(normalisePostcode(postcode)) ?? null;
}

export const POSTCODE_COVERAGE = 'NP, CF, SA, LD, BS, GL, BA, TA and HR postcode areas (OS Code-Point Open 2014)';
