import binomialTest from '@stdlib/stats-binomial-test';

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
