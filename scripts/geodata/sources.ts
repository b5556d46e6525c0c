/**
 * Where every input of scripts/build-geodata.ts lives (../shared/data/, beside the repo) and
 * where it came from (repo@commit:path, as ../shared/data/SOURCES.md gives it), with the
 * licence and attribution statements carried into geodata/ATTRIBUTION.md and into each
 * place record. Only the build reads ../shared; the app reads geodata/.
 */
import { fileURLToPath } from 'node:url';

export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const GEODATA = fileURLToPath(new URL('../../geodata/', import.meta.url));

export const shared = (path: string): string => SHARED_DATA + path;

export const PATHS = {
  pfa: 'boundaries/pfa_2020_ew_buc.geojson',
  walesLad: 'boundaries/wales_lad_2013.geojson',
  gbLadTopo: 'boundaries/gb_lad_topo.json',
  walesLsoaDir: 'boundaries/lsoa2011_wales_by_lad/',
  englandLsoaDir: 'boundaries/lsoa2011_england_by_lad/',
  ladPopulation: 'population/lad2021_mid2020_population_ew.csv',
  lsoaPopulation: 'population/lsoa2011_mid2020_population_ew.csv',
  pubs: 'places/pubs/open_pubs.csv',
  schools: 'places/schools/wales_schools_geocoded_20250907_124222.csv',
  prisons: 'places/prisons/prison_estate_geocoded.csv',
  edsEngland: 'places/hospitals/emergency_departments_england.csv',
  strokeHospitals: 'places/hospitals/stroke_hospitals_2022.csv',
  codePointDir: 'places/postcodes/codepoint_open_2014/',
} as const;

/** The Code-Point Open area files provided (postcode areas), in the order they are read. */
export const CODEPOINT_AREAS = ['np', 'cf', 'sa', 'ld', 'bs', 'gl', 'ba', 'ta', 'hr'] as const;

// --- provenance (repo @ commit : path) -------------------------------------------------------

const MARTINJC = 'martinjc/UK-GeoJSON@88339000fc8711feb9c146d5cd7d145bf286350d';
const DEMOGRAPHR = 'humaniverse/demographr@d0417101e5cad5fe1eca059ac60859e9157a29d2';

export const ORIGIN = {
  pfa: 'gutofthequantifier/gutofthequantifier.github.io@63a20a9bfa75ad25ca2155f03eebac876ce149f7:police_force_areas.geojson (ONS Police Force Areas (December 2020) EW BUC)',
  walesLad: `${MARTINJC}:json/administrative/wal/lad.json (ONS LAD 2013, generalised clipped)`,
  gbLadTopo: `${MARTINJC}:json/administrative/gb/topo_lad.json (object "lad", ONS LAD 2013)`,
  walesLsoa: `${MARTINJC}:json/statistical/wal/lsoa_by_lad/<LAD>.json (ONS LSOA 2011)`,
  englandLsoa: `${MARTINJC}:json/statistical/eng/lsoa_by_lad/<LAD>.json (ONS LSOA 2011)`,
  ladPopulation: `${DEMOGRAPHR}:data/population20_ltla21.rda (ONS mid-2020 MYE2, LAD 2021), converted to CSV`,
  lsoaPopulation: `${DEMOGRAPHR}:data/population20_lsoa11.rda (ONS mid-2020 SAPE23DT2, LSOA 2011), converted to CSV`,
  pubs: 'robarthur/pub-crawler@6dc90c547545bae64a8302844fc3b315df70da05:every-pub-in-england.zip/open_pubs.csv (Open Pubs, getthedata.com, 2017-08)',
  schools:
    'mathieuadams/better_School@50c535387551ff247c666edd1dd01d815ad32df0:scripts/wales_schools_geocoded_20250907_124222.csv (Welsh Government "Address list of schools")',
  prisons:
    'cat-lord/criminal_justice@4da70ff832dac962868daab5eae20315408960c5:prisons/prison_estate_geocoded.csv (NOMS "Prisons and their resettlement providers", 27/02/2017)',
  edsEngland:
    'blackwellrd/ekhuft_catchment_travel_times@e39f93ce49e265a39eeef571d6a4c180a78d79d3:emergency_departments.csv (NHS DoS-style ED list, 2024-08)',
  strokeHospitals:
    'stroke-optimist/deterministic_geographic_model@d7531b3d450527d107c06ba439fd86f6622127b2:data/stroke_hospitals_2022.csv (SAMueL/OPTIMIST acute stroke hospitals)',
  codePoint:
    'open-postcode/codepoint@dd4880a1a6f437477fd6a7a3a6823c944ba6bd2f:Data/CSV/<area>.csv (OS Code-Point Open 2014.3)',
} as const;

// --- licences and attribution statements ------------------------------------------------------

export const STATEMENT = {
  ogl: 'Contains public sector information licensed under the Open Government Licence v3.0.',
  ons: 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
  os2014: 'Contains OS data © Crown copyright and database right 2014',
  os2020: 'Contains OS data © Crown copyright and database right 2020',
  osAny: 'Contains OS data © Crown copyright and database right',
  royalMail2014: 'Contains Royal Mail data © Royal Mail copyright and database right 2014',
  royalMail: 'Contains Royal Mail data © Royal Mail copyright and database right',
  natStats2014: 'Contains National Statistics data © Crown copyright and database right 2014',
  natStats: 'Contains National Statistics data © Crown copyright and database right',
  martinjc: 'GeoJSON/TopoJSON conversion by Martin Chorley (martinjc/UK-GeoJSON), CC BY 4.0',
} as const;

/** The licence strings used in place records (`licence`). */
export const LICENCE = {
  ogl: 'OGL-UK-3.0',
  codePoint: 'OS OpenData (Code-Point Open; OGL-compatible)',
  mit: 'MIT (Stroke Optimist Project)',
  unknown: 'unknown (source states no licence; test data only)',
} as const;

export const POSITION = {
  codePoint: 'Code-Point Open 2014.3 postcode centroid',
  openPubs: 'Open Pubs easting/northing (ONS postcode centroid), BNG to WGS84',
  googleGeocoded: 'geocoded (commercial geocoder; test data)',
  edFile: 'emergency_departments.csv easting/northing (origin unknown; test data), BNG to WGS84',
  strokeFile: 'stroke_hospitals_2022.csv easting/northing (postcode-based), BNG to WGS84',
} as const;
