/**
 * Every categorical palette on the maps stays readable with the three common colour-vision
 * deficiencies: each pair of colours, composited over the map background as drawn and put through
 * Machado et al.'s (2009) simulation of protanopia, deuteranopia and tritanopia, stays at least
 * 10 CIEDE2000 units apart.
 *
 * Why 10: a ΔE00 of about 1-2 is just noticeable side by side in large patches, but map symbols
 * are small, apart, and matched against a legend; Szafir (2017, "Modeling color difference for
 * visualization design") found marks that small need several times the patch threshold, and
 * categorical-palette tools (Colorgorical, Glasbey) use ΔE00 ≈ 10 as the floor between classes.
 */
import { describe, expect, it } from 'vitest';
import { CLASS_FILL } from '../../client/hotspots/hotspotColours';
import type { Rgba } from '../../client/map/colourScale';
import { closestPair, perceivedDifference } from '../../client/map/colourVision';
import { changeFill } from '../../client/panel/changeClasses';
import { EHSA_PATTERNS, ehsaFill, SFHOTSPOT_FILL } from '../../client/spacetime/spaceTimeLayer';
import { BIVARIATE, CLASS_STYLES } from '../../client/triangulation/bivariate';
import { CHANGE_LABELS, type ChangeClass } from '../../server/domain/classes';

const MIN_DIFFERENCE = 10;

const filled = (palette: Record<string, Rgba>) =>
  Object.fromEntries(Object.entries(palette).filter(([, c]) => c[3] > 0));

const PALETTES: Record<string, Record<string, Rgba>> = {
  'Gi* hot and cold spots': filled(CLASS_FILL),
  'review change classes': Object.fromEntries(
    (Object.keys(CHANGE_LABELS) as ChangeClass[]).map((id) => [id, changeFill(id)]),
  ),
  'sfhotspot classes': filled(SFHOTSPOT_FILL),
  'EHSA patterns': Object.fromEntries(
    (['hot', 'cold'] as const).flatMap((kind) =>
      EHSA_PATTERNS.map((pattern) => [`${pattern} ${kind}`, ehsaFill({ kind, pattern })]),
    ),
  ),
  'police and ED bivariate fill': filled(
    Object.fromEntries(BIVARIATE.flatMap((row, ed) => row.map((fill, police) => [`ED ${ed}, police ${police}`, fill]))),
  ),
  'police and ED class outlines': Object.fromEntries(CLASS_STYLES.map((s) => [s.id, s.line])),
};

describe('colour-vision deficiencies', () => {
  it('finds the deuteranopia failure the review reported: the old magenta and blue outlines', () => {
    const oldEdExcess: Rgba = [200, 0, 120, 255];
    const oldPoliceExcess: Rgba = [0, 70, 160, 255];
    expect(perceivedDifference(oldEdExcess, oldPoliceExcess, 'normal')).toBeGreaterThan(25);
    expect(perceivedDifference(oldEdExcess, oldPoliceExcess, 'deuteranopia')).toBeLessThan(MIN_DIFFERENCE);
  });

  it('leaves identical colours identical and keeps greys grey under every simulation', () => {
    const grey: Rgba = [128, 128, 128, 255];
    for (const vision of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      expect(perceivedDifference(grey, grey, vision)).toBe(0);
      expect(perceivedDifference(grey, [0, 0, 0, 255], vision)).toBeGreaterThan(30);
    }
  });

  for (const [name, palette] of Object.entries(PALETTES))
    it(`keeps every pair of the ${name} (${Object.keys(palette).length} colours) at least ΔE00 ${MIN_DIFFERENCE} apart`, () => {
      expect(Object.keys(palette).length).toBeGreaterThanOrEqual(3);
      const weakest = closestPair(palette);
      expect(weakest.difference, `${weakest.a} against ${weakest.b} under ${weakest.vision}`).toBeGreaterThanOrEqual(
        MIN_DIFFERENCE,
      );
    });
});
