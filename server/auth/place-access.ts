import type { Context } from 'hono';
import { liveLayerGrants } from '../db/grants.js';
import type { RestrictedAccess } from '../db/places.js';
import type { AppEnv } from '../http/env.js';

/** Restricted place layers the user may see: their scopes' own layers and layers granted to them. */
export async function restrictedPlaceAccess(c: Context<AppEnv>): Promise<RestrictedAccess> {
  const user = c.get('user')!;
  const grants = await liveLayerGrants(c.get('db'), user.scopes, c.get('auth').now());
  return { scopes: user.scopes, layerIds: grants.map((g) => g.placeLayerId!) };
}
