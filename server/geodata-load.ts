import type { Db } from './db/index.js';
import { forgetGeodataVersion, getState, setState } from './db/app-state.js';
import { replaceAreas, type AreaRow } from './db/areas.js';
import { replaceSeededPartnerships, type NewPartnership } from './db/partnerships.js';
import { replaceBundledPlaces } from './db/places.js';
import { refreshStatistics } from './db/statistics.js';
import { policeForceAreas } from './geo/boundaries.js';
import { cellRows, geodataVersion, localAuthorities, lsoas } from './geo/geodata.js';
import { unionOutline } from './geo/partnership-shape.js';
import { bundledPlaces } from './geo/places.js';

const VRU_PFAS = ['W15000001', 'W15000002', 'W15000003', 'W15000004'];

/**
 * Loads boundaries, H3 covers with population, bundled places and seeded partnerships into the
 * database, in one transaction, whenever the bundled geodata files change (idempotent).
 */
export async function loadGeodataOnce(db: Db, onStep: (step: string) => void = () => undefined): Promise<boolean> {
  const version = geodataVersion();
  if ((await getState(db, 'geodata_version')) === version) return false;
  onStep('reading boundaries');
  const lad = localAuthorities();
  const lsoa = lsoas();
  const pfa = policeForceAreas();
  const pfaOfLad = new Map(lad.features.map((f) => [f.properties.code, f.properties.pfaCode]));
  const ladPopulationByPfa = new Map<string, number>();
  for (const f of lad.features)
    ladPopulationByPfa.set(
      f.properties.pfaCode,
      (ladPopulationByPfa.get(f.properties.pfaCode) ?? 0) + f.properties.population,
    );

  const cells = cellRows((code) => pfaOfLad.get(code) ?? null);
  const areas: AreaRow[] = [
    ...pfa.features.map((f) => ({
      level: 'pfa' as const,
      code: f.properties.code,
      name: f.properties.name,
      nameWelsh: null,
      parentCode: null,
      population: ladPopulationByPfa.get(f.properties.code) ?? null,
      geometry: f.geometry,
    })),
    ...lad.features.map((f) => ({
      level: 'lad' as const,
      code: f.properties.code,
      name: f.properties.name,
      nameWelsh: f.properties.nameWelsh,
      parentCode: f.properties.pfaCode,
      population: f.properties.population,
      geometry: f.geometry,
    })),
    ...lsoa.features.map((f) => ({
      level: 'lsoa' as const,
      code: f.properties.code,
      name: f.properties.name,
      nameWelsh: null,
      parentCode: f.properties.ladCode,
      population: f.properties.population,
      geometry: f.geometry,
    })),
  ];

  onStep('building partnership outlines');
  const seeds = seedPartnerships(
    lad.features.map((f) => f.properties),
    pfa.features.map((f) => f.properties),
    (codes) =>
      unionOutline(lad.features.filter((f) => codes.includes(f.properties.code)).map((f) => f.geometry)).geometry,
  );
  const places = bundledPlaces();

  onStep(
    `storing ${areas.length.toLocaleString('en-GB')} areas, ${cells.length.toLocaleString('en-GB')} cells, ${places.length.toLocaleString('en-GB')} places`,
  );
  await db.transaction(async (tx) => {
    await replaceAreas(tx, areas, cells);
    await replaceSeededPartnerships(tx, seeds);
    await replaceBundledPlaces(tx, places);
    await setState(tx, 'geodata_version', version);
  });
  forgetGeodataVersion(db);
  await refreshStatistics(db, ['areas', 'area_cells', 'partnership_lads', 'partnership_cells', 'places']);
  return true;
}

/** One partnership per Welsh LAD (CSPs match single LAs in Wales), per force area, and the Wales VRU area. */
function seedPartnerships(
  lads: readonly { code: string; name: string; pfaCode: string }[],
  forces: readonly { code: string; name: string }[],
  outline: (ladCodes: string[]) => unknown,
): NewPartnership[] {
  const seeds: NewPartnership[] = [];
  for (const force of forces) {
    const codes = lads.filter((l) => l.pfaCode === force.code).map((l) => l.code);
    if (codes.length === 0) continue;
    seeds.push({
      name: `${force.name} force area`,
      kind: 'lads',
      category: 'force',
      seeded: true,
      lads: codes,
      outline: outline(codes),
      description: `The ${force.name} police force area (${force.code}): ${codes.length} local authorities`,
    });
  }
  for (const lad of lads.filter((l) => l.code.startsWith('W06'))) {
    seeds.push({
      name: `${lad.name} CSP`,
      kind: 'lads',
      category: 'lad',
      seeded: true,
      lads: [lad.code],
      outline: outline([lad.code]),
      description: `${lad.name} Community Safety Partnership area (${lad.code})`,
    });
  }
  const wales = lads.filter((l) => VRU_PFAS.includes(l.pfaCode)).map((l) => l.code);
  seeds.push({
    name: 'Wales Violence Prevention Unit area',
    kind: 'lads',
    category: 'vru',
    seeded: true,
    lads: wales,
    outline: outline(wales),
    description: 'All four Welsh police force areas (North Wales, Gwent, South Wales, Dyfed-Powys)',
  });
  return seeds;
}
