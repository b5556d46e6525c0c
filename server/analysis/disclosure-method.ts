import { PTABLE_DESCRIPTION } from './cell-key.js';

/** What a response says about the disclosure control applied to it. */
export interface DisclosureMethod {
  applied: boolean;
  threshold: number | null;
  rules: string[];
  /** One sentence for a map legend or table caption: what the reader must know about this answer's restricted data. */
  note: string | null;
}

/** The rules every restricted output follows, then the route's own (what it withholds of derived values). */
export function disclosureMethod(threshold: number | null, routeRules: readonly string[] = []): DisclosureMethod {
  if (threshold === null)
    return { applied: false, threshold: null, rules: ['public data only: nothing withheld or perturbed'], note: null };
  const own = routeRules.length ? `; ${routeRules.join('; ')}` : '';
  return {
    applied: true,
    threshold,
    note: `Restricted data: counts below ${threshold} withheld ("fewer than ${threshold}"), others within ±2${own}.`,
    rules: [
      'every value is computed from the released counts alone (the release gate): nothing is computed from the true counts beside them',
      `counts from 1 to ${threshold - 1} withheld (null); zero released as zero`,
      PTABLE_DESCRIPTION,
      'secondary suppression: where a total is published, no group has a single withheld count',
      'periods on a fixed grid: whole months, or whole weeks Monday to Sunday',
      ...routeRules,
    ],
  };
}
