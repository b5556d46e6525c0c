import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaCover } from '../../server/db/areas.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { nameLocations } from '../../server/services/location-names.js';
import { createApp } from '../../server/app.js';
import { as, createTestUser, type TestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { importPaths } from '../helpers/import.js';
import { APPEARS, cellOfSpot, DOUBLES, extract, HEADER, MEETING, SPOTS, STOPS } from '../helpers/planted.js';

interface ReviewBody {
  review: {
    id: number;
    meetingDate: string;
    dataVersions: { id: number; rowsAccepted: number }[];
    selection: { definition: unknown; datasets: number[] };
    results: {
      current: { from: string; to: string };
      threshold: number;
      cells: { h3: string; current: number | null; comparison: number | null; class: string }[];
      priorities: { h3: string; class: string }[];
      series: { periods: { from: string }[]; cells: Record<string, (number | null)[]> };
      watched: {
        h3: string;
        then: { class: string; current: number | null } | null;
        now: { class: string; current: number | null } | null;
      }[];
    };
  };
}

describe.each(backends)('panel reviews on $name', (backend) => {
  let t: TestDb;
  let app: ReturnType<typeof createApp>;
  let analyst: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let datasetId: number;
  let partnership: number;
  let file: string;
  const post = (who: TestUser, path: string, body: unknown, method = 'POST') =>
    as(app, who).request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    partnership = (await findPartnershipByName(t.db, 'Gwent force area'))!;
    const owner = `partnership:${partnership}`;
    app = createApp(t.db);
    analyst = await createTestUser(t.db, { role: 'analyst', scopes: [owner] });
    member = await createTestUser(t.db, { role: 'panel', scopes: [owner] });
    outsider = await createTestUser(t.db, { role: 'analyst', scopes: [`partnership:${partnership + 1}`] });
    const cover = new Set(await areaCover(t.db, { kind: 'lad', code: 'W06000022' }, 9));
    const spots = SPOTS.map((_, i) => i).filter((i) => cover.has(latLngToCell(SPOTS[i]![0], SPOTS[i]![1], 9)));
    file = join(mkdtempSync(join(tmpdir(), 'hotspot-panel-')), 'planted.csv');
    writeFileSync(file, extract(spots).csv);
    datasetId = (
      await importPaths(t.db, [file], {
        kind: 'incidents',
        name: 'Planted',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        threshold: 5,
        basis: 's16',
        ownerScope: owner,
      })
    ).datasetId;
  }, 300_000);
  afterAll(async () => t?.dispose());

  let panelId: number;
  let first: ReviewBody['review'];
  let second: ReviewBody['review'];

  it('sets up a panel for the partnership; only members may', async () => {
    const body = {
      partnershipId: partnership,
      name: 'Newport violence panel',
      cadence: 'fortnight',
      selection: { datasets: [datasetId], res: 9, area: 'lad:W06000022' },
    };
    expect((await post(outsider, '/api/panels', body)).status).toBe(403);
    expect((await post(member, '/api/panels', body)).status).toBe(403); // the panel role reviews, it does not set up
    const res = await post(analyst, '/api/panels', body);
    expect(res.status).toBe(201);
    panelId = ((await res.json()) as { panel: { id: number } }).panel.id;
    expect((await as(app, outsider).request(`/api/panels/${panelId}`)).status).toBe(403);
    expect(
      ((await (await as(app, member).request('/api/panels')).json()) as { panels: unknown[] }).panels,
    ).toHaveLength(1);
  });

  it('freezes a review for a meeting: the fortnight before, released counts, classes, data versions', async () => {
    const res = await post(member, `/api/panels/${panelId}/reviews`, { meetingDate: '2024-06-13' });
    expect(res.status).toBe(201);
    first = ((await res.json()) as ReviewBody).review;
    expect(first.results.current).toMatchObject({ from: '2024-05-27', to: '2024-06-09' });
    expect(first.dataVersions).toEqual([expect.objectContaining({ id: datasetId })]);
    expect(first.results.threshold).toBe(5);
    for (const c of first.results.cells)
      for (const n of [c.current, c.comparison]) expect(n === null || n === 0 || n >= 5).toBe(true);
    expect((await post(member, `/api/panels/${panelId}/reviews`, { meetingDate: '2024-06-13' })).status).toBe(409);
  });

  it('watches a location from one review and shows its movement in the next, with the new, worse and stopped locations first', async () => {
    const watched = await post(member, `/api/panels/${panelId}/watch`, {
      h3: cellOfSpot(DOUBLES),
      reviewId: first.id,
      reason: 'Taxi rank: new CCTV from June',
    });
    expect(watched.status).toBe(201);
    const res = await post(analyst, `/api/panels/${panelId}/reviews`, { meetingDate: MEETING });
    expect(res.status).toBe(201);
    second = ((await res.json()) as ReviewBody).review;
    const classes = new Map(second.results.priorities.map((p) => [p.h3, p.class]));
    expect(classes.get(cellOfSpot(APPEARS))).toBe('new');
    expect(classes.get(cellOfSpot(DOUBLES))).toBe('increasing');
    expect(classes.get(cellOfSpot(STOPS))).toBe('ceased');
    expect(second.results.priorities[0]!.class).toBe('new');
    const [movement] = second.results.watched;
    expect(movement!.h3).toBe(cellOfSpot(DOUBLES));
    expect(movement!.then!.class).toBe('persistent'); // a steady hot spot of 40 a fortnight when it was added
    expect(movement!.now!.class).toBe('increasing');
    expect(Math.abs(movement!.now!.current! - 80)).toBeLessThanOrEqual(2);
    // Eight fortnights of history frozen for each priority location: the stopped one was steady, then nothing.
    expect(second.results.series.periods).toHaveLength(8);
    const stops = second.results.series.cells[cellOfSpot(STOPS)]!;
    expect(stops.at(-1)).toBe(0);
    for (const n of stops.slice(0, -1)) expect(Math.abs(n! - 20)).toBeLessThanOrEqual(2);
  });

  it('records notes and actions on a location, and action status changes', async () => {
    const note = await post(member, `/api/reviews/${second.id}/notes`, {
      h3: cellOfSpot(APPEARS),
      kind: 'action',
      body: 'Licensing to visit the new late bar',
      owner: 'Newport licensing',
    });
    expect(note.status).toBe(201);
    const { id } = (await note.json()) as { id: number };
    expect((await post(member, `/api/notes/${id}`, { status: 'done' }, 'PATCH')).status).toBe(200);
    expect(
      (await post(outsider, `/api/reviews/${second.id}/notes`, { h3: cellOfSpot(APPEARS), kind: 'note', body: 'x' }))
        .status,
    ).toBe(403);
    const body = (await (await as(app, analyst).request(`/api/reviews/${second.id}`)).json()) as {
      notes: { body: string; status: string; owner: string }[];
      previous: { id: number };
    };
    expect(body.notes).toEqual([
      expect.objectContaining({
        body: 'Licensing to visit the new late bar',
        status: 'done',
        owner: 'Newport licensing',
      }),
    ]);
    expect(body.previous.id).toBe(first.id);
  });

  it('compares two frozen reviews', async () => {
    const res = await as(app, member).request(`/api/reviews/${second.id}/compare/${first.id}`);
    const body = (await res.json()) as { locations: { h3: string; movement: string }[] };
    const byCell = new Map(body.locations.map((l) => [l.h3, l.movement]));
    expect(byCell.get(cellOfSpot(APPEARS))).toBe('joined');
    expect(byCell.get(cellOfSpot(DOUBLES))).toBe('class changed'); // persistent, then increasing
  });

  it('shows the frozen numbers after the data are re-imported', async () => {
    const before = JSON.stringify(
      ((await (await as(app, member).request(`/api/reviews/${second.id}`)).json()) as ReviewBody).review.results,
    );
    // Twenty more incidents at the appearing spot in the reviewed fortnight, re-supplied later.
    const [lat, lng] = SPOTS[APPEARS]!;
    const extra =
      [
        HEADER,
        ...Array.from(
          { length: 20 },
          (_, i) => `LATE${i},2024-06-12,21:00,${lat},${lng},Common assault,N,N,N,Gwent Police`,
        ),
      ].join('\n') + '\n';
    const late = join(mkdtempSync(join(tmpdir(), 'hotspot-panel-late-')), 'late.csv');
    writeFileSync(late, extra);
    await importPaths(t.db, [late], {
      kind: 'incidents',
      name: 'Planted',
      mapping: resolveMapping('local-police'),
      sensitivity: 'restricted',
      threshold: 5,
      basis: 's16',
      ownerScope: `partnership:${partnership}`,
    });
    const live = (await (
      await as(app, member).request(
        `/api/change?datasets=${datasetId}&period=fortnight&asOf=${MEETING}&res=9&area=lad:W06000022`,
      )
    ).json()) as { cells: { h3: string; current: number | null }[] };
    expect(Math.abs(live.cells.find((c) => c.h3 === cellOfSpot(APPEARS))!.current! - 40)).toBeLessThanOrEqual(2);
    const after = ((await (await as(app, member).request(`/api/reviews/${second.id}`)).json()) as ReviewBody).review;
    expect(JSON.stringify(after.results)).toBe(before);
    expect(Math.abs(after.results.cells.find((c) => c.h3 === cellOfSpot(APPEARS))!.current! - 20)).toBeLessThanOrEqual(
      2,
    );
  });

  it('exports a review as CSV and GeoJSON, each export audited', async () => {
    const csv = await as(app, member).request(`/api/reviews/${second.id}/export/cells.csv`);
    expect(csv.headers.get('content-disposition')).toContain(`review-${second.id}-${MEETING}.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('h3,location,current,comparison,class');
    // The id stays the first column; each location's name for people comes after it.
    const stopped = (await nameLocations(t.db, [cellOfSpot(STOPS)])).get(cellOfSpot(STOPS))!.label;
    const quoted = stopped.includes(',') ? `"${stopped}"` : stopped;
    expect(text).toContain(`${cellOfSpot(STOPS)},${quoted},0,`);
    const geo = (await (await as(app, member).request(`/api/reviews/${second.id}/export/cells.geojson`)).json()) as {
      features: { properties: { h3: string; location: string }; geometry: { coordinates: number[][][] } }[];
    };
    expect(geo.features).toHaveLength(second.results.cells.length);
    expect(geo.features.find((f) => f.properties.h3 === cellOfSpot(STOPS))!.properties.location).toBe(stopped);
    expect(geo.features[0]!.geometry.coordinates[0]!.length).toBe(7); // a closed hexagon
    const report = (await (await as(app, member).request(`/api/reviews/${second.id}/report`)).json()) as ReviewBody;
    expect(report.review.results).toEqual(second.results);
    const admin = await createTestUser(t.db, { role: 'admin' });
    const audit = (await (await as(app, admin).request('/api/audit?action=review.export')).json()) as {
      entries: { summary: { format: string }; userEmail: string }[];
    };
    expect(audit.entries.map((e) => e.summary.format).sort()).toEqual(['cells.csv', 'cells.geojson', 'report']);
    expect(new Set(audit.entries.map((e) => e.userEmail))).toEqual(new Set([member.email]));
  });

  it('writes a review CSV with Welsh headers when asked (lang=cy), English unchanged by default, and refuses other languages', async () => {
    const header = async (query: string) => {
      const res = await as(app, member).request(`/api/reviews/${second.id}/export/cells.csv${query}`);
      expect(res.status).toBe(200);
      return [res.headers.get('content-language'), new TextDecoder().decode(await res.arrayBuffer()).split('\r\n')[0]];
    };
    expect(await header('')).toEqual(['en-GB', 'h3,location,current,comparison,class']);
    expect(await header('?lang=en')).toEqual(['en-GB', 'h3,location,current,comparison,class']);
    // The cell id stays `h3` in every language, so joins in GIS and scripts keep working.
    expect(await header('?lang=cy')).toEqual(['cy', 'h3,lleoliad,cyfredol,cymhariaeth,dosbarth']);
    expect((await as(app, member).request(`/api/reviews/${second.id}/export/cells.csv?lang=fr`)).status).toBe(400);
  });
});
