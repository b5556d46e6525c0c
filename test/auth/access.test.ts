import { describe, expect, it } from 'vitest';
import {
  canManageDataset,
  decideDataset,
  grantProblem,
  layerGrantProblem,
  visibleTo,
  type DatasetFacts,
  type GrantFacts,
  type Principal,
} from '../../server/auth/access.js';

const now = new Date('2026-06-01T12:00:00Z');
const user = (role: Principal['role'], scopes: string[]): Principal => ({
  id: 1,
  email: 'u@x',
  displayName: 'U',
  role,
  scopes,
});
const dataset = (o: Partial<DatasetFacts>): DatasetFacts => ({
  id: 7,
  name: 'D',
  sensitivity: 'restricted',
  basis: 's16',
  ownerScope: 'partnership:1',
  ...o,
});
const grant = (o: Partial<GrantFacts>): GrantFacts => ({
  datasetId: 7,
  granteeScope: 'partnership:2',
  area: null,
  expiresAt: '2027-01-01T00:00:00Z',
  revokedAt: null,
  ...o,
});
const noArea = { within: new Map<string, boolean>() };

describe('decideDataset', () => {
  it('lets every signed-in user use public data, whatever their scopes', () => {
    expect(
      decideDataset(
        user('panel', []),
        dataset({ sensitivity: 'public', basis: 'public', ownerScope: null }),
        [],
        noArea,
        now,
      ),
    ).toMatchObject({ allowed: true, via: 'public' });
  });

  it('lets the owner partnership use its restricted data and refuses others with a reason', () => {
    expect(decideDataset(user('panel', ['partnership:1']), dataset({}), [], noArea, now)).toMatchObject({
      allowed: true,
      via: 'owner',
    });
    expect(decideDataset(user('admin', []), dataset({}), [], noArea, now)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(
        /^no live grant to you \(you belong to no partnership or PCC\): it is held by partnership:1, whose analysts can grant/,
      ),
    });
    expect(decideDataset(user('analyst', ['partnership:3']), dataset({}), [], noArea, now)).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/^no live grant to partnership:3: it is held by partnership:1/),
    });
    // In plain words, where the names are known.
    const scopeNames = new Map([
      ['partnership:3', 'Newport CSP'],
      ['partnership:1', 'Wales Violence Prevention Unit area'],
    ]);
    expect(
      decideDataset(user('analyst', ['partnership:3']), dataset({}), [], { within: new Map(), scopeNames }, now),
    ).toMatchObject({
      reason:
        'no live grant to Newport CSP (partnership:3): it is held by Wales Violence Prevention Unit area (partnership:1), whose analysts can grant access on the Data sharing page',
    });
  });

  it("honours live grants only: not expired, not revoked, to one of the user's scopes", () => {
    const u = user('analyst', ['partnership:2']);
    expect(decideDataset(u, dataset({}), [grant({})], noArea, now).allowed).toBe(true);
    expect(decideDataset(u, dataset({}), [grant({ expiresAt: '2026-06-01T11:59:59Z' })], noArea, now).allowed).toBe(
      false,
    );
    expect(decideDataset(u, dataset({}), [grant({ revokedAt: '2026-05-01T00:00:00Z' })], noArea, now).allowed).toBe(
      false,
    );
    expect(decideDataset(u, dataset({}), [grant({ granteeScope: 'partnership:9' })], noArea, now).allowed).toBe(false);
    expect(decideDataset(u, dataset({}), [grant({ datasetId: 8 })], noArea, now).allowed).toBe(false);
  });

  it('limits an area-bound grant to selections found inside the granted area', () => {
    const u = user('pcc', ['pcc:W15000002']);
    const g = grant({ granteeScope: 'pcc:W15000002', area: 'pfa:W15000002' });
    expect(decideDataset(u, dataset({}), [g], { within: new Map([['pfa:W15000002', true]]) }, now).allowed).toBe(true);
    expect(decideDataset(u, dataset({}), [g], { within: new Map([['pfa:W15000002', false]]) }, now)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('granted only within pfa:W15000002'),
    });
    expect(decideDataset(u, dataset({}), [g], noArea, now).allowed).toBe(false);
    // A grant of the whole dataset beside an area-limited one opens it anywhere.
    expect(
      decideDataset(
        u,
        dataset({}),
        [g, grant({ granteeScope: 'pcc:W15000002' })],
        { within: new Map([['pfa:W15000002', false]]) },
        now,
      ).allowed,
    ).toBe(true);
  });

  it('keeps s17 data to the PCC that received it, ignoring any grant', () => {
    const s17 = dataset({ basis: 's17', ownerScope: 'pcc:W15000002' });
    expect(decideDataset(user('pcc', ['pcc:W15000002']), s17, [], noArea, now).allowed).toBe(true);
    expect(decideDataset(user('analyst', ['partnership:2']), s17, [grant({})], noArea, now)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('s17'),
    });
    expect(
      decideDataset(user('pcc', ['pcc:W15000003']), s17, [grant({ granteeScope: 'pcc:W15000003' })], noArea, now)
        .allowed,
    ).toBe(false);
  });

  it('refuses unowned restricted data to everyone', () => {
    expect(
      decideDataset(user('admin', ['partnership:1']), dataset({ ownerScope: null }), [], noArea, now),
    ).toMatchObject({ allowed: false, reason: expect.stringContaining('no owner') });
  });
});

describe('grantProblem and canManageDataset', () => {
  it('refuses onward grants of s17 data, grants of public data and grants by non-owners', () => {
    expect(
      grantProblem(
        user('pcc', ['pcc:W15000002']),
        dataset({ basis: 's17', ownerScope: 'pcc:W15000002' }),
        'partnership:2',
      ),
    ).toMatch(/cannot be granted onward/);
    expect(
      grantProblem(
        user('analyst', []),
        dataset({ sensitivity: 'public', basis: 'public', ownerScope: null }),
        'partnership:2',
      ),
    ).toMatch(/public/);
    expect(grantProblem(user('analyst', ['partnership:2']), dataset({}), 'partnership:3')).toMatch(
      /only partnership:1/,
    );
    expect(grantProblem(user('panel', ['partnership:1']), dataset({}), 'partnership:3')).toMatch(/only partnership:1/);
    expect(grantProblem(user('analyst', ['partnership:1']), dataset({}), 'partnership:1')).toMatch(/already owns/);
    expect(grantProblem(user('analyst', ['partnership:1']), dataset({}), 'partnership:3')).toBeNull();
  });

  it('lets panel members manage nothing and admins clear up only unowned data', () => {
    expect(canManageDataset(user('panel', ['partnership:1']), dataset({}))).toBe(false);
    expect(canManageDataset(user('admin', []), dataset({}))).toBe(false);
    expect(canManageDataset(user('admin', []), dataset({ ownerScope: null }))).toBe(true);
    expect(visibleTo(user('admin', []), dataset({ ownerScope: null }), [], now)).toBe(true);
    expect(visibleTo(user('analyst', []), dataset({ ownerScope: null }), [], now)).toBe(false);
  });

  it("lets only the uploader's partnership and admins manage public data; everyone else only reads it", () => {
    const gwentPolice = dataset({ sensitivity: 'public', basis: 'public', ownerScope: 'partnership:1' });
    expect(canManageDataset(user('analyst', ['partnership:1']), gwentPolice)).toBe(true);
    expect(canManageDataset(user('pcc', ['partnership:1']), gwentPolice)).toBe(true);
    expect(canManageDataset(user('admin', []), gwentPolice)).toBe(true);
    expect(canManageDataset(user('analyst', ['partnership:2']), gwentPolice)).toBe(false);
    expect(canManageDataset(user('pcc', ['pcc:W15000003']), gwentPolice)).toBe(false);
    expect(canManageDataset(user('panel', ['partnership:1']), gwentPolice)).toBe(false);
    // Public data from before owners (the bundled sample): admins only.
    const unowned = dataset({ sensitivity: 'public', basis: 'public', ownerScope: null });
    expect(canManageDataset(user('analyst', ['partnership:1']), unowned)).toBe(false);
    expect(canManageDataset(user('admin', []), unowned)).toBe(true);
  });
});

describe('canManage and layerGrantProblem (place layers)', () => {
  const refuges = { name: 'refuges', restricted: true, bundled: false, ownerScope: 'partnership:1' };
  it("grants a restricted layer whole, by its owner's analysts only", () => {
    expect(layerGrantProblem(user('analyst', ['partnership:1']), refuges, 'partnership:2', undefined)).toBeNull();
    expect(layerGrantProblem(user('analyst', ['partnership:1']), refuges, 'partnership:2', 'lad:W06000022')).toMatch(
      /granted whole/,
    );
    expect(layerGrantProblem(user('analyst', ['partnership:3']), refuges, 'partnership:2', undefined)).toMatch(
      /only partnership:1/,
    );
    expect(layerGrantProblem(user('admin', []), refuges, 'partnership:2', undefined)).toMatch(/only partnership:1/);
    expect(layerGrantProblem(user('panel', ['partnership:1']), refuges, 'partnership:2', undefined)).toMatch(
      /only partnership:1/,
    );
    expect(layerGrantProblem(user('analyst', ['partnership:1']), refuges, 'partnership:1', undefined)).toMatch(
      /already holds/,
    );
    expect(
      layerGrantProblem(
        user('analyst', ['partnership:1']),
        { ...refuges, restricted: false },
        'partnership:2',
        undefined,
      ),
    ).toMatch(/not restricted/);
  });
});
