import { describe, expect, it } from 'vitest';
import { pageOf, pageUrl } from '../../client/selection/location';
import {
  decodeSelection,
  encodeSelection,
  omit,
  pick,
  type Selection,
  SHARED_KEYS,
  withSelection,
} from '../../client/selection/selection';

const decode = (query: string) => decodeSelection(new URLSearchParams(query));

describe('the selection in the URL', () => {
  it('reads the analysis selection under the API query parameters', () => {
    expect(
      decode('datasets=1,2&groups=violence-sexual,robbery&from=2024-01&to=2024-12&res=8&area=lad:W06000022'),
    ).toEqual({
      datasets: [1, 2],
      groups: ['violence-sexual', 'robbery'],
      from: '2024-01',
      to: '2024-12',
      res: 8,
      area: 'lad:W06000022',
    });
  });

  it('writes it back readably, in a fixed order, and reads back what it wrote', () => {
    const selection: Selection = {
      view: 'hotspots',
      area: 'partnership:12',
      res: 9,
      datasets: [3, 1],
      places: ['hospital-ed', 'prison'],
      settings: ['licensed premises'],
      weapons: ['knife/sharp'],
      areas: ['pfa:W15000002', 'pfa:W15000003'],
      public: true,
      panel: 4,
      review: 17,
      tab: 'audit',
    };
    const query = withSelection('', selection);
    expect(query).toBe(
      'datasets=3,1&res=9&area=partnership:12&view=hotspots&places=hospital-ed,prison&areas=pfa:W15000002,pfa:W15000003&settings=licensed%20premises&weapons=knife/sharp&public=true&panel=4&review=17&tab=audit',
    );
    expect(decode(query)).toEqual(selection);
    expect(decodeSelection(encodeSelection(selection))).toEqual(selection);
  });

  it('keeps "none chosen" apart from "not chosen" (the page default)', () => {
    expect(decode('datasets=&groups=')).toEqual({ datasets: [], groups: [] });
    expect(decode('')).toEqual({});
    expect(withSelection('', { datasets: [] })).toBe('datasets=');
    expect(withSelection('', { public: false, datasets: undefined })).toBe('');
  });

  it('leaves out what is not valid, so the page falls back to its default', () => {
    expect(
      decode(
        'datasets=1,x&from=2024-13&to=2024-1&res=11&area=county:Gwent&view=pie&bandwidth=-5&areas=pfa:W15000002,nowhere&panel=0&public=yes&tab=secret&groups=Robbery',
      ),
    ).toEqual({});
    expect(decode('area=all&res=10&bandwidth=250')).toEqual({ area: 'all', res: 10, bandwidth: 250 });
  });

  it('replaces only its own keys, keeping any other parameter', () => {
    expect(withSelection('?link=abc&view=density&res=7', { view: 'counts' })).toBe('link=abc&view=counts');
  });

  it('tells the shared analysis selection from a page view', () => {
    const selection: Selection = {
      datasets: [1],
      from: '2024-01',
      to: '2024-06',
      view: 'density',
      areas: ['pfa:W15000002'],
    };
    expect(pick(selection, SHARED_KEYS)).toEqual({ datasets: [1], from: '2024-01', to: '2024-06' });
    expect(omit(selection, SHARED_KEYS)).toEqual({ view: 'density', areas: ['pfa:W15000002'] });
  });

  it('names the page of a path and makes a page URL', () => {
    expect(
      ['/', '/signin', '/compare', '/triangulation', '/sna', '/panels', '/reviews/3/report', '/admin'].map(pageOf),
    ).toEqual(['map', 'map', 'compare', 'triangulation', 'sna', 'panels', 'report', 'admin']);
    expect(pageUrl('sna', { area: 'pfa:W15000002', police: [1], ed: [4], from: '2024-01', to: '2024-06' })).toBe(
      '/sna?from=2024-01&to=2024-06&area=pfa:W15000002&police=1&ed=4',
    );
    expect(pageUrl('compare', {})).toBe('/compare');
  });
});
