import { policeForceAreas } from './boundaries.js';

/** "Avon and Somerset Constabulary", "Devon & Cornwall Police", "London, City of" -> one key. */
export function forceKey(name: string): string {
  let n = name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z ]/g, ' ');
  if (/\bcity of\b/.test(n) && /\blondon\b/.test(n)) n = 'city of london';
  return n
    .replace(/\b(police|constabulary|service|force)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let byKey: Map<string, string> | undefined;
/** Answers by the name as written: an import asks for every row, and a file names one or two forces. */
const byName = new Map<string, string | null>();
const NAMES_KEPT = 1_000;

/** The PFA code for a force as police.uk and local extracts name it ("Gwent Police" -> W15000002). */
export function pfaCodeForForce(name: string | null | undefined): string | null {
  if (!name) return null;
  const known = byName.get(name);
  if (known !== undefined) return known;
  byKey ??= new Map(policeForceAreas().features.map((f) => [forceKey(f.properties.name), f.properties.code]));
  const code = byKey.get(forceKey(name)) ?? null;
  if (byName.size >= NAMES_KEPT) byName.clear(); // a malformed file could name a force per row
  byName.set(name, code);
  return code;
}
