import type { Bbox } from '../api';

/** Where a map should frame. */
export interface MapFocus {
  /** A new key moves the map, even to the same box. */
  key: string;
  bbox: Bbox;
}
