import {
  type Color,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
} from 'culori';
import type { Rgba } from './colourScale';

/** Normal vision and the three common dichromacies. */
export const VISIONS = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const;
export type Vision = (typeof VISIONS)[number];

// Machado, Oliveira & Fernandes (2009) at full severity, as culori implements them.
const SIMULATE: Record<Vision, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};

const ciede2000 = differenceCiede2000();

/** The map's plain background, which translucent fills are seen against (client/map/baseStyle.ts). */
export const MAP_BACKGROUND: Rgba = [217, 226, 236, 255];

/** A colour as drawn: its alpha composited over the background, so pale translucent fills are judged as seen. */
export function composite([r, g, b, a]: Rgba, [br, bg, bb]: Rgba = MAP_BACKGROUND): Color {
  const t = a / 255;
  return {
    mode: 'rgb',
    r: (r * t + br * (1 - t)) / 255,
    g: (g * t + bg * (1 - t)) / 255,
    b: (b * t + bb * (1 - t)) / 255,
  };
}

/** How far apart two colours look (CIEDE2000) to someone with the given colour vision. */
export function perceivedDifference(a: Rgba, b: Rgba, vision: Vision, background: Rgba = MAP_BACKGROUND): number {
  const simulate = SIMULATE[vision];
  return ciede2000(simulate(composite(a, background)), simulate(composite(b, background)));
}

export interface ClosestPair {
  a: string;
  b: string;
  vision: Vision;
  difference: number;
}

/** The two colours of a palette that look most alike under any of the visions: the palette's weakest pair. */
export function closestPair(
  palette: Record<string, Rgba>,
  background: Rgba = MAP_BACKGROUND,
  visions: readonly Vision[] = VISIONS,
): ClosestPair {
  const entries = Object.entries(palette);
  let closest: ClosestPair = { a: '', b: '', vision: 'normal', difference: Number.POSITIVE_INFINITY };
  for (const vision of visions)
    for (let i = 0; i < entries.length; i++)
      for (let j = i + 1; j < entries.length; j++) {
        const difference = perceivedDifference(entries[i]![1], entries[j]![1], vision, background);
        if (difference < closest.difference) closest = { a: entries[i]![0], b: entries[j]![0], vision, difference };
      }
  return closest;
}
