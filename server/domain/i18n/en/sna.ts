/** English messages: sna. Keys are 'sna.…'; the Welsh twin is ../cy/sna.ts. */
export const sna = {
  'sna.back': 'Back',
  'sna.print': 'Print or save as PDF',
  'sna.analystsVersion': "Analysts' version",
  'sna.publicVersion': 'Public version (for publication)',
  'sna.noSelection': 'This link names no area, police datasets or period.',
  'sna.preparing': 'Preparing the chapter…',
  'sna.chapterLabel': 'SNA place chapter',
  'sna.figure': 'Figure {n}.',
  'sna.heading.title': 'Serious violence: place chapter',
  'sna.heading.definition': 'Definition of serious violence',
  'sna.heading.sources': 'Data sources',
  'sna.heading.priorities': 'Priority locations',
  'sna.heading.trend': 'Trends',
  'sna.heading.triangulation': 'Police and hospital data',
  'sna.heading.disclosure': 'Disclosure control',
  'sna.publicBanner':
    "Public version, for publication: cells of about 5 km² (H3 resolution 7), counts from restricted data shown only from 10, and refuges and children's homes never named. The server checked every figure against these rules before releasing it.",
  'sna.intro':
    '{from} to {to}. Prepared {date} with hotspot. This chapter describes where serious violence concentrates in {area}, how it has changed, and how police and hospital records compare.',
  'sna.definitionVersion': '{name}, version {version}.',
  'sna.definitionGroups': 'Police-recorded offences in these groups: {groups}.',
  'sna.definitionHospital': 'Hospital data count assault attendances at emergency departments (ISTV).',
  'sna.col.dataset': 'Dataset',
  'sna.col.legalBasis': 'Legal basis',
  'sna.col.monthsCovered': 'Months covered',
  'sna.col.monthsLow': 'Months flagged as low',
  'sna.restricted': '(restricted)',
  'sna.monthsOf': '{covered} of {asked}',
  'sna.monthRange': '({from} to {to})',
  'sna.lowMonthHint':
    'A month is flagged when its count is implausibly low for the dataset in this area (below 60% of the upper quartile of the other months, scaled to its days, and in the 0.1% Poisson tail below that), for example a force that under-supplied data that month; a run of short months is flagged month by month.',
  'sna.mapLabel': 'Hot spots in {area}',
  'sna.mapCaption':
    'Getis-Ord Gi* hot and cold spots of police-recorded serious violence in {area}, {from} to {to}, H3 resolution {res}: {hot} cells are hot spots at 95% confidence or more ({classes}).',
  'sna.col.rank': '#',
  'sna.col.location': 'Location (H3 cell)',
  'sna.col.incidents': 'Incidents',
  'sna.col.giClass': 'Gi* class',
  'sna.col.settings500': 'Settings within 500 m',
  'sna.prioritiesCaption':
    'The {n} priority locations: hot spots first, then by count. {count} incidents in all{rate}; the busiest 10% of cells hold {share} of them.',
  'sna.ratePerThousand': ', {rate} per 1,000 residents',
  'sna.notCovered': 'not covered',
  'sna.partialDays': '({covered} of {days} days)',
  'sna.trendCaption':
    'Police-recorded serious violence month by month, the 12 months to {to} ({covered}): {trend}{seasonal}{year}.',
  'sna.trendCovered': '{n} of {total} months covered by the data',
  'sna.trendMannKendall': '{direction} (Mann-Kendall, p {p})',
  'sna.trendSeasonal': '; seasonal Kendall {direction} (p {p})',
  'sna.yearNotCovered': '; the year-earlier month is not covered, so no year-on-year change is given',
  'sna.yearUp': '; {month} was up {percent}% on a year earlier',
  'sna.yearDown': '; {month} was down {percent}% on a year earlier',
  'sna.triangulationIntro':
    "Much violence never reaches the police. Comparing where emergency departments see assault injuries with where the police record violence, allowing for the two sources' different volumes:",
  'sna.classCells': '{label}: {n} cells.',
  'sna.col.police': 'Police-recorded',
  'sna.col.ed': 'ED assaults',
  'sna.col.settings300': 'Settings within 300 m',
  'sna.edExcessCaption':
    'Places where a significantly larger share of the hospital records than of the police records falls (exact binomial test, false discovery rate 5%): likely unreported violence.',
  'sna.disclosurePublic':
    "This is the public version of the chapter: its cells are coarse and its thresholds higher than the analysts' version, and no sensitive setting is named.",
  'sna.disclosureRestricted':
    'This chapter uses restricted data. Counts from 1 to {max} are not shown ("fewer than {threshold}"); other counts from restricted data carry a small deliberate perturbation (at most 2, the ONS cell key method) so that no small number can be recovered by comparing tables; every total, rate, hot-spot score and trend is computed from those released counts alone, and areas are fixed ones of at least 5,000 residents. No individual record or location leaves the data owner\'s system.',
  'sna.disclosureOpen': 'This chapter uses published (open) data only; counts are exact.',
} as const;
