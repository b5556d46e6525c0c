/**
 * geodata/postcodes.csv.gz: a postcode -> WGS84 lookup for the bundled Code-Point areas
 * (NP, CF, SA, LD, BS, GL, BA, TA, HR), used by ingest to place postcode-only records.
 * Columns `postcode,lng,lat`: postcode upper case with no spaces, lng/lat to 6 dp, sorted by
 * postcode. Rows with zero or empty eastings/northings are skipped and counted.
 */
import { toCsv } from './csv.js';
import { loadCodePoint } from './codepoint.js';
import { fromBng } from './place.js';

export function buildPostcodes(): { csv: string; rows: number; report: Record<string, unknown> } {
  const cp = loadCodePoint();
  const codes = [...cp.byPostcode.keys()].sort();
  const byQuality: Record<string, number> = {};
  const rows = codes.map((pc) => {
    const row = cp.byPostcode.get(pc)!;
    byQuality[row.quality] = (byQuality[row.quality] ?? 0) + 1;
    const [lng, lat] = fromBng(row.easting, row.northing);
    return [pc, lng.toFixed(6), lat.toFixed(6)];
  });
  return {
    csv: toCsv(['postcode', 'lng', 'lat'], rows),
    rows: rows.length,
    report: {
      areas: [...cp.areas],
      sourceRows: cp.rowsRead,
      rows: rows.length,
      skippedNoPosition: cp.noPosition,
      skippedDuplicate: cp.duplicates,
      byPositionalQuality: byQuality,
    },
  };
}
