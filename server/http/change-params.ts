import { z } from 'zod';
import { areaParam } from '../domain/area.js';
import { periodSelectionFields, periodSelectionSchema } from './period-selection.js';
import { publicField } from './public-check.js';
import { ringField } from './selection-params.js';

export const changeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  compare: z.enum(['previous', 'year', 'baseline']).default('previous'),
  baseline: z.coerce.number().int().min(2).max(12).default(4),
  k: ringField,
});

export const spaceTimeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  periods: z.coerce.number().int().min(4).max(24).default(10),
  k: ringField,
});

export const trendQuery = periodSelectionSchema({
  ...periodSelectionFields,
  periods: z.coerce.number().int().min(3).max(60).default(12),
  public: publicField,
});

export type ChangeQuery = z.infer<typeof changeQuery>;
export type SpaceTimeQuery = z.infer<typeof spaceTimeQuery>;
export type TrendQuery = z.infer<typeof trendQuery>;
