/**
 * Migration 011 on data made before it: place layers named by name get ids and owners, and a
 * grant made by name goes to the layer its grantor's partnership held under that name, or is
 * revoked where that cannot be told (never to another owner's layer of the same name).
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.js';
import { backends } from '../helpers/databases.js';

describe.each(backends)('migration 011 (place layers with ids) on $name', (backend) => {
  it("gives each legacy layer an id and owner, and each legacy layer grant its grantor's layer or a revocation", async () => {
    const t = await backend.open({ migrateTo: 10 });
    try {
      const db = t.db;
      const user = async (email: string, scopes: string[]) => {
        const [row] = await db.query<{ id: number }>(
          `insert into users (email, display_name, role) values ($1, $1, 'analyst') returning id`,
          [email],
        );
        for (const scope of scopes)
          await db.query('insert into user_scopes (user_id, scope) values ($1, $2)', [row!.id, scope]);
        return row!.id;
      };
      const real = await user('holder@example.org', ['partnership:2']);
      const attacker = await user('attacker@example.org', ['partnership:1']);
      const both = await user('both@example.org', ['partnership:1', 'partnership:2']);
      const place = (
        layer: string,
        type: string,
        owner: string | null,
        restricted: boolean,
        bundled = false,
        name = `${layer} place`,
      ) =>
        db.query(
          `insert into places (layer, type, name, lat, lng, source, restricted, bundled, owner_scope) values ($1, $2, $3, 51.5, -3.0, 'test', $4, $5, $6)`,
          [layer, type, name, restricted, bundled, owner],
        );
      await place('bundled', 'school', null, false, true, 'A school');
      await place('bundled', 'prison', null, false, true, 'A prison');
      await place('refuges-demo', 'refuge', 'partnership:2', true, false, 'Real refuge');
      await place('refuges-demo', 'refuge', 'partnership:2', true, false, 'Second real refuge');
      await place('refuges-demo', 'refuge', 'partnership:1', true, false, 'Decoy');
      await place('Youth centres', 'custom', null, false);
      const grant = (by: number | null, to: string) =>
        db.query(
          `insert into grants (place_layer, grantee_scope, purpose, expires_at, granted_by) values ('refuges-demo', $1, 'Safeguarding review', '2099-01-01', $2)`,
          [to, by],
        );
      await grant(real, 'partnership:3');
      await grant(attacker, 'partnership:3');
      await grant(both, 'partnership:3'); // holds both layers of that name: cannot be told
      await grant(null, 'partnership:3'); // grantor deleted: cannot be told

      expect(await migrate(db)).toBeGreaterThanOrEqual(11);

      const layers = await db.query<{
        id: number;
        name: string;
        type: string;
        owner: string | null;
        restricted: boolean;
        bundled: boolean;
        places: number;
      }>(
        `select l.id, l.name, l.type, l.owner_scope as owner, l.restricted, l.bundled, (select count(*)::int from places p where p.layer_id = l.id) as places from place_layers l order by l.bundled desc, l.owner_scope nulls first, l.name`,
      );
      expect(layers.map(({ id: _id, ...l }) => l)).toEqual([
        { name: 'bundled', type: 'mixed', owner: null, restricted: false, bundled: true, places: 2 },
        { name: 'Youth centres', type: 'custom', owner: null, restricted: false, bundled: false, places: 1 },
        { name: 'refuges-demo', type: 'refuge', owner: 'partnership:1', restricted: true, bundled: false, places: 1 },
        { name: 'refuges-demo', type: 'refuge', owner: 'partnership:2', restricted: true, bundled: false, places: 2 },
      ]);
      const layerOf = (owner: string) => layers.find((l) => l.name === 'refuges-demo' && l.owner === owner)!.id;
      const grants = await db.query<{ grantedBy: number | null; layer: number | null; revoked: boolean }>(
        `select granted_by as "grantedBy", place_layer_id as layer, revoked_at is not null as revoked from grants order by id`,
      );
      expect(grants).toEqual([
        { grantedBy: real, layer: layerOf('partnership:2'), revoked: false },
        { grantedBy: attacker, layer: layerOf('partnership:1'), revoked: false },
        { grantedBy: both, layer: null, revoked: true },
        { grantedBy: null, layer: null, revoked: true },
      ]);
      // A new grant must name exactly one layer or dataset.
      await expect(
        db.query(`insert into grants (grantee_scope, purpose, expires_at) values ('partnership:3', 'x', '2099-01-01')`),
      ).rejects.toThrow();
    } finally {
      await t.dispose();
    }
  });
});
