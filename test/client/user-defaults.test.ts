import { describe, expect, it } from 'vitest';
import { pageRefusal } from '../../client/auth/pageAccess';
import { listSummary } from '../../client/controls/listSummary';
import { defaultDatasetIds } from '../../client/datasets/defaultDataset';
import { defaultAreaChoice } from '../../client/partnerships/partnershipChoice';

const partnership = (id: number, name: string, category: 'force' | 'lad') => ({
  id,
  name,
  category,
  lads: [],
  population: 1,
});
const PARTNERSHIPS = [partnership(4, 'Gwent force area', 'force'), partnership(9, 'Cardiff CSP', 'lad')];
const DATASETS = [
  { id: 2, name: 'Gwent Police (data.police.uk)', kind: 'police-uk', sensitivity: 'public' },
  { id: 5, name: 'South Wales Police (data.police.uk)', kind: 'police-uk', sensitivity: 'public' },
];

describe("the map's first view for the signed-in user", () => {
  it("lands on the user's own partnership, and on Gwent only for a user of none", () => {
    expect(defaultAreaChoice(PARTNERSHIPS, 9)).toBe(9);
    expect(defaultAreaChoice(PARTNERSHIPS, null)).toBe(4);
    expect(defaultAreaChoice(PARTNERSHIPS, 77)).toBe(4); // a partnership since deleted
    expect(defaultAreaChoice(PARTNERSHIPS.slice(1), null)).toBe('all');
  });

  it("shows the user's own dataset where it is still listed, else the general default", () => {
    expect(defaultDatasetIds(DATASETS, [5])).toEqual([5]);
    expect(defaultDatasetIds(DATASETS, [])).toEqual([2]);
    expect(defaultDatasetIds(DATASETS, [8])).toEqual([2]);
  });
});

describe('pages a role cannot use', () => {
  it('says why instead of showing another page', () => {
    expect(pageRefusal('analyst', 'admin')).toMatch(/for administrators/);
    expect(pageRefusal('pcc', 'admin')).toMatch(/for administrators/);
    expect(pageRefusal('panel', 'sharing')).toMatch(/panel members read panels/);
    expect(pageRefusal('admin', 'admin')).toBeNull();
    expect(pageRefusal('analyst', 'sharing')).toBeNull();
    for (const page of ['map', 'panels', 'compare', 'triangulation', 'report', 'sna'] as const)
      for (const role of ['admin', 'analyst', 'panel', 'pcc']) expect(pageRefusal(role, page)).toBeNull();
  });
});

describe("the side panel's summary lines", () => {
  it('name up to three choices and count the rest', () => {
    expect(listSummary([], 'none shown')).toBe('none shown');
    expect(listSummary(['Robbery'])).toBe('Robbery');
    expect(listSummary(['Robbery', 'Drugs'])).toBe('Robbery and Drugs');
    expect(listSummary(['Robbery', 'Drugs', 'Theft'])).toBe('Robbery, Drugs and Theft');
    expect(listSummary(['Robbery', 'Drugs', 'Theft', 'Arson', 'Weapons'])).toBe('Robbery, Drugs and 3 more');
  });
});
