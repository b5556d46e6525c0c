/**
 * Fixed tables for the synthetic national police.uk year (scripts/synth/national/generate.ts).
 * SYNTHETIC: the force volumes are rough relative weights, not published figures; the crime
 * type mix, outcome mix and no-location rates are counted from the real Gwent files.
 */

export interface ForceSpec {
  /** PFA code in geodata/boundaries/pfa.geojson. */
  code: string;
  /** File-name slug police.uk uses (`2024-01-<slug>-street.csv`). */
  slug: string;
  /** "Reported by" / "Falls within" as police.uk writes it (must map back to `code`). */
  name: string;
  /**
   * Relative volume: approximate street-level rows a year, in thousands. Gwent (72), South
   * Wales (132) and Avon and Somerset (180) are the real 2024 volumes in /work/shared/data
   * (South Wales and Avon and Somerset: Jan-Apr x 3). Every other force is population
   * (millions, mid-2022, rounded) x 105 rows per thousand residents, x 1.2 for the big
   * metropolitan forces and x 0.85 for the most rural; the City of London has few residents
   * but a large daytime population, so it is set by hand. Only the ratios matter: the
   * generator scales them to --rows.
   */
  annualK: number;
  /** Metropolitan: many town centres of similar size and little open country. */
  metro?: boolean;
}

export const FORCES: readonly ForceSpec[] = [
  { code: 'E23000001', slug: 'metropolitan', name: 'Metropolitan Police Service', annualK: 1120, metro: true }, // 8.9M x 105 x 1.2
  { code: 'E23000034', slug: 'city-of-london', name: 'City of London Police', annualK: 8, metro: true }, // by hand
  { code: 'E23000005', slug: 'greater-manchester', name: 'Greater Manchester Police', annualK: 365, metro: true }, // 2.9M x 1.2
  { code: 'E23000014', slug: 'west-midlands', name: 'West Midlands Police', annualK: 370, metro: true }, // 2.95M x 1.2
  { code: 'E23000010', slug: 'west-yorkshire', name: 'West Yorkshire Police', annualK: 296 }, // 2.35M x 1.2
  { code: 'E23000004', slug: 'merseyside', name: 'Merseyside Police', annualK: 181, metro: true }, // 1.44M x 1.2
  { code: 'E23000007', slug: 'northumbria', name: 'Northumbria Police', annualK: 185 }, // 1.47M x 1.2
  { code: 'E23000013', slug: 'cleveland', name: 'Cleveland Police', annualK: 72 }, // 0.57M x 1.2
  { code: 'E23000011', slug: 'south-yorkshire', name: 'South Yorkshire Police', annualK: 179 }, // 1.42M x 1.2
  { code: 'E23000029', slug: 'thames-valley', name: 'Thames Valley Police', annualK: 257 }, // 2.45M
  { code: 'E23000030', slug: 'hampshire', name: 'Hampshire Constabulary', annualK: 210 }, // 2.0M
  { code: 'E23000032', slug: 'kent', name: 'Kent Police', annualK: 200 }, // 1.9M
  { code: 'E23000028', slug: 'essex', name: 'Essex Police', annualK: 197 }, // 1.88M
  { code: 'E23000003', slug: 'lancashire', name: 'Lancashire Constabulary', annualK: 161 }, // 1.53M
  { code: 'E23000033', slug: 'sussex', name: 'Sussex Police', annualK: 179 }, // 1.7M
  { code: 'E23000035', slug: 'devon-and-cornwall', name: 'Devon & Cornwall Police', annualK: 189 }, // 1.8M
  { code: 'E23000016', slug: 'west-mercia', name: 'West Mercia Police', annualK: 137 }, // 1.3M
  { code: 'E23000019', slug: 'nottinghamshire', name: 'Nottinghamshire Police', annualK: 124 }, // 1.18M
  { code: 'E23000027', slug: 'hertfordshire', name: 'Hertfordshire Constabulary', annualK: 126 }, // 1.2M
  { code: 'E23000021', slug: 'leicestershire', name: 'Leicestershire Police', annualK: 116 }, // 1.1M
  { code: 'E23000015', slug: 'staffordshire', name: 'Staffordshire Police', annualK: 120 }, // 1.14M
  { code: 'E23000018', slug: 'derbyshire', name: 'Derbyshire Constabulary', annualK: 112 }, // 1.07M
  { code: 'E23000031', slug: 'surrey', name: 'Surrey Police', annualK: 107 }, // 1.2M x 0.85
  { code: 'E23000006', slug: 'cheshire', name: 'Cheshire Constabulary', annualK: 116 }, // 1.1M
  { code: 'E23000012', slug: 'humberside', name: 'Humberside Police', annualK: 99 }, // 0.94M
  { code: 'E23000008', slug: 'durham', name: 'Durham Constabulary', annualK: 67 }, // 0.64M
  { code: 'E23000023', slug: 'cambridgeshire', name: 'Cambridgeshire Constabulary', annualK: 95 }, // 0.9M
  { code: 'E23000024', slug: 'norfolk', name: 'Norfolk Constabulary', annualK: 97 }, // 0.92M
  { code: 'E23000020', slug: 'lincolnshire', name: 'Lincolnshire Police', annualK: 81 }, // 0.77M
  { code: 'E23000022', slug: 'northamptonshire', name: 'Northamptonshire Police', annualK: 83 }, // 0.79M
  { code: 'E23000009', slug: 'north-yorkshire', name: 'North Yorkshire Police', annualK: 74 }, // 0.83M x 0.85
  { code: 'E23000026', slug: 'bedfordshire', name: 'Bedfordshire Police', annualK: 74 }, // 0.7M
  { code: 'E23000039', slug: 'dorset', name: 'Dorset Police', annualK: 82 }, // 0.78M
  { code: 'E23000025', slug: 'suffolk', name: 'Suffolk Constabulary', annualK: 81 }, // 0.77M
  { code: 'E23000037', slug: 'gloucestershire', name: 'Gloucestershire Constabulary', annualK: 68 }, // 0.65M
  { code: 'E23000038', slug: 'wiltshire', name: 'Wiltshire Police', annualK: 78 }, // 0.74M
  { code: 'E23000017', slug: 'warwickshire', name: 'Warwickshire Police', annualK: 63 }, // 0.6M
  { code: 'E23000036', slug: 'avon-and-somerset', name: 'Avon and Somerset Constabulary', annualK: 180 }, // real 2024
  { code: 'E23000002', slug: 'cumbria', name: 'Cumbria Constabulary', annualK: 53 }, // 0.5M
  { code: 'W15000001', slug: 'north-wales', name: 'North Wales Police', annualK: 74 }, // 0.7M
  { code: 'W15000002', slug: 'gwent', name: 'Gwent Police', annualK: 72 }, // real 2024
  { code: 'W15000003', slug: 'south-wales', name: 'South Wales Police', annualK: 132 }, // real 2024
  { code: 'W15000004', slug: 'dyfed-powys', name: 'Dyfed-Powys Police', annualK: 46 }, // 0.52M x 0.85
];

/**
 * Rows per crime type in the real Gwent files, 2022-07..2025-06 (202,374 rows), and how many
 * of them had no location (empty coordinates, "No Location", no LSOA): 2,814 rows, 1.4%.
 */
export const CRIME_TYPES: readonly { type: string; rows: number; noLocation: number }[] = [
  { type: 'Violence and sexual offences', rows: 76927, noLocation: 1328 },
  { type: 'Anti-social behaviour', rows: 35824, noLocation: 29 },
  { type: 'Public order', rows: 24849, noLocation: 229 },
  { type: 'Criminal damage and arson', rows: 13109, noLocation: 186 },
  { type: 'Shoplifting', rows: 12407, noLocation: 83 },
  { type: 'Other theft', rows: 11449, noLocation: 113 },
  { type: 'Vehicle crime', rows: 8284, noLocation: 71 },
  { type: 'Burglary', rows: 5579, noLocation: 33 },
  { type: 'Other crime', rows: 5117, noLocation: 299 },
  { type: 'Drugs', rows: 4820, noLocation: 347 },
  { type: 'Possession of weapons', rows: 1525, noLocation: 62 },
  { type: 'Robbery', rows: 1027, noLocation: 16 },
  { type: 'Bicycle theft', rows: 823, noLocation: 13 },
  { type: 'Theft from the person', rows: 634, noLocation: 5 },
];

/** "Last outcome category" counts per crime type in the same Gwent files (ASB rows have none). */
export const OUTCOMES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  'Violence and sexual offences': [
    ['Unable to prosecute suspect', 45344],
    ['Status update unavailable', 9603],
    ['Investigation complete; no suspect identified', 8916],
    ['Under investigation', 4449],
    ['Court result unavailable', 2802],
    ['Local resolution', 2398],
    ['Action to be taken by another organisation', 1355],
    ['Awaiting court outcome', 864],
    ['Formal action is not in the public interest', 436],
    ['Offender given a caution', 344],
    ['Further action is not in the public interest', 264],
    ['Further investigation is not in the public interest', 152],
  ],
  'Anti-social behaviour': [['', 1]],
  'Public order': [
    ['Unable to prosecute suspect', 12916],
    ['Investigation complete; no suspect identified', 6600],
    ['Status update unavailable', 2017],
    ['Under investigation', 1008],
    ['Local resolution', 903],
    ['Court result unavailable', 797],
    ['Awaiting court outcome', 183],
    ['Formal action is not in the public interest', 151],
    ['Offender given a caution', 119],
    ['Action to be taken by another organisation', 74],
    ['Further action is not in the public interest', 41],
    ['Further investigation is not in the public interest', 40],
  ],
  'Criminal damage and arson': [
    ['Investigation complete; no suspect identified', 7196],
    ['Unable to prosecute suspect', 3458],
    ['Under investigation', 732],
    ['Status update unavailable', 694],
    ['Court result unavailable', 337],
    ['Local resolution', 293],
    ['Awaiting court outcome', 211],
    ['Formal action is not in the public interest', 70],
    ['Offender given a caution', 53],
    ['Further action is not in the public interest', 34],
    ['Further investigation is not in the public interest', 20],
    ['Action to be taken by another organisation', 11],
  ],
  Shoplifting: [
    ['Investigation complete; no suspect identified', 5675],
    ['Court result unavailable', 2338],
    ['Unable to prosecute suspect', 2077],
    ['Awaiting court outcome', 664],
    ['Status update unavailable', 511],
    ['Under investigation', 475],
    ['Local resolution', 328],
    ['Formal action is not in the public interest', 213],
    ['Offender given a caution', 54],
    ['Further action is not in the public interest', 28],
    ['Further investigation is not in the public interest', 28],
    ['Suspect charged as part of another case', 14],
    ['Action to be taken by another organisation', 2],
  ],
  'Other theft': [
    ['Investigation complete; no suspect identified', 6640],
    ['Unable to prosecute suspect', 2958],
    ['Status update unavailable', 991],
    ['Under investigation', 388],
    ['Local resolution', 181],
    ['Court result unavailable', 163],
    ['Formal action is not in the public interest', 42],
    ['Awaiting court outcome', 34],
    ['Offender given a caution', 21],
    ['Action to be taken by another organisation', 13],
    ['Further action is not in the public interest', 8],
    ['Further investigation is not in the public interest', 8],
    ['Suspect charged as part of another case', 2],
  ],
  'Vehicle crime': [
    ['Investigation complete; no suspect identified', 6301],
    ['Unable to prosecute suspect', 1025],
    ['Status update unavailable', 473],
    ['Under investigation', 215],
    ['Court result unavailable', 175],
    ['Local resolution', 32],
    ['Awaiting court outcome', 21],
    ['Formal action is not in the public interest', 16],
    ['Offender given a caution', 9],
    ['Suspect charged as part of another case', 9],
    ['Further investigation is not in the public interest', 3],
    ['Further action is not in the public interest', 3],
    ['Action to be taken by another organisation', 2],
  ],
  Burglary: [
    ['Investigation complete; no suspect identified', 3452],
    ['Unable to prosecute suspect', 987],
    ['Status update unavailable', 494],
    ['Under investigation', 267],
    ['Court result unavailable', 239],
    ['Awaiting court outcome', 82],
    ['Local resolution', 23],
    ['Suspect charged as part of another case', 18],
    ['Offender given a caution', 8],
    ['Further investigation is not in the public interest', 6],
    ['Further action is not in the public interest', 2],
    ['Formal action is not in the public interest', 1],
  ],
  'Other crime': [
    ['Unable to prosecute suspect', 2114],
    ['Investigation complete; no suspect identified', 845],
    ['Status update unavailable', 601],
    ['Court result unavailable', 444],
    ['Further investigation is not in the public interest', 376],
    ['Under investigation', 367],
    ['Awaiting court outcome', 145],
    ['Local resolution', 63],
    ['Formal action is not in the public interest', 58],
    ['Action to be taken by another organisation', 57],
    ['Further action is not in the public interest', 27],
    ['Offender given a caution', 20],
  ],
  Drugs: [
    ['Court result unavailable', 954],
    ['Local resolution', 896],
    ['Unable to prosecute suspect', 803],
    ['Status update unavailable', 591],
    ['Investigation complete; no suspect identified', 474],
    ['Under investigation', 330],
    ['Awaiting court outcome', 286],
    ['Formal action is not in the public interest', 235],
    ['Offender given a caution', 163],
    ['Further investigation is not in the public interest', 41],
    ['Further action is not in the public interest', 33],
    ['Action to be taken by another organisation', 12],
    ['Offender given a drugs possession warning', 2],
  ],
  'Possession of weapons': [
    ['Unable to prosecute suspect', 593],
    ['Court result unavailable', 263],
    ['Status update unavailable', 197],
    ['Under investigation', 127],
    ['Investigation complete; no suspect identified', 97],
    ['Local resolution', 90],
    ['Awaiting court outcome', 75],
    ['Offender given a caution', 30],
    ['Formal action is not in the public interest', 29],
    ['Further action is not in the public interest', 12],
    ['Further investigation is not in the public interest', 9],
    ['Action to be taken by another organisation', 3],
  ],
  Robbery: [
    ['Investigation complete; no suspect identified', 359],
    ['Unable to prosecute suspect', 346],
    ['Status update unavailable', 114],
    ['Court result unavailable', 89],
    ['Under investigation', 75],
    ['Awaiting court outcome', 35],
    ['Local resolution', 7],
    ['Formal action is not in the public interest', 1],
    ['Further action is not in the public interest', 1],
  ],
  'Bicycle theft': [
    ['Investigation complete; no suspect identified', 579],
    ['Unable to prosecute suspect', 148],
    ['Status update unavailable', 36],
    ['Under investigation', 27],
    ['Court result unavailable', 20],
    ['Formal action is not in the public interest', 5],
    ['Awaiting court outcome', 4],
    ['Local resolution', 3],
    ['Action to be taken by another organisation', 1],
  ],
  'Theft from the person': [
    ['Investigation complete; no suspect identified', 348],
    ['Unable to prosecute suspect', 184],
    ['Status update unavailable', 66],
    ['Under investigation', 25],
    ['Local resolution', 5],
    ['Court result unavailable', 4],
    ['Further investigation is not in the public interest', 1],
    ['Formal action is not in the public interest', 1],
  ],
};

/** Rows per calendar month in the real Gwent 2024 files (Jan..Dec): the seasonal shape. */
export const MONTH_SHAPE: readonly number[] = [5560, 5378, 5940, 6118, 6566, 6274, 6744, 6166, 5923, 6093, 5930, 5348];

/**
 * police.uk's generic map-point names ("On or near <name>"), with roughly the share of rows
 * they carry in the Gwent files (Parking Area 4.7%, Supermarket 2.4%, ... and 1.7% with an
 * empty name); every other point is named after a street.
 */
export const POINT_NAMES: readonly (readonly [string, number])[] = [
  ['Parking Area', 4.7],
  ['Supermarket', 2.4],
  ['Shopping Area', 2.1],
  ['Sports/Recreation Area', 1.8],
  ['', 1.7],
  ['Petrol Station', 1.5],
  ['Police Station', 0.9],
  ['Park/Open Space', 0.3],
  ['Nightclub', 0.2],
  ['Hospital', 0.2],
  ['Further/Higher Educational Building', 0.1],
  ['Bus/Coach Station', 0.1],
  ['Theatre/Concert Hall', 0.05],
];

/** Street names for the other points (combined with STREET_KINDS). */
export const STREET_STEMS: readonly string[] = [
  'High',
  'Church',
  'Station',
  'Park',
  'Victoria',
  'Mill',
  'Queen',
  'King',
  'New',
  'Market',
  'Commercial',
  'Bridge',
  'School',
  'Green',
  'Castle',
  'North',
  'South',
  'West',
  'East',
  'Albert',
  'George',
  'York',
  'Manor',
  'Chapel',
  'Springfield',
  'Windsor',
  'Grange',
  'Kingsway',
  'Hill',
  'Oak',
  'Elm',
  'Ash',
  'Beech',
  'Willow',
  'Meadow',
  'Orchard',
  'Cedar',
  'Hawthorn',
  'Brook',
  'Riverside',
  'Alexandra',
  'Clarence',
  'Stanley',
  'Richmond',
  'Grove',
  'Woodland',
  'Cross',
  'Heol',
  'Ffordd',
  'Cambrian',
  'Griffin',
  'Skinner',
  'Tudor',
  'Stuart',
  'Lime',
  'Holly',
  'Birch',
  'Rose',
  'Priory',
  'Abbey',
  'Canal',
  'Railway',
  'Forge',
  'Farm',
  'Crown',
  'Nelson',
  'Wellington',
  'Milton',
  'Shakespeare',
  'Byron',
  'Tennyson',
  'Hampton',
  'Ferndale',
  'Fairfield',
];
export const STREET_KINDS: readonly string[] = [
  'Street',
  'Road',
  'Lane',
  'Avenue',
  'Close',
  'Drive',
  'Way',
  'Crescent',
  'Terrace',
  'Place',
  'Gardens',
  'Court',
  'View',
  'Walk',
];
