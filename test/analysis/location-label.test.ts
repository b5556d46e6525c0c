import { describe, expect, it } from 'vitest';
import { chooseLocationName, townReachMetres } from '../../server/analysis/location-label.js';
import { streetFromAddress } from '../../server/analysis/street-from-address.js';
import { postcodeSector } from '../../server/geo/postcodes.js';

describe('streetFromAddress', () => {
  it.each([
    ['All Bar One, 11 - 12 High Street, City Centre, Bath', 'All Bar One', 'High Street'],
    ['Alexandra Inn 89 Commercial Road Newport South Wales', 'Alexandra Inn', 'Commercial Road'],
    ['Maesglas Workmens Club Maesglas Avenue Newport South Wales', 'Maesglas Workmens Club', 'Maesglas Avenue'],
    ['Unit A 7-8 Market Street Newport South Wales', 'Meze', 'Market Street'],
    ['Castle Hotel, The Parade, Neath, Neath Port Talbot', 'Castle Hotel', 'The Parade'],
    ['66 Heol Y Meinciau, Pontyates, Llanelli, Carmarthenshire', 'Square & Compass', 'Heol Y Meinciau'],
    ['Flat 1, 131 North Road, Maindy, Cardiff', 'College Tavern', 'North Road'],
    ['Langton Court Hotel, Langton Court Road, St Annes, Bristol', 'Langton Court', 'Langton Court Road'],
    ['PARCLEWIS PRIMARY SCHOOL, BROADWAY, Pontypridd', 'Parclewis', 'Broadway'],
    ['99 Promenade, Cheltenham, Gloucestershire', 'Bar', 'Promenade'],
  ])('reads the street in %s', (address, name, street) => {
    expect(streetFromAddress(address, name)).toBe(street);
  });

  it.each(['Penydarren, Merthyr Tydfil', 'Llanddarog, Carmarthen, Carmarthenshire', 'Road, Somewhere'])(
    'finds no street in %s',
    (address) => {
      expect(streetFromAddress(address)).toBeNull();
    },
  );
});

describe('postcodeSector', () => {
  it('is the outward code and the first inward digit', () => {
    expect(postcodeSector('NP20 1EA')).toBe('NP20 1');
    expect(postcodeSector('cf101aa')).toBe('CF10 1');
    expect(postcodeSector('BS8 4RR')).toBe('BS8 4');
    expect(postcodeSector('not a postcode')).toBeNull();
  });
});

describe('chooseLocationName', () => {
  const base = { h3: '89195871643ffff', lsoa: 'Newport 014A', postcodeSector: 'NP20 1' };

  it('names the nearest street within reach and the town the cell lies deepest in', () => {
    const name = chooseLocationName({
      ...base,
      streets: [
        { street: 'High Street', metres: 250 },
        { street: 'Commercial Street', metres: 80 },
        { street: 'Far Road', metres: 900 },
      ],
      towns: [
        { name: 'Maindee', population: 9000, metres: 1500 },
        { name: 'Newport', population: 145_000, metres: 600 },
      ],
    });
    expect(name).toEqual({
      label: 'Commercial Street, Newport',
      street: 'Commercial Street',
      town: 'Newport',
      lsoa: 'Newport 014A',
      postcodeSector: 'NP20 1',
    });
  });

  it('falls back to LSOA and postcode sector when no street is near', () => {
    const name = chooseLocationName({ ...base, streets: [{ street: 'Far Road', metres: 301 }], towns: [] });
    expect(name.label).toBe('Newport 014A · NP20 1');
    expect(name.street).toBeNull();
  });

  it('gives a village its own name near a city but not beyond its reach', () => {
    expect(townReachMetres(500)).toBe(1000);
    expect(townReachMetres(10_000_000)).toBe(8000);
    const towns = [
      { name: 'Caerleon', population: 8747, metres: 400 },
      { name: 'Newport', population: 306_844, metres: 5000 },
    ];
    const streets = [{ street: 'High Street', metres: 50 }];
    expect(chooseLocationName({ ...base, streets, towns }).label).toBe('High Street, Caerleon');
    const far = [{ name: 'Tiny', population: 100, metres: 1200 }];
    expect(chooseLocationName({ ...base, streets, towns: far }).label).toBe('High Street · NP20 1');
  });

  it('uses the id only when nothing else is known', () => {
    expect(chooseLocationName({ h3: 'x', lsoa: null, postcodeSector: null, streets: [], towns: [] }).label).toBe('x');
  });
});
