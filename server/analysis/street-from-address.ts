/**
 * The street in a setting's address, for naming the places near it. Addresses come in two shapes
 * (FSA and school lists): comma-separated ("All Bar One, 11 - 12 High Street, City Centre, Bath")
 * and run together ("Alexandra Inn 89 Commercial Road Newport South Wales"), often starting with
 * the setting's own name, so the street is found by its last word (Street, Road, ...) or its
 * Welsh first word (Heol, Stryd, ...), after the name, the house numbers and the premises.
 */

/** Words that end an English street name. */
const STREET_ENDINGS = new Set([
  'street',
  'st',
  'road',
  'rd',
  'lane',
  'avenue',
  'way',
  'place',
  'square',
  'terrace',
  'hill',
  'row',
  'close',
  'drive',
  'crescent',
  'parade',
  'walk',
  'gardens',
  'grove',
  'green',
  'mews',
  'rise',
  'quay',
  'wharf',
  'precinct',
  'arcade',
  'circus',
  'gate',
  'yard',
  'boulevard',
  'esplanade',
  'promenade',
  'embankment',
  'approach',
  'court',
  'strand',
  'mall',
  'buildings',
  'causeway',
  'walls',
  'vale',
  'view',
  'park',
  'bank',
  'cross',
  'market',
]);

/** Words that begin a Welsh street name (Heol y Meinciau, Lon-yr-Ysgol, Ffordd Morfa Bychan). */
const WELSH_STREET_START = /^(heol|stryd|ffordd|lon|lôn|rhodfa|teras|cilgant)(-|$)/i;

/** Streets that are one word on their own: Broadway, Kingsway, Portway, Wellsway. */
const isOneWordStreet = (word: string) => /^\p{L}{3,}way$/iu.test(word);

/** Words naming premises, not streets: a street begins after the last of them. */
const PREMISES = new Set([
  'club',
  'inn',
  'hotel',
  'tavern',
  'house',
  'arms',
  'bar',
  'hall',
  'centre',
  'center',
  'institute',
  'school',
  'ground',
  'lounge',
  'fields',
  'pub',
  'unit',
  'flat',
  'suite',
  'building',
  'lodge',
  'works',
  'farm',
  'and',
  '&',
  'the',
]);

const MAX_STREET_WORDS = 5;

/** "89", "12 - 13", "11-15", "23/25", "1a": a house number or range. */
const isNumber = (word: string) => /^\d+[a-z]?([-/]\d*[a-z]?)?$|^[-/]$/i.test(word);

/** The index of the last word passing the test, or -1 (Array.findLastIndex is ES2023). */
function lastIndexWhere(words: readonly string[], test: (word: string, i: number) => boolean): number {
  for (let i = words.length - 1; i >= 0; i--) if (test(words[i]!, i)) return i;
  return -1;
}

/** "HIGH STREET" and "high street" read as "High Street"; mixed case stays as written. */
function tidy(words: readonly string[]): string {
  const text = words.join(' ');
  if (text !== text.toUpperCase() && text !== text.toLowerCase()) return text;
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** The street in one comma-separated part of an address, or null. */
function streetInPart(part: string, placeName: string, first: boolean): string | null {
  let text = part.trim();
  // Only the first part can start with the setting's name ("Langton Court Hotel, Langton Court Road").
  if (first && placeName && text.toLowerCase().startsWith(`${placeName.toLowerCase()} `))
    text = text.slice(placeName.length);
  const words = text.split(/\s+/).filter(Boolean);
  const lastNumber = words.reduce((last, w, i) => (isNumber(w) ? i : last), -1);
  const rest = words.slice(lastNumber + 1);
  if (rest.length === 0) return null;
  if (WELSH_STREET_START.test(rest[0]!) && rest.length <= 4) return tidy(rest.length > 1 ? rest.slice(0, 3) : rest);
  // The last ending: "Langton Court Road" is one street, not "Langton Court".
  const end = lastIndexWhere(
    rest,
    (w, i) =>
      isOneWordStreet(w) || ((i > 0 || lastNumber >= 0) && STREET_ENDINGS.has(w.toLowerCase().replace(/\.$/, ''))),
  );
  if (end < 0) return null;
  const start = lastIndexWhere(rest.slice(0, end), (w) => PREMISES.has(w.toLowerCase())) + 1;
  const oneWord = isOneWordStreet(rest[end]!);
  // A lone ending is a street only with its article ("The Parade"); "Road" alone is not a name.
  // A lone ending is a street with its article ("The Parade") or after a number ("99 Promenade");
  // "Road" alone is not a name.
  const article = start > 0 && rest[start - 1]!.toLowerCase() === 'the';
  const numbered = end === 0 && lastNumber >= 0;
  if (end === start && !oneWord && !article && !numbered) return null;
  const from = end === start && article ? start - 1 : start;
  const street = rest.slice(from, end + 1);
  return street.length <= MAX_STREET_WORDS ? tidy(street) : null;
}

/** The street in an address, or null when none can be read from it. */
export function streetFromAddress(address: string, placeName = ''): string | null {
  for (const [i, part] of address.split(',').entries()) {
    const street = streetInPart(part, placeName, i === 0);
    if (street) return street;
  }
  return null;
}
