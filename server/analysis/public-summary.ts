import { SENSITIVE_PLACE_TYPES } from '../domain/place-types.js';

/**
 * The rules of a public summary (a strategy or SNA published under the Duty, which must not
 * jeopardise anyone's safety): coarse cells, a higher threshold for restricted counts, and no
 * sensitive settings (refuges, children's homes) named.
 */
export const PUBLIC_SUMMARY_RULES = {
  /** H3 resolution 7 (about 5 km²) or coarser. */
  maxResolution: 7,
  /** Restricted counts below this are withheld, whatever the dataset's own threshold. */
  minThreshold: 10,
  sensitiveTypes: SENSITIVE_PLACE_TYPES,
} as const;

/** The threshold a public summary applies to a restricted source (null for public data). */
export function publicThreshold(threshold: number | null): number | null {
  return threshold === null ? null : Math.max(threshold, PUBLIC_SUMMARY_RULES.minThreshold);
}

export interface PublicSummaryCandidate {
  /** The resolution of the cells it publishes (null when it publishes area totals only). */
  res: number | null;
  /** Whether any source is restricted (then every count checked below is a restricted one). */
  restricted: boolean;
  /** Every count the export would publish. */
  counts: readonly (number | null)[];
  /** Every setting the export would name. */
  settings: readonly { type: string }[];
}

/**
 * The last check before a public summary leaves the server: what would break a rule, in words
 * (empty = may be published). It reads the export as it would be written, so a rule broken
 * anywhere upstream is caught here.
 */
export function publicSummaryProblems(c: PublicSummaryCandidate): string[] {
  const problems: string[] = [];
  const rules = PUBLIC_SUMMARY_RULES;
  if (c.res !== null && c.res > rules.maxResolution)
    problems.push(
      `cells of resolution ${c.res} are too fine for publication: use resolution ${rules.maxResolution} or coarser`,
    );
  if (c.restricted) {
    const small = c.counts.filter((n) => n !== null && n > 0 && n < rules.minThreshold).length;
    if (small)
      problems.push(
        `${small} count${small === 1 ? '' : 's'} from 1 to ${rules.minThreshold - 1} would be published from restricted data`,
      );
  }
  const sensitive = [...new Set(c.settings.filter((s) => rules.sensitiveTypes.has(s.type)).map((s) => s.type))];
  if (sensitive.length) problems.push(`sensitive settings would be named (${sensitive.join(', ')})`);
  return problems;
}
