import binomialTest from '@stdlib/stats-binomial-test';
import poissonCdf from '@stdlib/stats-base-dists-poisson-cdf';
import poissonPmf from '@stdlib/stats-base-dists-poisson-pmf';

/**
 * Two counts of a Poisson process (this period and the one compared with), tested for equal
 * rates by the conditional binomial test: given the total, the current count is Binomial(total,
 * t1/(t1 + t0)) under no change, t1 and t0 the periods' lengths. Exact two-sided p (the
 * "probabilities no larger than the observed" rule, as R's binom.test). 1 when both are zero.
 */
export function conditionalBinomialP(current: number, previous: number, currentDays = 1, previousDays = 1): number {
  const total = current + previous;
  if (total === 0) return 1;
  const p = currentDays / (currentDays + previousDays);
  // A map's cells repeat the same few small pairs (1 against 0, 2 against 1, ...); the library's
  // test also computes a confidence interval each time, most of a change map's time.
  const key = `${current},${total},${p}`;
  let pValue = testedPairs.get(key);
  if (pValue === undefined) {
    pValue = binomialTest(current, total, { p }).pValue;
    if (testedPairs.size >= MAX_TESTED_PAIRS) testedPairs.clear();
    testedPairs.set(key, pValue);
  }
  return pValue;
}
const MAX_TESTED_PAIRS = 100_000;
const testedPairs = new Map<string, number>();

/**
 * A count against a baseline mean (e.g. the mean of the last N periods), exact two-sided Poisson
 * test as R's poisson.test: the probability of every count no more likely than the observed one.
 */
export function poissonP(count: number, mean: number): number {
  if (mean <= 0) return count === 0 ? 1 : 0;
  const observed = poissonPmf(count, mean);
  const limit = observed * (1 + 1e-7);
  if (count === mean) return 1;
  if (count < mean) {
    // Upper tail: counts above the mean at least as unlikely as the observed.
    let y = Math.ceil(mean);
    while (poissonPmf(y, mean) > limit) y++;
    return Math.min(1, poissonCdf(count, mean) + (1 - poissonCdf(y - 1, mean)));
  }
  // Lower tail: counts below the mean at least as unlikely as the observed.
  let y = Math.floor(mean);
  while (y >= 0 && poissonPmf(y, mean) > limit) y--;
  return Math.min(1, (y >= 0 ? poissonCdf(y, mean) : 0) + (1 - poissonCdf(count - 1, mean)));
}
