import { describe, expect, it } from 'vitest';
import { decodeSelection, encodeSelection } from '../../client/selection/selection';
import { monthlySeries } from '../../client/spacetime/spaceTimeQuery';

describe('the space-time view', () => {
  it('asks for the map months as monthly periods as of the last day of the last month', () => {
    expect(monthlySeries({ from: '2023-07', to: '2024-06' })).toEqual({ asOf: '2024-06-30', periods: 12 });
    expect(monthlySeries({ from: '2024-01', to: '2024-02' })).toBeNull(); // fewer than 4 months
    expect(monthlySeries({ from: '2023-11', to: '2024-02' })).toEqual({ asOf: '2024-02-29', periods: 4 });
    expect(monthlySeries({ from: '2020-01', to: '2024-12' })).toEqual({ asOf: '2024-12-31', periods: 24 });
  });

  it("keeps Gi*'s ring, p-values, sfhotspot rule and EHSA time step in the URL, refusing others", () => {
    const query = 'view=space-time&k=3&inference=permutation&pattern=emerging&rule=fdr-over-cells&step=1';
    const selection = decodeSelection(new URLSearchParams(query));
    expect(selection).toEqual({
      view: 'space-time',
      k: '3',
      inference: 'permutation',
      pattern: 'emerging',
      rule: 'fdr-over-cells',
      step: '1',
    });
    expect(encodeSelection(selection).toString()).toBe(query);
    expect(decodeSelection(new URLSearchParams('k=6&inference=exact&rule=holm&step=2'))).toEqual({});
  });
});
