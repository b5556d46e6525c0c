import { describe, expect, it } from 'vitest';
import { bivariateLevels, triangulate } from '../../server/analysis/triangulation.js';

describe('police against ED records, place by place', () => {
  it("tests each place's ED share against the area's with an exact binomial test and FDR (hand and reference values)", () => {
    // P = 100 police records, E = 10 ED records, so pi = 10/110 = 1/11.
    // A: 10 of its 20 records are ED: binom.test(10, 20, 1/11) p = 3.0159e-6 (scipy.stats.binomtest).
    // B: none of its 90 records is ED: p = 3.3027e-4. C has no record and is not tested.
    // Benjamini-Hochberg over the two tested: q_A = min(2 p_A, q_B) = 6.0318e-6, q_B = p_B.
    const { edShare, places } = triangulate([
      { id: 'A', police: 10, ed: 10 },
      { id: 'B', police: 90, ed: 0 },
      { id: 'C', police: 0, ed: 0 },
    ]);
    expect(edShare).toBeCloseTo(1 / 11, 12);
    expect(places[0]!.p).toBeCloseTo(3.015878967360813e-6, 15);
    expect(places[1]!.p).toBeCloseTo(3.3027114811883305e-4, 12);
    expect(places[0]!.q).toBeCloseTo(6.031757934721626e-6, 15);
    expect(places[1]!.q).toBeCloseTo(3.3027114811883305e-4, 12);
    expect(places.map((p) => p.class)).toEqual(['ed-excess', 'police-excess', 'none']);
    expect(places[2]).toEqual({ id: 'C', p: null, q: null, class: 'none' });
  });

  it('calls a place hot in both only where the shares do not differ', () => {
    // pi = 0.2: 3 of 40 (p = 0.0479) and 12 of 40 (p = 0.116), both above 0.05 once corrected.
    const { places } = triangulate(
      [
        { id: 'x', police: 37, ed: 3 },
        { id: 'y', police: 28, ed: 12 },
        { id: 'z', police: 95, ed: 25 },
      ],
      (i) => i < 2,
    );
    expect(places[0]!.p).toBeCloseTo(0.04786946338839313, 10);
    expect(places[1]!.p).toBeCloseTo(0.1159673303817507, 10);
    expect(places.map((p) => p.class)).toEqual(['both-hot', 'both-hot', 'none']);
  });

  it('tests nothing when one source is empty', () => {
    const { edShare, places } = triangulate([
      { id: 'a', police: 5, ed: 0 },
      { id: 'b', police: 7, ed: 0 },
    ]);
    expect(edShare).toBe(0);
    expect(places.every((p) => p.p === null && p.class === 'none')).toBe(true);
  });

  it('levels a source for the bivariate map: none, low, high from the 75th percentile, withheld as just below k', () => {
    // Non-zero counts sorted 1, 2, 3, 4, 10, 20: the 75th percentile (lower rank, index floor(0.75 x 5) = 3) is 4.
    expect(bivariateLevels([0, 1, 2, 3, 4, 10, 20, 0], null)).toEqual([0, 1, 1, 1, 2, 2, 2, 0]);
    // Withheld counts rank as 4.5 with k = 5: sorted 4.5, 5, 6, 30, the cut at index 2 is 6.
    expect(bivariateLevels([null, 5, 6, 30, 0], 5)).toEqual([1, 1, 2, 2, 0]);
    expect(bivariateLevels([0, 0], null)).toEqual([0, 0]);
  });
});
