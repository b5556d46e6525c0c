import type { Bbox } from '../api';

/** Where a map should frame. */
export interface MapFocus {
  /** A new key moves the map, even to the same box. */
  key: string;
  bbox: Bbox;
  /** Room to leave around the box, in pixels, where something covers the map (a panel); else the map's own. */
  padding?: { top: number; right: number; bottom: number; left: number };
}
