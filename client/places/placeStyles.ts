/** How a kind of place is drawn: a shape with a fill and an outline, baked into an icon. */
export interface PlaceStyle {
  /** Icon id in the atlas. */
  key: string;
  shape: PlaceShape;
  fill: string;
  outline: string;
  /** Icon size in screen pixels. */
  size: number;
}

export type PlaceShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

/** Shapes as SVG path data in a 24 x 24 box centred on (12, 12): used by the icons and the legend. */
export const SHAPE_PATHS: Record<PlaceShape, string> = {
  circle: 'M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0Z',
  square: 'M4 4h16v16h-16Z',
  triangle: 'M12 2.5L21.5 20.5H2.5Z',
  diamond: 'M12 1.5L22.5 12L12 22.5L1.5 12Z',
  cross: 'M8.3 2h7.4v6.3h6.3v7.4h-6.3v6.3h-7.4v-6.3h-6.3v-7.4h6.3Z',
};

/**
 * One colour and shape per bundled type. None is on the hexagons' yellow-to-red ramp, and each
 * has a dark outline so it reads on both the pale base map and the red hexagons.
 */
const KNOWN: Record<string, Omit<PlaceStyle, 'key'>> = {
  school: { shape: 'triangle', fill: '#2f6fde', outline: '#0b2a66', size: 13 },
  'licensed-premises': { shape: 'circle', fill: '#9b4dca', outline: '#3b0764', size: 9 },
  prison: { shape: 'square', fill: '#4b5563', outline: '#030712', size: 16 },
  'hospital-ed': { shape: 'cross', fill: '#10a37f', outline: '#053b2c', size: 19 },
};

/** Further types (user layers) take these in turn. */
const FALLBACK: ReadonlyArray<Omit<PlaceStyle, 'key'>> = [
  { shape: 'diamond', fill: '#0e9fb5', outline: '#053a42', size: 14 },
  { shape: 'diamond', fill: '#d6409f', outline: '#561038', size: 14 },
  { shape: 'square', fill: '#6d8f2a', outline: '#25310d', size: 13 },
  { shape: 'triangle', fill: '#8b5a2b', outline: '#2f1c0b', size: 14 },
];

/** Styles for the given types (in order), known types first, others from the fallback list. */
export function placeStyles(types: readonly string[]): Map<string, PlaceStyle> {
  const styles = new Map<string, PlaceStyle>();
  let next = 0;
  for (const type of types) {
    const base = KNOWN[type] ?? FALLBACK[next++ % FALLBACK.length]!;
    styles.set(type, { key: `icon-${type}`, ...base });
  }
  return styles;
}

/**
 * Shown until the user chooses: the sparse, high-value settings (EDs, prisons). Schools and
 * licensed premises number thousands and would hide the hexagons, so they start switched off.
 */
const SHOWN_BY_DEFAULT = new Set(['hospital-ed', 'prison']);

export function defaultPlaceTypes(types: ReadonlyArray<{ type: string; count: number }>): string[] {
  return types.filter((t) => t.count > 0 && SHOWN_BY_DEFAULT.has(t.type)).map((t) => t.type);
}
