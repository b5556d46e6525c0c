/**
 * The councils bundled in geodata/: all 22 Welsh unitary authorities and the English neighbours
 * of Gwent (the Avon and Somerset and the Gloucestershire districts, 2013 codes, so Taunton
 * Deane and West Somerset appear under their pre-2019 codes), and the police force area each
 * one belongs to. English PFA codes are looked up by name in the PFA file and checked.
 */

/** Welsh LAD code -> PFA (force areas in Wales are exact unions of unitary authorities). */
export const WALES_PFA: Record<string, string> = {
  W06000001: 'W15000001',
  W06000002: 'W15000001',
  W06000003: 'W15000001',
  W06000004: 'W15000001',
  W06000005: 'W15000001',
  W06000006: 'W15000001', // North Wales
  W06000008: 'W15000004',
  W06000009: 'W15000004',
  W06000010: 'W15000004',
  W06000023: 'W15000004', // Dyfed-Powys
  W06000011: 'W15000003',
  W06000012: 'W15000003',
  W06000013: 'W15000003',
  W06000014: 'W15000003',
  W06000015: 'W15000003',
  W06000016: 'W15000003',
  W06000024: 'W15000003', // South Wales
  W06000018: 'W15000002',
  W06000019: 'W15000002',
  W06000020: 'W15000002',
  W06000021: 'W15000002',
  W06000022: 'W15000002', // Gwent
};

export const WALES_PFA_NAMES: Record<string, string> = {
  W15000001: 'North Wales',
  W15000002: 'Gwent',
  W15000003: 'South Wales',
  W15000004: 'Dyfed-Powys',
};

export const AVON_AND_SOMERSET_LADS = [
  'E06000022', // Bath and North East Somerset
  'E06000023', // Bristol, City of
  'E06000024', // North Somerset
  'E06000025', // South Gloucestershire
  'E07000187', // Mendip
  'E07000188', // Sedgemoor
  'E07000189', // South Somerset
  'E07000190', // Taunton Deane (merged into E07000246 Somerset West and Taunton, 2019)
  'E07000191', // West Somerset (likewise)
] as const;

export const GLOUCESTERSHIRE_LADS = [
  'E07000078', // Cheltenham
  'E07000079', // Cotswold
  'E07000080', // Forest of Dean
  'E07000081', // Gloucester
  'E07000082', // Stroud
  'E07000083', // Tewkesbury
] as const;

export const ENGLISH_LADS: readonly string[] = [...AVON_AND_SOMERSET_LADS, ...GLOUCESTERSHIRE_LADS];
export const WELSH_LADS: readonly string[] = Object.keys(WALES_PFA).sort();
export const BUNDLED_LADS: readonly string[] = [...WELSH_LADS, ...ENGLISH_LADS].sort();

/** English force areas of the bundled districts, by their name in the PFA file. */
export const ENGLISH_PFA_BY_NAME: Record<string, readonly string[]> = {
  'Avon and Somerset': AVON_AND_SOMERSET_LADS,
  Gloucestershire: GLOUCESTERSHIRE_LADS,
};

/**
 * A council name as written in the place files, reduced for matching to LAD13NM:
 * "The Vale of Glamorgan" and "Vale of Glamorgan", "Bristol, City of" all match.
 */
export function normaliseCouncilName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}
