import { PTABLE_DESCRIPTION } from './cell-key.js';

/** What a response says about the disclosure control applied to it. */
export interface DisclosureMethod {
  applied: boolean;
  threshold: number | null;
  rules: string[];
}

/** The rules every restricted output follows, then the route's own (what it withholds of derived values). */
export function disclosureMethod(threshold: number | null, routeRules: readonly string[] = []): DisclosureMethod {
  if (threshold === null) return { applied: false, threshold: null, rules: ['public data only: nothing withheld or perturbed'] };
  return {
    applied: true,
    threshold,
    rules: [
      `counts from 1 to ${threshold - 1} withheld (null); zero released as zero`,
      PTABLE_DESCRIPTION,
      'secondary suppression: where a total is published, no group has a single withheld count',
      'periods on a fixed grid: whole months, or whole weeks Monday to Sunday',
      ...routeRules,
    ],
  };
}
