/**
 * The access-control attacks of issue 21, each played as an adversary with a normal account
 * would, on both databases. Each test failed against the code before the fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createSignInLink } from '../../server/auth/sessions.js';
import { findPartnershipByName } from '../../server/db/partnerships.js';
import { resolveMapping } from '../../server/ingest/mapping.js';
import { as, createTestUser, type TestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';
import { NEWPORT_SQUARE, tinyExtract } from '../helpers/extract.js';
import { importPaths } from '../helpers/import.js';
import { policeUkFile } from '../helpers/shared-data.js';

type App = ReturnType<typeof createApp>;
const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe.each(backends)('access-control attacks on $name', (backend) => {
  let t: TestDb;
  let app: App;
  let gwent: string; // partnership:ID of the Gwent force area: owns the restricted extract and the public police.uk data
  let newportCsp: number;
  let avon: string;
  let southWales: string;
  let owner: TestUser;
  let extractId: number;
  let policeUkId: number;

  beforeAll(async () => {
    t = await backend.open({ geography: true });
    gwent = `partnership:${await findPartnershipByName(t.db, 'Gwent force area')}`;
    newportCsp = (await findPartnershipByName(t.db, 'Newport CSP'))!;
    avon = `partnership:${await findPartnershipByName(t.db, 'Avon and Somerset force area')}`;
    southWales = `partnership:${await findPartnershipByName(t.db, 'South Wales force area')}`;
    owner = await createTestUser(t.db, { role: 'analyst', scopes: [gwent] });
    app = createApp(t.db);
    extractId = (
      await importPaths(t.db, [tinyExtract('attack-extract')], {
        kind: 'incidents',
        name: 'Extract',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        basis: 's16',
        ownerScope: gwent,
      })
    ).datasetId;
    policeUkId = (
      await importPaths(t.db, [policeUkFile('gwent', '2024-01')], {
        kind: 'police-uk',
        name: 'Gwent Police (data.police.uk)',
        ownerScope: gwent,
      })
    ).datasetId;
  });
  afterAll(async () => t?.dispose());

  const cells = (user: TestUser, area: string) =>
    as(app, user).request(`/api/cells?datasets=${extractId}&res=9&from=2024-01&to=2024-01&area=${area}`);

  it('lets the first administrator, admin@localhost, sign in with the password chosen through the one-time link', async () => {
    const admin = await createTestUser(t.db, { role: 'admin', email: 'admin@localhost' });
    const link = await app.request('/api/auth/link', json('POST', { token: await createSignInLink(t.db, admin.id) }));
    expect(link.status).toBe(200);
    const cookie = link.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await link.json()) as { csrfToken: string };
    expect(
      (
        await app.request(
          '/api/auth/password',
          json('POST', { password: 'four unrelated words here' }, { cookie, 'x-csrf-token': csrfToken }),
        )
      ).status,
    ).toBe(200);
    const signIn = await app.request(
      '/api/auth/signin',
      json('POST', { email: ' Admin@Localhost ', password: 'four unrelated words here' }),
    );
    expect(signIn.status).toBe(200);
    // One rule for addresses everywhere: the admin may add a colleague at a single-label domain too.
    const added = await as(app, admin).request(
      '/api/users',
      json('POST', { email: 'analyst@localhost', displayName: 'A', role: 'analyst', scopes: [] }),
    );
    expect(added.status).toBe(201);
    expect(
      (await app.request('/api/auth/signin', json('POST', { email: 'not an address', password: 'x' }))).status,
    ).toBe(400);
  });

  it('keeps a grant for a small drawn partnership to its cells, not the local authority around it', async () => {
    const made = await as(app, owner).request(
      '/api/partnerships',
      json('POST', { name: 'Newport city centre project', geometry: NEWPORT_SQUARE }),
    );
    expect(made.status).toBe(201);
    const polygon = ((await made.json()) as { partnership: { id: number } }).partnership.id;
    const grant = await as(app, owner).request(
      '/api/grants',
      json('POST', {
        datasetId: extractId,
        granteeScope: southWales,
        purpose: 'City centre problem profile',
        area: `partnership:${polygon}`,
        expiresAt: '2099-12-31',
      }),
    );
    expect(grant.status).toBe(201);
    const grantee = await createTestUser(t.db, { role: 'analyst', scopes: [southWales] });
    expect((await cells(grantee, `partnership:${polygon}`)).status).toBe(200);
    // Before: the polygon's local authority (all of Newport) and Newport's own partnership were opened.
    for (const area of ['lad:W06000022', `partnership:${newportCsp}`, 'pfa:W15000002']) {
      const refused = await cells(grantee, area);
      expect(refused.status, area).toBe(403);
      expect(await errorOf(refused)).toMatch(new RegExp(`granted only within partnership:${polygon}`));
    }
    // A list of cells inside the drawn area is inside the grant (then refused as restricted data is
    // for fixed areas only, 422); one cell more outside it is outside the grant (403).
    const cover = (
      (await (
        await as(app, owner).request(
          `/api/hotspots?datasets=${extractId}&res=9&from=2024-01&to=2024-01&area=partnership:${polygon}`,
        )
      ).json()) as { cells: { h3: string }[] }
    ).cells.map((c) => c.h3);
    expect(cover.length).toBeGreaterThan(20);
    expect((await cells(grantee, `cells:${cover.slice(0, 5).join(',')}`)).status).toBe(422);
    const newport = (
      (await (
        await as(app, owner).request(
          `/api/hotspots?datasets=${extractId}&res=9&from=2024-01&to=2024-01&area=lad:W06000022`,
        )
      ).json()) as { cells: { h3: string }[] }
    ).cells.map((c) => c.h3);
    const outside = newport.find((h) => !cover.includes(h))!;
    expect((await cells(grantee, `cells:${[...cover.slice(0, 5), outside].join(',')}`)).status).toBe(403);
  });

  it("grants a place layer by its id, so a decoy layer of the same name cannot hand over another owner's refuges", async () => {
    const upload = (
      user: TestUser,
      fields: Record<string, string>,
      places: { name: string; at: [number, number] }[],
    ) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      const features = places.map((p) => ({
        type: 'Feature',
        properties: { name: p.name },
        geometry: { type: 'Point', coordinates: p.at },
      }));
      body.append('file', new Blob([JSON.stringify({ type: 'FeatureCollection', features })]), 'layer.geojson');
      return as(app, user).request('/api/places', { method: 'POST', body });
    };
    const holder = await createTestUser(t.db, { role: 'analyst', scopes: [southWales] }); // partnership B: the real refuges
    const attacker = await createTestUser(t.db, { role: 'analyst', scopes: [avon] }); // partnership A: the decoy
    const receiver = await createTestUser(t.db, { role: 'analyst', scopes: [`partnership:${newportCsp}`] }); // partnership C
    const real = await upload(holder, { layer: 'refuges-demo', type: 'refuge' }, [
      { name: 'Real refuge, Cardiff', at: [-3.18, 51.48] },
    ]);
    expect(real.status).toBe(201);
    const realId = ((await real.json()) as { report: { layerId: number } }).report.layerId;
    const decoy = await upload(attacker, { layer: 'refuges-demo', type: 'refuge' }, [
      { name: 'Decoy', at: [-2.6, 51.45] },
    ]);
    expect(decoy.status).toBe(201);
    const decoyId = ((await decoy.json()) as { report: { layerId: number } }).report.layerId;
    expect(decoyId).not.toBe(realId);
    // A name is unique per owner: the holder cannot make a second "refuges-demo".
    const again = await upload(holder, { layer: 'refuges-demo', type: 'refuge' }, [
      { name: 'Another', at: [-3.18, 51.48] },
    ]);
    expect(again.status).toBe(409);
    expect(await errorOf(again)).toMatch(new RegExp(`layerId=${realId}`));

    const grant = (placeLayerId: number) =>
      as(app, attacker).request(
        '/api/grants',
        json('POST', {
          placeLayerId,
          granteeScope: `partnership:${newportCsp}`,
          purpose: 'Safeguarding near hotspots',
          expiresAt: '2099-12-31',
        }),
      );
    expect((await grant(decoyId)).status).toBe(201);
    // The attacker cannot name the holder's layer: it is not theirs to see.
    expect((await grant(realId)).status).toBe(404);
    const seen = (
      (await (await as(app, receiver).request('/api/places?types=refuge')).json()) as {
        places: { name: string; layerId: number }[];
      }
    ).places;
    expect(seen.map((p) => p.name)).toEqual(['Decoy']);
    // Nor can the attacker replace or delete the holder's layer.
    expect(
      (await upload(attacker, { layerId: String(realId) }, [{ name: 'Overwritten', at: [-3.18, 51.48] }])).status,
    ).toBe(404);
    expect((await as(app, attacker).request(`/api/place-layers/${realId}`, { method: 'DELETE' })).status).toBe(404);
    const holderSees = (
      (await (await as(app, holder).request(`/api/places?layers=${realId}`)).json()) as { places: { name: string }[] }
    ).places;
    expect(holderSees.map((p) => p.name)).toEqual(['Real refuge, Cardiff']);
  });

  it('lets only the managing partnership and admins replace or delete shared public data', async () => {
    const avonAnalyst = await createTestUser(t.db, { role: 'analyst', scopes: [avon] });
    const before = (
      (await (await as(app, owner).request(`/api/datasets/${policeUkId}`)).json()) as {
        dataset: { rowsAccepted: number };
      }
    ).dataset.rowsAccepted;
    const deleted = await as(app, avonAnalyst).request(`/api/datasets/${policeUkId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(403);
    const body = new FormData();
    body.set('kind', 'police-uk');
    body.set('name', 'Gwent Police (data.police.uk)');
    body.append(
      'files',
      new Blob([
        'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\nx1,2024-01,Gwent Police,Gwent Police,-2.997,51.588,On or near X,W01001,Newport 1,Robbery,,\n',
      ]),
      '2024-01-gwent-street.csv',
    );
    const overwrite = await as(app, avonAnalyst).request('/api/datasets', { method: 'POST', body });
    expect(overwrite.status).toBe(403);
    expect(await errorOf(overwrite)).toMatch(/managed by partnership:\d+: only its analysts/);
    const after = (
      (await (await as(app, avonAnalyst).request(`/api/datasets/${policeUkId}`)).json()) as {
        dataset: { rowsAccepted: number; canManage: boolean };
      }
    ).dataset;
    expect(after).toMatchObject({ rowsAccepted: before, canManage: false });
    // Its own partnership manages it, and an admin may.
    expect(
      (
        (await (await as(app, owner).request(`/api/datasets/${policeUkId}`)).json()) as {
          dataset: { canManage: boolean };
        }
      ).dataset.canManage,
    ).toBe(true);
    const admin = await createTestUser(t.db, { role: 'admin' });
    expect(
      (
        (await (await as(app, admin).request(`/api/datasets/${policeUkId}`)).json()) as {
          dataset: { canManage: boolean };
        }
      ).dataset.canManage,
    ).toBe(true);
  });

  it('keeps panels to their partnership: an admin elsewhere reads one only with an audited reason, and never writes', async () => {
    const month = (
      await importPaths(t.db, [tinyExtract('panel-extract')], {
        kind: 'incidents',
        name: 'Panel extract',
        mapping: resolveMapping('local-police'),
        sensitivity: 'restricted',
        basis: 's16',
        ownerScope: gwent,
      })
    ).datasetId;
    const made = await as(app, owner).request(
      '/api/panels',
      json('POST', {
        partnershipId: Number(gwent.slice(12)),
        name: 'Gwent panel',
        cadence: 'month',
        selection: { datasets: [month], res: 8 },
      }),
    );
    expect(made.status).toBe(201);
    const panelId = ((await made.json()) as { panel: { id: number } }).panel.id;
    const review = await as(app, owner).request(
      `/api/panels/${panelId}/reviews`,
      json('POST', { meetingDate: '2024-02-05' }),
    );
    expect(review.status).toBe(201);
    const reviewId = ((await review.json()) as { review: { id: number } }).review.id;
    // An admin of another partnership, even one holding a grant on the data.
    const admin = await createTestUser(t.db, { role: 'admin', scopes: [southWales] });
    await as(app, owner).request(
      '/api/grants',
      json('POST', {
        datasetId: month,
        granteeScope: southWales,
        purpose: 'Joint review of the data',
        expiresAt: '2099-12-31',
      }),
    );
    const listed = (
      (await (await as(app, admin).request('/api/panels')).json()) as { panels: { id: number }[] }
    ).panels.map((p) => p.id);
    expect(listed).not.toContain(panelId);
    expect((await as(app, admin).request(`/api/panels/${panelId}`)).status).toBe(403);
    expect((await as(app, admin).request(`/api/reviews/${reviewId}`)).status).toBe(403);
    expect(
      (
        await as(app, admin).request(
          `/api/reviews/${reviewId}/notes`,
          json('POST', { h3: '89195b6a0d7ffff', kind: 'note', body: 'planted' }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await as(app, admin).request(`/api/panels/${panelId}/watch`, json('POST', { h3: '89195b6a0d7ffff', reviewId })))
        .status,
    ).toBe(403);
    expect(
      (await as(app, admin).request(`/api/panels/${panelId}/reviews`, json('POST', { meetingDate: '2024-03-04' })))
        .status,
    ).toBe(403);
    // With a stated reason the admin reads it, and the read is in the audit log.
    const reason = 'support request from the Gwent panel chair';
    expect((await as(app, admin).request(`/api/panels?override=${encodeURIComponent(reason)}`)).status).toBe(200);
    expect((await as(app, admin).request(`/api/panels/${panelId}?override=${encodeURIComponent(reason)}`)).status).toBe(
      200,
    );
    expect(
      (await as(app, admin).request(`/api/reviews/${reviewId}?override=${encodeURIComponent(reason)}`)).status,
    ).toBe(200);
    expect((await as(app, admin).request(`/api/panels/${panelId}?override=short`)).status).toBe(400);
    const audited = await t.db.query<{ target: string; summary: { reason: string } }>(
      `select target, summary from audit_log where action = 'panel.override' and user_id = $1 order by id`,
      [admin.id],
    );
    expect(audited.map((a) => a.target)).toEqual(['GET /api/panels', `panel:${panelId}`, `panel:${panelId}`]);
    expect(audited.every((a) => a.summary.reason === reason)).toBe(true);
    // An analyst elsewhere has no override at all.
    const outsider = await createTestUser(t.db, { role: 'analyst', scopes: [southWales] });
    expect(
      (await as(app, outsider).request(`/api/panels/${panelId}?override=${encodeURIComponent(reason)}`)).status,
    ).toBe(403);
  });

  it('checks a new panel when it is set up, in plain words, and answers a duplicate name with 409', async () => {
    const newport = await createTestUser(t.db, { role: 'analyst', scopes: [`partnership:${newportCsp}`] });
    const post = (selection: Record<string, unknown>, cadence = 'month', name = 'Newport panel') =>
      as(app, newport).request(
        '/api/panels',
        json('POST', { partnershipId: newportCsp, name, cadence, selection: { res: 8, ...selection } }),
      );
    const unknownArea = await post({ datasets: [policeUkId], area: 'lad:W06999999' });
    expect(unknownArea.status).toBe(404);
    expect(await errorOf(unknownArea)).toMatch(/no such area lad:W06999999/);
    expect((await post({ datasets: [policeUkId], area: 'nowhere' })).status).toBe(400);
    const unknownDataset = await post({ datasets: [policeUkId, 999999] });
    expect(unknownDataset.status).toBe(404);
    expect(await errorOf(unknownDataset)).toMatch(/unknown dataset id: 999999/);
    const noGrant = await post({ datasets: [extractId] });
    expect(noGrant.status).toBe(403);
    expect(await errorOf(noGrant)).toMatch(
      /the panel's members \(Newport CSP\) may not use "Extract" .*no live grant to Newport CSP \(partnership:\d+\): it is held by Gwent force area \(partnership:\d+\), whose analysts can grant access/,
    );
    const fortnight = await post({ datasets: [policeUkId] }, 'fortnight');
    expect(fortnight.status).toBe(400);
    expect(await errorOf(fortnight)).toMatch(
      /fortnightly panel needs day-dated data, but "Gwent Police \(data.police.uk\)" records months only/,
    );
    expect((await post({ datasets: [policeUkId] })).status).toBe(201);
    const duplicate = await post({ datasets: [policeUkId] });
    expect(duplicate.status).toBe(409);
    expect(await errorOf(duplicate)).toMatch(/already has a panel called "Newport panel"/);
  });

  it("lets only the one-time link's browser session choose a first password, not an API token of the account", async () => {
    const invited = await createTestUser(t.db, { role: 'analyst', scopes: [gwent] });
    const viaToken = await as(app, invited).request(
      '/api/auth/password',
      json('POST', { password: 'a token chose this password' }),
    );
    expect(viaToken.status).toBe(403);
    expect(await errorOf(viaToken)).toMatch(/one-time sign-in link/);
    const link = await app.request('/api/auth/link', json('POST', { token: await createSignInLink(t.db, invited.id) }));
    const cookie = link.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await link.json()) as { csrfToken: string };
    expect(
      (
        await app.request(
          '/api/auth/password',
          json('POST', { password: 'the link chose this one' }, { cookie, 'x-csrf-token': csrfToken }),
        )
      ).status,
    ).toBe(200);
  });

  it("revokes a disabled user's API tokens for good: enabling the account again does not revive them", async () => {
    const admin = await createTestUser(t.db, { role: 'admin' });
    const user = await createTestUser(t.db, { role: 'analyst', scopes: [gwent] });
    expect((await as(app, user).request('/api/auth/me')).status).toBe(200);
    expect((await as(app, admin).request(`/api/users/${user.id}`, json('PATCH', { disabled: true }))).status).toBe(200);
    expect((await as(app, user).request('/api/auth/me')).status).toBe(401);
    expect((await as(app, admin).request(`/api/users/${user.id}`, json('PATCH', { disabled: false }))).status).toBe(
      200,
    );
    expect((await as(app, user).request('/api/auth/me')).status).toBe(401);
  });

  it('throttles failed sign-ins per account and address, so one client behind a proxy cannot lock out everyone', async () => {
    const password = 'a long enough passphrase';
    const [victim, colleague] = await Promise.all([
      createTestUser(t.db, { role: 'analyst', scopes: [gwent], password }),
      createTestUser(t.db, { role: 'analyst', scopes: [gwent], password }),
    ]);
    // Two failures per account and address (eight per account) here; five and twenty by default.
    const strict = createApp(t.db, { auth: { trustProxy: true, maxFailedSignIns: 2 } });
    const signIn = (email: string, pass: string, ip: string) =>
      strict.request(
        '/api/auth/signin',
        json('POST', { email, password: pass }, { 'x-forwarded-for': `198.51.100.7, ${ip}` }),
      );
    // One client behind the proxy guesses at many accounts, then one account, from 10.0.0.66.
    for (let i = 0; i < 6; i++) await signIn(`nobody${i}@example.org`, 'guess', '10.0.0.66');
    for (let i = 0; i < 2; i++) expect((await signIn(victim.email, 'guess', '10.0.0.66')).status).toBe(401);
    expect((await signIn(victim.email, password, '10.0.0.66')).status).toBe(429);
    // Everyone else behind the same proxy still signs in, and the victim from their own desk.
    expect((await signIn(colleague.email, password, '10.0.0.12')).status).toBe(200);
    expect((await signIn(colleague.email, password, '10.0.0.66')).status).toBe(200);
    expect((await signIn(victim.email, password, '10.0.0.13')).status).toBe(200);
    // Guessing at one account from many addresses stops at four times the limit.
    for (let i = 0; i < 6; i++) await signIn(victim.email, 'guess', `10.1.0.${i}`);
    expect((await signIn(victim.email, password, '10.2.0.1')).status).toBe(429);
  });

  it('writes attempted sign-in emails into the audit CSV as text, never as a spreadsheet formula', async () => {
    const admin = await createTestUser(t.db, { role: 'admin' });
    for (const email of ['-2+3@x.test', '=HYPERLINK("http://evil")@x', '+1@x'])
      await app.request('/api/auth/signin', json('POST', { email, password: 'whatever it is' }));
    const csv = await (await as(app, admin).request('/api/audit/export.csv?action=signin&outcome=failed')).text();
    expect(csv).toContain("'-2+3@x.test");
    expect(csv).toContain("'+1@x");
    // No cell of any row starts with a formula character (cells are comma-separated, quoted where needed).
    const cellStarts = csv
      .split(/\r\n/)
      .flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/))
      .map((cell) => cell.replace(/^"/, ''));
    expect(cellStarts.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });
});
