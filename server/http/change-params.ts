import { z } from 'zod';
import { areaParam } from '../domain/area.js';
import { periodSelectionFields, periodSelectionSchema } from './period-selection.js';
import { publicField } from './public-check.js';

const ring = z.enum(['1', '2', '3']).default('1').transform(Number);

export const changeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  compare: z.enum(['previous', 'year', 'baseline']).default('previous'),
  baseline: z.coerce.number().int().min(2).max(12).default(4),
  k: ring,
});

export const spaceTimeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  periods: z.coerce.number().int().min(4).max(24).default(10),
  k: ring,
});

export const trendQuery = periodSelectionSchema({
  ...periodSelectionFields,
  periods: z.coerce.number().int().min(3).max(60).default(12),
  public: publicField,
});

export type ChangeQuery = z.infer<typeof changeQuery>;
export type SpaceTimeQuery = z.infer<typeof spaceTimeQuery>;
export type TrendQuery = z.infer<typeof trendQuery>;
