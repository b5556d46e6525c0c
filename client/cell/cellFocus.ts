import { cellToBoundary } from 'h3-js';
import type { MapFocus } from '../geography/focus';

/** The cell panel's width over the map's right edge, and a margin: the cell is framed left of it. */
const PANEL_ROOM = 340 + 10 + 30;

/**
 * Frames a cell left of its panel (the map's fit caps the zoom); `n` makes a new key so the same
 * cell is flown to again.
 */
export function cellFocus(h3: string, n: number): MapFocus {
  const ring = cellToBoundary(h3, true);
  const lngs = ring.map(([lng]) => lng);
  const lats = ring.map(([, lat]) => lat);
  return {
    key: `cell:${h3}:${n}`,
    bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)],
    padding: { top: 60, right: PANEL_ROOM, bottom: 60, left: 40 },
  };
}
