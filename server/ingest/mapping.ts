import { z } from 'zod';
import { isOffenceGroup } from '../domain/offence-groups.js';

const column = z.string().trim().min(1);

/** How the columns of an incident CSV (local police extract, ISTV ED data) map to incidents. */
export const columnMappingSchema = z
  .object({
    date: column,
    /** Separate time column, if the date column holds only the date. */
    time: column.optional(),
    dateFormat: z.enum(['iso', 'dd/mm/yyyy']),
    location: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('latlng'), lat: column, lng: column }),
      z.object({ kind: z.literal('bng'), easting: column, northing: column }),
      z.object({ kind: z.literal('postcode'), postcode: column }),
    ]),
    offence: column,
    /** Extra offence text -> group entries, over the built-in table. */
    offenceGroups: z.record(z.string(), z.string().refine(isOffenceGroup, 'unknown offence group')).optional(),
    externalId: column.optional(),
    flags: z
      .object({ knife: column.optional(), domesticAbuse: column.optional(), alcohol: column.optional() })
      .partial()
      .optional(),
    weapon: column.optional(),
    setting: column.optional(),
    ageBand: column.optional(),
    lsoa: column.optional(),
    force: column.optional(),
  })
  .strict();

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Presets for the two restricted sources the Duty names. */
export const MAPPING_PRESETS = {
  'istv-ed': {
    date: 'attendance_date',
    time: 'attendance_time',
    dateFormat: 'dd/mm/yyyy',
    location: { kind: 'bng', easting: 'easting', northing: 'northing' },
    offence: 'assault_type',
    externalId: 'record_id',
    weapon: 'weapon',
    setting: 'setting',
    ageBand: 'age_band',
  },
  'local-police': {
    date: 'committed_date',
    time: 'committed_time',
    dateFormat: 'iso',
    location: { kind: 'latlng', lat: 'latitude', lng: 'longitude' },
    offence: 'offence_description',
    externalId: 'occurrence_ref',
    flags: { knife: 'knife_sharp', domesticAbuse: 'domestic_abuse', alcohol: 'alcohol_related' },
    force: 'force',
  },
} as const satisfies Record<string, ColumnMapping>;

export type MappingPreset = keyof typeof MAPPING_PRESETS;

/** A preset name, or a mapping object (e.g. parsed from the upload's mapping JSON). */
export function resolveMapping(input: unknown): ColumnMapping {
  if (typeof input === 'string') {
    if (input in MAPPING_PRESETS) return MAPPING_PRESETS[input as MappingPreset];
    throw new Error(`unknown mapping preset "${input}" (presets: ${Object.keys(MAPPING_PRESETS).join(', ')})`);
  }
  const parsed = columnMappingSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'mapping'}: ${i.message}`).join('; ');
    throw new Error(`invalid column mapping: ${issues}`);
  }
  return parsed.data;
}
