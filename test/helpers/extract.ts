import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const EXTRACT_HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';

/** A point in central Newport (Gwent), inside NEWPORT_SQUARE. */
export const NEWPORT_POINT = { lat: 51.588, lng: -2.997 };

/** A drawn partnership area of about 2.5 x 2.2 km around NEWPORT_POINT, inside Newport. */
export const NEWPORT_SQUARE = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [-3.015, 51.578],
      [-2.979, 51.578],
      [-2.979, 51.598],
      [-3.015, 51.598],
      [-3.015, 51.578],
    ],
  ],
};

let dir: string | undefined;

/**
 * A small local-police extract (the `local-police` preset) of `rows` common assaults at one
 * point, on days of January 2024: ten by default, over the threshold, so an allowed user sees a
 * count of about 10.
 */
export function tinyExtract(name: string, o: { rows?: number; at?: { lat: number; lng: number } } = {}): string {
  dir ??= mkdtempSync(join(tmpdir(), 'hotspot-extract-'));
  const at = o.at ?? NEWPORT_POINT;
  const path = join(dir, `${name.replace(/[^\w-]/g, '_')}.csv`);
  const rows = Array.from(
    { length: o.rows ?? 10 },
    (_, i) =>
      `${name}-${i},2024-01-${String(10 + (i % 9)).padStart(2, '0')},12:00,${at.lat},${at.lng},Common assault,N,N,N,Gwent Police`,
  );
  writeFileSync(path, [EXTRACT_HEADER, ...rows].join('\n') + '\n');
  return path;
}
