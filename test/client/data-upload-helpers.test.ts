import { describe, expect, it } from 'vitest';
import { mappingColumns } from '../../client/datasets/mappingColumns';
import { uploadFraction } from '../../client/datasets/uploadWithProgress';
import { MAPPING_PRESETS } from '../../server/ingest/mapping.js';

describe('the columns a mapping reads', () => {
  it("lists every column of the server's presets, nested ones included, and no settings", () => {
    expect(mappingColumns(MAPPING_PRESETS['local-police']).sort()).toEqual(
      [
        'alcohol_related',
        'committed_date',
        'committed_time',
        'domestic_abuse',
        'force',
        'knife_sharp',
        'latitude',
        'longitude',
        'occurrence_ref',
        'offence_description',
      ].sort(),
    );
    expect(mappingColumns(MAPPING_PRESETS['istv-ed'])).not.toContain('dd/mm/yyyy');
    expect(mappingColumns(MAPPING_PRESETS['istv-ed'])).toContain('easting');
  });

  it('reads nothing from what is not a mapping', () => {
    expect(mappingColumns(null)).toEqual([]);
    expect(mappingColumns('local-police')).toEqual([]);
  });
});

describe('how far an upload has got', () => {
  const progress = { bytesRead: 250, bytesTotal: 1000, rowsRead: 10, rowsAccepted: 9, filesStarted: 1 };
  it('is the share of bytes the server has read, and all of it once done', () => {
    expect(uploadFraction({ ...progress, done: false, failed: false })).toBe(0.25);
    expect(uploadFraction({ ...progress, done: true, failed: false })).toBe(1);
  });
  it('cannot be told without a length, and a failed upload did not finish', () => {
    expect(uploadFraction({ ...progress, bytesTotal: null, done: false, failed: false })).toBeNull();
    expect(uploadFraction({ ...progress, done: true, failed: true })).toBe(0.25);
  });
});
