import { describe, expect, it } from 'vitest';
import { mapAtOf } from '../../client/cell/mapAt';
import { decodeSelection, withSelection } from '../../client/selection/selection';

const decode = (query: string) => decodeSelection(new URLSearchParams(query));

describe('the map view and the open cell in the URL', () => {
  it('reads and writes the open cell and the centre and zoom, readably', () => {
    const query = withSelection('', {
      area: 'partnership:26',
      cell: '8819587a59fffff',
      at: { lat: 51.5883456, lng: -2.99712345, zoom: 14 },
    });
    expect(query).toBe('area=partnership:26&cell=8819587a59fffff&at=51.58835,-2.99712,14.00');
    expect(decode(query)).toEqual({
      area: 'partnership:26',
      cell: '8819587a59fffff',
      at: { lat: 51.58835, lng: -2.99712, zoom: 14 },
    });
  });

  it('leaves out what is not a cell or a view (the page default)', () => {
    for (const bad of ['cell=88195', 'cell=8819587A59FFFFF', 'at=51.5,-3', 'at=95,0,10', 'at=51,-3,30', 'at=a,b,c'])
      expect(decode(bad), bad).toEqual({});
  });

  it("takes a camera's view for a link only once the map has reported its centre", () => {
    const bbox = [0, 0, 1, 1] as [number, number, number, number];
    expect(mapAtOf({ bbox, zoom: 12, latitude: 51.6 })).toBeUndefined();
    expect(mapAtOf({ bbox, zoom: 12, latitude: 51.6, longitude: -3 })).toEqual({ lat: 51.6, lng: -3, zoom: 12 });
  });
});
