import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { geometryBlob, writeGeoPackage } from '../../server/export/geopackage.js';

describe('GeoPackage writer', () => {
  it('writes a point as GP header, srs 4326, envelope and little-endian ISO WKB', () => {
    const blob = geometryBlob({ type: 'Point', coordinates: [-3.0, 51.5] });
    const view = new DataView(blob.buffer);
    expect(blob.length).toBe(8 + 32 + 21);
    expect([...blob.slice(0, 4)]).toEqual([0x47, 0x50, 0, 3]);
    expect(view.getInt32(4, true)).toBe(4326);
    expect([0, 1, 2, 3].map((i) => view.getFloat64(8 + 8 * i, true))).toEqual([-3, -3, 51.5, 51.5]);
    expect([blob[40], view.getUint32(41, true), view.getFloat64(45, true), view.getFloat64(53, true)]).toEqual([
      1, 1, -3, 51.5,
    ]);
  });

  it('refuses table and field names that are not plain identifiers, and leaves an empty layer without extent', async () => {
    const layer = {
      name: 'cells',
      description: '',
      geometryType: 'POINT' as const,
      fields: [{ name: 'n', type: 'INTEGER' as const }],
      features: [],
    };
    await expect(writeGeoPackage([{ ...layer, name: 'cells; drop table x' }])).rejects.toThrow(
      /not a plain table name/,
    );
    await expect(writeGeoPackage([{ ...layer, fields: [{ name: 'geom', type: 'TEXT' }] }])).rejects.toThrow(
      /not allowed/,
    );
    const SQL = await initSqlJs();
    const db = new SQL.Database(await writeGeoPackage([layer], new Date('2026-12-01T00:00:00Z')));
    expect(db.exec('select table_name, min_x, last_change from gpkg_contents')[0]!.values).toEqual([
      ['cells', null, '2026-12-01T00:00:00.000Z'],
    ]);
    expect(db.exec('pragma user_version')[0]!.values[0]![0]).toBe(10300);
    db.close();
  });
});
