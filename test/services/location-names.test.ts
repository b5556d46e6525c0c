import { cellToCenterChild, cellToParent, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameLocations } from '../../server/services/location-names.js';
import { backends, type TestDb } from '../helpers/databases.js';

// Commercial Street, Newport city centre (pubs at 59 and 126 Commercial Street sit on it).
const NEWPORT_CENTRE = latLngToCell(51.5856, -2.9966, 9);
// Open farmland north of Usk, Monmouthshire: no pub or school within a few hundred metres.
const RURAL = latLngToCell(51.735, -2.86, 9);

describe.each(backends)('nameLocations on the bundled geography ($name)', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open({ geography: true });
  });
  afterAll(async () => t?.dispose());

  it('names a Newport city-centre cell by its street and town, and a rural one by LSOA and postcode sector', async () => {
    const names = await nameLocations(t.db, [NEWPORT_CENTRE, RURAL, NEWPORT_CENTRE]);
    expect(names.size).toBe(2);
    const centre = names.get(NEWPORT_CENTRE)!;
    expect(centre.label).toBe('Commercial Street, Newport');
    expect(centre).toMatchObject({ street: 'Commercial Street', town: 'Newport' });
    expect(centre.lsoa).toMatch(/^Newport \d{3}[A-Z]$/);
    expect(centre.postcodeSector).toMatch(/^NP20 \d$/);
    const rural = names.get(RURAL)!;
    expect(rural.street).toBeNull();
    expect(rural.lsoa).toMatch(/^Monmouthshire \d{3}[A-Z]$/);
    expect(rural.postcodeSector).toMatch(/^NP15 \d$/);
    expect(rural.label).toBe(`${rural.lsoa} · ${rural.postcodeSector}`);
  });

  it('names cells of every resolution by the LSOA their centre lies in', async () => {
    const centre = (await nameLocations(t.db, [NEWPORT_CENTRE])).get(NEWPORT_CENTRE)!;
    const child = cellToCenterChild(NEWPORT_CENTRE, 10);
    const parent = cellToParent(NEWPORT_CENTRE, 8);
    const names = await nameLocations(t.db, [child, parent]);
    expect(names.get(child)!.lsoa).toBe(centre.lsoa);
    expect(names.get(parent)!.lsoa).toMatch(/^Newport \d{3}[A-Z]$/);
    expect(names.get(parent)!.town).toBe('Newport');
  });
});
