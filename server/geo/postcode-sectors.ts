import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { postcodeCentroids, postcodeSector } from './postcodes.js';

let index: { tree: KDBush; postcodes: string[] } | undefined;

/** A spatial index over the bundled postcode centroids, built once (about 140,000 points). */
function postcodeIndex(): { tree: KDBush; postcodes: string[] } {
  if (!index) {
    const table = postcodeCentroids();
    const tree = new KDBush(Math.max(table.size, 1));
    const postcodes: string[] = [];
    for (const [pc, [lng, lat]] of table) {
      tree.add(lng, lat);
      postcodes.push(pc);
    }
    tree.finish();
    index = { tree, postcodes };
  }
  return index;
}

/**
 * The sector of the postcode whose centroid is nearest (lng, lat), within `withinKm`; null where
 * the bundled postcodes do not reach (outside their areas, or open country far from any address).
 */
export function nearestPostcodeSector(lng: number, lat: number, withinKm = 2): string | null {
  const { tree, postcodes } = postcodeIndex();
  if (postcodes.length === 0) return null;
  const [nearest] = around(tree, lng, lat, 1, withinKm);
  return nearest === undefined ? null : postcodeSector(postcodes[nearest]!);
}
