import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAuthorities } from '../../server/geo/geodata.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

/** LAD name -> code for the bundled councils (police.uk LSOA names start with the LAD name). */
const ladByName = new Map(localAuthorities().features.map((f) => [f.properties.name, f.properties.code]));
const lsoaLad = (lsoaName: string) => ladByName.get(lsoaName.replace(/ \d{3}[A-Z]$/, ''));

describe.each(backends)('area assignment at ingest on $name', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await backend.open();
  });
  afterAll(async () => t?.dispose());

  it('puts incidents in the LAD their police.uk LSOA name says, for a full real month of Gwent and South Wales', async () => {
    // Oracle: the LSOA name prefix ("Newport 014B") names the LAD, independently of our polygons.
    const files = [policeUkFile('gwent', '2024-01'), policeUkFile('south-wales', '2024-01')];
    await importPaths(t.db, files, { kind: 'police-uk', name: 'Wales' });
    const rows = await t.db.query<{ lsoa_code: string; lad_code: string | null; name: string }>(
      `select lsoa_code, lad_code, '' as name from incidents where lsoa_code is not null`,
    );
    expect(rows.length).toBeGreaterThan(15_000);
    // LSOA names are not stored; read them from the raw files.
    const { readFileSync } = await import('node:fs');
    const nameOf = new Map<string, string>();
    for (const file of files)
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
        const f = line.split(',');
        if (f[7]) nameOf.set(f[7], f[8]!);
      }
    let compared = 0;
    let agree = 0;
    for (const r of rows) {
      const expected = lsoaLad(nameOf.get(r.lsoa_code) ?? '');
      if (!expected) continue; // an LSOA of a council we do not bundle
      compared++;
      if (r.lad_code === expected) agree++;
    }
    expect(compared).toBeGreaterThan(15_000);
    // Snap points sit on or near the street, so a few land across a council boundary.
    expect(agree / compared).toBeGreaterThan(0.99);
  });

  it('flags and reports rows outside the force that supplied them (Gwent and Avon and Somerset)', async () => {
    // Generous boxes around each force: every row outside its box must be flagged.
    const cases = [
      { force: 'gwent', month: '2022-08', name: 'Gwent Police', code: 'W15000002', box: [-3.4, 51.43, -2.6, 52.03] },
      {
        force: 'avon-and-somerset',
        month: '2024-02',
        name: 'Avon and Somerset Constabulary',
        code: 'E23000036',
        box: [-3.9, 50.78, -2.2, 51.7],
      },
    ] as const;
    for (const { force, month, name, code, box } of cases) {
      const report = await importPaths(t.db, [policeUkFile(force, month)], {
        kind: 'police-uk',
        name: `${name} flags`,
      });
      const [stored] = await t.db.query<{ flagged: number; far: number; farFlagged: number; wrong: number }>(
        `select count(*) filter (where outside_force)::int as flagged,
                count(*) filter (where not (lng between $2 and $4 and lat between $3 and $5))::int as far,
                count(*) filter (where outside_force and not (lng between $2 and $4 and lat between $3 and $5))::int as "farFlagged",
                count(*) filter (where outside_force = (pfa_code = $6))::int as wrong
           from incidents where dataset_id = $1`,
        [report.datasetId, ...box, code],
      );
      expect(stored!.far).toBeGreaterThan(5);
      expect(stored!.farFlagged).toBe(stored!.far);
      expect(stored!.wrong).toBe(0);
      expect(stored!.flagged).toBe(report.outsideForce.total);
      expect(report.outsideForce.byForceArea[code]).toBeUndefined();
    }
  });
});
