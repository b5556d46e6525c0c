import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import type { Db } from '../../server/db/index.js';
import { as, createTestUser } from '../helpers/auth.js';
import { backends, type TestDb } from '../helpers/databases.js';

interface Operation {
  summary: string;
  security: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: {
    content: { 'application/json': { schema: { properties: Record<string, unknown>; required?: string[] } } };
  };
}

describe('OpenAPI description', () => {
  let t: TestDb;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    // The description does not depend on the database, so one backend is enough.
    t = await backends[0]!.open();
    db = t.db;
    app = createApp(db);
    const user = await createTestUser(db, { role: 'panel' });
    const res = await as(app, user).request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  });
  afterAll(async () => t?.dispose());

  it('describes exactly the routes the app serves, each with a summary', () => {
    expect(doc.openapi).toBe('3.1.0');
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    expect([...described].sort()).toEqual([...served].sort());
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) expect(op.summary, `${method} ${path}`).not.toBe('');
  });

  it("takes parameters and bodies from the routes' own validators, and security from their policies", () => {
    const hotspots = doc.paths['/api/hotspots']!.get!;
    const params = Object.fromEntries(hotspots.parameters!.map((p) => [p.name, p]));
    expect(Object.keys(params).sort()).toEqual([
      'area',
      'datasets',
      'definition',
      'flags',
      'from',
      'groups',
      'hours',
      'inference',
      'k',
      'public',
      'res',
      'to',
      'weekdays',
    ]);
    expect(params.area).toMatchObject({ in: 'query', required: true });
    expect(params.k).toMatchObject({ required: false, schema: expect.objectContaining({ default: 'auto' }) });
    expect(params.groups).toMatchObject({ required: false });
    expect(doc.paths['/api/datasets/{id}']!.delete!.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    ]);
    const grant = doc.paths['/api/grants']!.post!.requestBody!.content['application/json'].schema;
    expect(Object.keys(grant.properties)).toEqual(
      expect.arrayContaining(['datasetId', 'placeLayerId', 'granteeScope', 'purpose', 'area', 'expiresAt']),
    );
    expect(grant.required).toEqual(expect.arrayContaining(['granteeScope', 'purpose', 'expiresAt']));
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
    expect(doc.paths['/api/cells']!.get!.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect((doc.paths['/api/users']!.post! as unknown as { 'x-access': string })['x-access']).toBe('Roles: admin.');
  });

  it('is not served to anonymous callers', async () => {
    expect((await app.request('/api/openapi.json')).status).toBe(401);
  });
});
