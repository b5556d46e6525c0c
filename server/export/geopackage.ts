import initSqlJs from 'sql.js';

/**
 * GeoPackage 1.3 (OGC 12-128r18) writing on sql.js, SQLite compiled to WebAssembly: a GeoPackage
 * is a SQLite file with a fixed set of metadata tables and geometries stored as a small header
 * plus ISO WKB. sql.js needs no native build; the GeoPackage-specific part is this file.
 */

type Position = readonly number[];
export type LayerGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'Polygon'; coordinates: readonly (readonly Position[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly Position[])[])[] };

export interface LayerField {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'REAL';
}

export interface Layer {
  /** Table name: lower case, digits and underscores. */
  name: string;
  description: string;
  geometryType: 'POINT' | 'POLYGON' | 'MULTIPOLYGON';
  fields: readonly LayerField[];
  features: readonly { geometry: LayerGeometry; properties: Record<string, string | number | null> }[];
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';
const NAME = /^[a-z][a-z0-9_]*$/;
const WKB_TYPES = { Point: 1, Polygon: 3, MultiPolygon: 6 } as const;

/** ISO WKB, little endian. */
function wkb(geometry: LayerGeometry): Uint8Array {
  const bytes: Uint8Array[] = [];
  const uint32 = (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    bytes.push(b);
  };
  const double = (v: number) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    bytes.push(b);
  };
  const header = (type: number) => {
    bytes.push(Uint8Array.of(1));
    uint32(type);
  };
  const polygon = (rings: readonly (readonly Position[])[]) => {
    header(WKB_TYPES.Polygon);
    uint32(rings.length);
    for (const ring of rings) {
      uint32(ring.length);
      for (const [x, y] of ring) {
        double(x!);
        double(y!);
      }
    }
  };
  if (geometry.type === 'Point') {
    header(WKB_TYPES.Point);
    double(geometry.coordinates[0]!);
    double(geometry.coordinates[1]!);
  } else if (geometry.type === 'Polygon') polygon(geometry.coordinates);
  else {
    header(WKB_TYPES.MultiPolygon);
    uint32(geometry.coordinates.length);
    for (const p of geometry.coordinates) polygon(p);
  }
  const out = new Uint8Array(bytes.reduce((a, b) => a + b.length, 0));
  let at = 0;
  for (const b of bytes) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function positions(geometry: LayerGeometry): Position[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
}

function envelope(points: readonly Position[]): [number, number, number, number] {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x!);
    maxX = Math.max(maxX, x!);
    minY = Math.min(minY, y!);
    maxY = Math.max(maxY, y!);
  }
  return [minX, maxX, minY, maxY];
}

/** The GeoPackage geometry blob: "GP", version 0, flags (little endian, xy envelope), srs id 4326, envelope, WKB. */
export function geometryBlob(geometry: LayerGeometry): Uint8Array {
  const body = wkb(geometry);
  const head = new Uint8Array(8 + 32);
  const view = new DataView(head.buffer);
  head.set([0x47, 0x50, 0, 0b0000_0011]);
  view.setInt32(4, 4326, true);
  for (const [i, v] of envelope(positions(geometry)).entries()) view.setFloat64(8 + i * 8, v, true);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

/** A GeoPackage file with the layers, every geometry in WGS84 (EPSG:4326). */
export async function writeGeoPackage(layers: readonly Layer[], now = new Date()): Promise<Uint8Array> {
  for (const layer of layers) {
    if (!NAME.test(layer.name)) throw new Error(`layer name "${layer.name}" is not a plain table name`);
    for (const f of layer.fields)
      if (!NAME.test(f.name) || f.name === 'fid' || f.name === 'geom')
        throw new Error(`field name "${f.name}" of ${layer.name} is not allowed`);
  }
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.run('PRAGMA application_id = 1196444487'); // "GPKG"
    db.run('PRAGMA user_version = 10300');
    db.run(
      `create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key, organization text not null, organization_coordsys_id integer not null, definition text not null, description text)`,
    );
    const srs = db.prepare('insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)');
    srs.run([
      'Undefined cartesian SRS',
      -1,
      'NONE',
      -1,
      'undefined',
      'undefined cartesian coordinate reference system',
    ]);
    srs.run([
      'Undefined geographic SRS',
      0,
      'NONE',
      0,
      'undefined',
      'undefined geographic coordinate reference system',
    ]);
    srs.run([
      'WGS 84 geodetic',
      4326,
      'EPSG',
      4326,
      WGS84_WKT,
      'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid',
    ]);
    srs.free();
    db.run(`create table gpkg_contents (table_name text not null primary key, data_type text not null, identifier text unique, description text default '',
      last_change datetime not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x double, min_y double, max_x double, max_y double,
      srs_id integer, constraint fk_gc_r_srs_id foreign key (srs_id) references gpkg_spatial_ref_sys(srs_id))`);
    db.run(`create table gpkg_geometry_columns (table_name text not null, column_name text not null, geometry_type_name text not null, srs_id integer not null,
      z tinyint not null, m tinyint not null, constraint pk_geom_cols primary key (table_name, column_name),
      constraint fk_gc_tn foreign key (table_name) references gpkg_contents(table_name), constraint fk_gc_srs foreign key (srs_id) references gpkg_spatial_ref_sys (srs_id))`);
    for (const layer of layers) {
      db.run(
        `create table ${layer.name} (fid integer primary key autoincrement not null, geom ${layer.geometryType}${layer.fields.map((f) => `, ${f.name} ${f.type}`).join('')})`,
      );
      const insert = db.prepare(
        `insert into ${layer.name} (geom${layer.fields.map((f) => `, ${f.name}`).join('')}) values (?${layer.fields.map(() => ', ?').join('')})`,
      );
      db.run('begin');
      for (const feature of layer.features)
        insert.run([geometryBlob(feature.geometry), ...layer.fields.map((f) => feature.properties[f.name] ?? null)]);
      db.run('commit');
      insert.free();
      const [minX, maxX, minY, maxY] = envelope(layer.features.flatMap((f) => positions(f.geometry)));
      const box = layer.features.length ? [minX, minY, maxX, maxY] : [null, null, null, null];
      db.run(
        'insert into gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 4326)',
        [layer.name, 'features', layer.name, layer.description, now.toISOString(), ...box],
      );
      db.run('insert into gpkg_geometry_columns values (?, ?, ?, 4326, 0, 0)', [
        layer.name,
        'geom',
        layer.geometryType,
      ]);
    }
    return db.export();
  } finally {
    db.close();
  }
}
