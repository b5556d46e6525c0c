import { describe, expect, it } from 'vitest';
import { outlineFeature } from '../../client/api';
import { rateLines } from '../../client/cells/rates';
import { forceAreaOf } from '../../client/geography/useBoundaries';
import {
  areaParam,
  defaultAreaChoice,
  formatPopulation,
  groupPartnerships,
  partnershipLabel,
  resolveChoice,
} from '../../client/partnerships/partnershipChoice';
import { countInBbox, placeTooltipText } from '../../client/places/placeInfo';
import { defaultPlaceTypes, placeStyles } from '../../client/places/placeStyles';
import { contains, growBbox, snapBbox } from '../../client/places/usePlaces';

const partnership = (
  id: number,
  name: string,
  category: 'force' | 'lad' | 'vru' | 'custom',
  lads: string[] = [],
  population = 0,
) => ({
  id,
  name,
  category,
  lads,
  population,
});

describe('partnership choice', () => {
  const list = [
    partnership(1, 'Avon and Somerset force area', 'force', ['E06000022'], 1_729_464),
    partnership(
      4,
      'Gwent force area',
      'force',
      ['W06000018', 'W06000019', 'W06000020', 'W06000021', 'W06000022'],
      598_194,
    ),
    partnership(22, 'Caerphilly CSP', 'lad', ['W06000018'], 181_731),
    partnership(29, 'Wales Violence Prevention Unit area', 'vru', [], 3_169_586),
    partnership(40, 'Newport night-time economy', 'custom'),
    partnership(41, 'Gwent schools pilot', 'custom'),
  ];

  it('defaults to the Gwent force area, else all areas', () => {
    expect(defaultAreaChoice(list)).toBe(4);
    expect(defaultAreaChoice(list.filter((p) => p.id !== 4))).toBe('all');
    expect(defaultAreaChoice([])).toBe('all');
  });

  it('groups by kind in a fixed order with names sorted', () => {
    const groups = groupPartnerships(list);
    expect(groups.map((g) => g.category)).toEqual(['force', 'lad', 'vru', 'custom']);
    expect(groups[0]!.partnerships.map((p) => p.id)).toEqual([1, 4]);
    expect(groups[3]!.partnerships.map((p) => p.name)).toEqual(['Gwent schools pilot', 'Newport night-time economy']);
    expect(groupPartnerships(list.filter((p) => p.category === 'lad')).map((g) => g.category)).toEqual(['lad']);
  });

  it('labels start with the name and give the size', () => {
    expect(partnershipLabel(list[1]!)).toBe('Gwent force area · 5 councils · 598k residents');
    expect(partnershipLabel(list[2]!)).toBe('Caerphilly CSP · 182k residents');
    expect(partnershipLabel(list[4]!)).toBe('Newport night-time economy');
    expect(formatPopulation(3_169_586)).toBe('3.17m');
    expect(formatPopulation(8_400)).toBe('8,400');
  });

  it('turns a choice into the cells area parameter and drops vanished partnerships', () => {
    expect(areaParam(4)).toBe('partnership:4');
    expect(areaParam('all')).toBeUndefined();
    expect(resolveChoice(22, list)).toBe(22);
    expect(resolveChoice(99, list)).toBe('all');
  });
});

describe('hexagon tooltip rates', () => {
  it('gives residents and the rate per 1,000 residents to one decimal place', () => {
    expect(rateLines({ count: 543, population: 2894.4, rate: 187.6034 })).toEqual([
      'Residents (estimate): 2,894',
      '187.6 per 1,000 residents',
    ]);
    expect(rateLines({ count: 3, population: 1500, rate: 2 })).toEqual([
      'Residents (estimate): 1,500',
      '2.0 per 1,000 residents',
    ]);
  });

  it('says the rate is suppressed with the count, and when there is no population', () => {
    expect(rateLines({ count: null, population: 812, rate: null })).toEqual([
      'Residents (estimate): 812',
      'Rate suppressed',
    ]);
    expect(rateLines({ count: 4, population: null, rate: null })).toEqual(['No resident population estimate']);
    expect(rateLines({ count: 4, population: 0, rate: null })).toEqual([
      'Residents (estimate): 0',
      'No residents: no rate',
    ]);
  });

  it('adds nothing when the response has no population fields', () => {
    expect(rateLines({ count: 12 })).toEqual([]);
  });
});

describe('partnership outlines', () => {
  const polygon = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  };

  it('accepts a Feature, a bare geometry, or a Feature wrapping a Feature', () => {
    expect(outlineFeature({ type: 'Feature', properties: {}, geometry: polygon })?.geometry).toEqual(polygon);
    expect(outlineFeature(polygon)?.geometry).toEqual(polygon);
    expect(
      outlineFeature({ type: 'Feature', properties: {}, geometry: { type: 'Feature', geometry: polygon } })?.geometry,
    ).toEqual(polygon);
  });

  it('refuses anything that is not a polygon', () => {
    expect(outlineFeature({ type: 'Point', coordinates: [0, 0] })).toBeNull();
    expect(outlineFeature(null)).toBeNull();
    expect(outlineFeature('Polygon')).toBeNull();
  });
});

describe('boundaries', () => {
  const lads = {
    type: 'FeatureCollection' as const,
    features: [
      ['W06000018', 'W15000002'],
      ['W06000022', 'W15000002'],
      ['W06000015', 'W15000003'],
    ].map(([code, parentCode]) => ({
      type: 'Feature' as const,
      properties: { code: code!, name: code!, nameWelsh: null, parentCode: parentCode!, population: 1 },
      geometry: { type: 'Polygon' as const, coordinates: [] },
    })),
  };

  it('scopes LSOAs to the force area holding all of a partnership', () => {
    expect(forceAreaOf(['W06000018', 'W06000022'], lads)).toBe('pfa:W15000002');
    expect(forceAreaOf(['W06000018', 'W06000015'], lads)).toBeNull();
    expect(forceAreaOf(['E06000023'], lads)).toBeNull();
    expect(forceAreaOf([], lads)).toBeNull();
    expect(forceAreaOf(['W06000018'], null)).toBeNull();
  });
});

describe('places', () => {
  it('gives each type its own shape and colour, and shows EDs and prisons by default', () => {
    const styles = placeStyles(['hospital-ed', 'licensed-premises', 'prison', 'school', 'custom', 'refuges']);
    const looks = [...styles.values()].map((s) => `${s.shape}/${s.fill}`);
    expect(new Set(looks).size).toBe(looks.length);
    expect(new Set([...styles.values()].slice(0, 4).map((s) => s.shape)).size).toBe(4);
    expect(
      defaultPlaceTypes([
        { type: 'hospital-ed', count: 190 },
        { type: 'licensed-premises', count: 5491 },
        { type: 'prison', count: 0 },
        { type: 'school', count: 976 },
      ]),
    ).toEqual(['hospital-ed']);
  });

  it('counts places in view and writes the tooltip with the stand-in note', () => {
    const places = [
      { lng: -3.0, lat: 51.6 },
      { lng: -2.5, lat: 51.6 },
      { lng: -3.0, lat: 52.5 },
    ];
    expect(countInBbox(places, [-3.1, 51.5, -2.9, 51.7])).toBe(1);
    const ed = {
      label: 'Hospitals with an emergency department',
      note: 'Stroke hospital list standing in for an ED list',
      proxy: true,
    };
    expect(placeTooltipText({ name: 'Grange University Hospital', note: null, proxy: true }, ed)).toBe(
      'Grange University Hospital\nHospitals with an emergency department (stand-in)\nStroke hospital list standing in for an ED list',
    );
    expect(
      placeTooltipText(
        { name: 'HMP Usk', note: 'Placed at Usk', proxy: false },
        { label: 'Prisons', note: null, proxy: false },
      ),
    ).toBe('HMP Usk\nPrisons\nPlaced at Usk');
  });

  it('snaps and grows fetch boxes so small pans reuse a complete answer', () => {
    expect(snapBbox([-3.34, 51.51, -2.65, 51.98])).toEqual([-3.4, 51.5, -2.6, 52]);
    expect(growBbox([0, 0, 4, 2])).toEqual([-1, -0.5, 5, 2.5]);
    expect(contains([-3.4, 51.5, -2.6, 52], [-3.3, 51.6, -2.7, 51.9])).toBe(true);
    expect(contains([-3.4, 51.5, -2.6, 52], [-3.5, 51.6, -2.7, 51.9])).toBe(false);
  });
});
