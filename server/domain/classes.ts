/** ArcGIS Gi_Bin: ±3 hot/cold at 99% confidence, ±2 at 95%, ±1 at 90%, 0 not significant. */
export type GiBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

export const GI_BIN_LABELS: Record<GiBin, string> = {
  3: 'Hot spot, 99% confidence',
  2: 'Hot spot, 95% confidence',
  1: 'Hot spot, 90% confidence',
  0: 'Not significant',
  [-1]: 'Cold spot, 90% confidence',
  [-2]: 'Cold spot, 95% confidence',
  [-3]: 'Cold spot, 99% confidence',
} as Record<GiBin, string>;

/** What happened at a location between the period compared with and this one, in plain words. */
export type ChangeClass = 'new' | 'increasing' | 'persistent' | 'decreasing' | 'ceased' | 'no-significant-change';

export const CHANGE_LABELS: Record<ChangeClass, string> = {
  new: 'New: none before, significantly more now',
  increasing: 'Increasing: significantly more than before',
  persistent: 'Persistent: a hot spot in both periods, no significant change',
  decreasing: 'Decreasing: significantly fewer than before',
  ceased: 'Ceased: none now, significantly fewer than before',
  'no-significant-change': 'No significant change',
};
