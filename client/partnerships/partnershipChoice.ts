/** What the picker and the map need to know about a partnership (subset of the API's). */
export interface PartnershipSummary {
  id: number;
  name: string;
  category: 'force' | 'lad' | 'vru' | 'custom';
  lads: readonly string[];
  population: number;
}

/** The picker's value: a partnership id, or every area (no filter). */
export type AreaChoice = number | 'all';

export const CATEGORY_LABELS: Record<PartnershipSummary['category'], string> = {
  force: 'Police force areas',
  lad: 'Local authorities (community safety partnerships)',
  vru: 'Violence Reduction Unit areas',
  custom: 'User-drawn and custom areas',
};

const CATEGORY_ORDER: readonly PartnershipSummary['category'][] = ['force', 'lad', 'vru', 'custom'];

/**
 * The user's own partnership (`home`, from the server) where it exists; else, for admins and
 * users of no partnership, the Gwent force area if there is one (the bundled sample's home), else
 * every area.
 */
export function defaultAreaChoice(partnerships: readonly PartnershipSummary[], home: number | null = null): AreaChoice {
  if (home !== null && partnerships.some((p) => p.id === home)) return home;
  const gwent = partnerships.find((p) => p.category === 'force' && /\bgwent\b/i.test(p.name));
  return gwent ? gwent.id : 'all';
}

/** Partnerships grouped by kind for <optgroup>s, in a fixed order, names sorted within. */
export function groupPartnerships<P extends PartnershipSummary>(
  partnerships: readonly P[],
): Array<{ category: P['category']; label: string; partnerships: P[] }> {
  return CATEGORY_ORDER.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    partnerships: partnerships
      .filter((p) => p.category === category)
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  })).filter((group) => group.partnerships.length > 0);
}

/**
 * An option label that starts with the name (so typing in the select jumps to it) and says how
 * big the area is.
 */
export function partnershipLabel(p: PartnershipSummary): string {
  const councils =
    p.category === 'lad' || p.lads.length === 0
      ? ''
      : ` · ${p.lads.length} ${p.lads.length === 1 ? 'council' : 'councils'}`;
  const residents = p.population > 0 ? ` · ${formatPopulation(p.population)} residents` : '';
  return `${p.name}${councils}${residents}`;
}

/** 591,012 -> "591k", 1,234,567 -> "1.23m", 8,400 -> "8,400". */
export function formatPopulation(population: number): string {
  if (population >= 1_000_000)
    return `${(population / 1_000_000).toLocaleString('en-GB', { maximumSignificantDigits: 3 })}m`;
  if (population >= 10_000) return `${Math.round(population / 1000).toLocaleString('en-GB')}k`;
  return Math.round(population).toLocaleString('en-GB');
}

/** The cells request's `area` parameter for a choice. */
export function areaParam(choice: AreaChoice): string | undefined {
  return choice === 'all' ? undefined : `partnership:${choice}`;
}

/** The chosen partnership when it still exists, else every area. */
export function resolveChoice(choice: AreaChoice, partnerships: readonly PartnershipSummary[]): AreaChoice {
  return choice !== 'all' && partnerships.some((p) => p.id === choice) ? choice : 'all';
}
