/**
 * The yes/no markers a local extract may carry on an incident, as selections name them, with
 * the column each is stored in and its label.
 */
export const FLAGS = ['knife', 'domestic-abuse', 'alcohol'] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_COLUMNS: Record<Flag, string> = {
  knife: 'knife',
  'domestic-abuse': 'domestic_abuse',
  alcohol: 'alcohol',
};

export const FLAG_LABELS: Record<Flag, string> = {
  knife: 'Knife or sharp object involved',
  'domestic-abuse': 'Domestic abuse',
  alcohol: 'Alcohol related',
};

export function isFlag(value: string): value is Flag {
  return (FLAGS as readonly string[]).includes(value);
}
