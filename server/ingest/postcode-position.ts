import { POSTCODE_COVERAGE, postcodeCentroid } from '../geo/postcodes.js';
import type { Rejection } from './row.js';

/** A row's position from its postcode's centroid, or why it has none. */
export function postcodePosition(postcode: string): { lat: number; lng: number } | Rejection {
  const code = postcode.trim();
  if (!code) return { category: 'no coordinates', reason: 'no postcode' };
  const at = postcodeCentroid(code);
  if (!at)
    return {
      category: 'unknown postcode',
      reason: `unknown postcode "${code}" (the bundled lookup covers the ${POSTCODE_COVERAGE})`,
    };
  return { lng: at[0], lat: at[1] };
}
