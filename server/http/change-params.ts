import { z } from 'zod';
import { areaParam } from '../domain/area.js';
import { periodSelectionFields, periodSelectionSchema } from './period-selection.js';
import { publicField } from './public-check.js';
import { neighbourhoodField } from './selection-params.js';

export const changeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  compare: z.enum(['previous', 'year', 'baseline']).default('previous'),
  baseline: z.coerce.number().int().min(2).max(12).default(4),
  k: neighbourhoodField,
});

export const spaceTimeQuery = periodSelectionSchema({
  ...periodSelectionFields,
  area: areaParam,
  periods: z.coerce.number().int().min(4).max(24).default(10),
  k: neighbourhoodField,
  /** Which significance the sfhotspot classes use: sfhotspot's own (Holm per cell), or this service's (FDR over cells). */
  rule: z.enum(['sfhotspot', 'fdr-over-cells']).default('sfhotspot'),
  /** EHSA's neighbourhood time step: 0 (each period alone) or 1 (the period before counts too). */
  timeStep: z.enum(['0', '1']).default('0').transform(Number),
});

export const trendQuery = periodSelectionSchema({
  ...periodSelectionFields,
  periods: z.coerce.number().int().min(3).max(60).default(12),
  public: publicField,
});

export type ChangeQuery = z.infer<typeof changeQuery>;
export type SpaceTimeQuery = z.infer<typeof spaceTimeQuery>;
export type TrendQuery = z.infer<typeof trendQuery>;
