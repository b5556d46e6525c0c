import { describe, expect, it } from 'vitest';
import { canManageDataset, decideDataset, grantProblem, visibleTo, type DatasetFacts, type GrantFacts, type Principal } from '../../server/auth/access.js';

const now = new Date('2026-06-01T12:00:00Z');
const user = (role: Principal['role'], scopes: string[]): Principal => ({ id: 1, email: 'u@x', displayName: 'U', role, scopes });
const dataset = (o: Partial<DatasetFacts>): DatasetFacts => ({ id: 7, name: 'D', sensitivity: 'restricted', basis: 's16', ownerScope: 'partnership:1', ...o });
const grant = (o: Partial<GrantFacts>): GrantFacts => ({ datasetId: 7, granteeScope: 'partnership:2', area: null, expiresAt: '2027-01-01T00:00:00Z', revokedAt: null, ...o });
const noArea = { requestedLads: null, ladsOf: new Map() };

describe('decideDataset', () => {
  it('lets every signed-in user use public data, whatever their scopes', () => {
    expect(decideDataset(user('panel', []), dataset({ sensitivity: 'public', basis: 'public', ownerScope: null }), [], noArea, now)).toMatchObject({ allowed: true, via: 'public' });
  });

  it('lets the owner partnership use its restricted data and refuses others with a reason', () => {
    expect(decideDataset(user('panel', ['partnership:1']), dataset({}), [], noArea, now)).toMatchObject({ allowed: true, via: 'owner' });
    expect(decideDataset(user('admin', []), dataset({}), [], noArea, now)).toMatchObject({ allowed: false, reason: 'no live grant to you' });
    expect(decideDataset(user('analyst', ['partnership:3']), dataset({}), [], noArea, now)).toMatchObject({ allowed: false, reason: 'no live grant to partnership:3' });
  });

  it('honours live grants only: not expired, not revoked, to one of the user\'s scopes', () => {
    const u = user('analyst', ['partnership:2']);
    expect(decideDataset(u, dataset({}), [grant({})], noArea, now).allowed).toBe(true);
    expect(decideDataset(u, dataset({}), [grant({ expiresAt: '2026-06-01T11:59:59Z' })], noArea, now).allowed).toBe(false);
    expect(decideDataset(u, dataset({}), [grant({ revokedAt: '2026-05-01T00:00:00Z' })], noArea, now).allowed).toBe(false);
    expect(decideDataset(u, dataset({}), [grant({ granteeScope: 'partnership:9' })], noArea, now).allowed).toBe(false);
    expect(decideDataset(u, dataset({}), [grant({ datasetId: 8 })], noArea, now).allowed).toBe(false);
  });

  it('limits an area-bound grant to selections whose LADs all lie inside the granted area', () => {
    const u = user('pcc', ['pcc:W15000002']);
    const g = grant({ granteeScope: 'pcc:W15000002', area: 'pfa:W15000002' });
    const ladsOf = new Map([['pfa:W15000002', new Set(['W06000022', 'W06000021'])]]);
    expect(decideDataset(u, dataset({}), [g], { requestedLads: new Set(['W06000022']), ladsOf }, now).allowed).toBe(true);
    expect(decideDataset(u, dataset({}), [g], { requestedLads: new Set(['W06000022', 'W06000015']), ladsOf }, now)).toMatchObject({ allowed: false, reason: expect.stringContaining('granted only within pfa:W15000002') });
    expect(decideDataset(u, dataset({}), [g], { requestedLads: null, ladsOf }, now).allowed).toBe(false);
    expect(decideDataset(u, dataset({}), [g], { requestedLads: new Set(), ladsOf }, now).allowed).toBe(false);
  });

  it('keeps s17 data to the PCC that received it, ignoring any grant', () => {
    const s17 = dataset({ basis: 's17', ownerScope: 'pcc:W15000002' });
    expect(decideDataset(user('pcc', ['pcc:W15000002']), s17, [], noArea, now).allowed).toBe(true);
    expect(decideDataset(user('analyst', ['partnership:2']), s17, [grant({})], noArea, now)).toMatchObject({ allowed: false, reason: expect.stringContaining('s17') });
    expect(decideDataset(user('pcc', ['pcc:W15000003']), s17, [grant({ granteeScope: 'pcc:W15000003' })], noArea, now).allowed).toBe(false);
  });

  it('refuses unowned restricted data to everyone', () => {
    expect(decideDataset(user('admin', ['partnership:1']), dataset({ ownerScope: null }), [], noArea, now)).toMatchObject({ allowed: false, reason: expect.stringContaining('no owner') });
  });
});

describe('grantProblem and canManageDataset', () => {
  it('refuses onward grants of s17 data, grants of public data and grants by non-owners', () => {
    expect(grantProblem(user('pcc', ['pcc:W15000002']), dataset({ basis: 's17', ownerScope: 'pcc:W15000002' }), 'partnership:2')).toMatch(/cannot be granted onward/);
    expect(grantProblem(user('analyst', []), dataset({ sensitivity: 'public', basis: 'public', ownerScope: null }), 'partnership:2')).toMatch(/public/);
    expect(grantProblem(user('analyst', ['partnership:2']), dataset({}), 'partnership:3')).toMatch(/only partnership:1/);
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
});
