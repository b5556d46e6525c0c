import { latLngToCell } from 'h3-js';
import { periodSeries } from '../../server/analysis/periods.js';

/**
 * Planted changes in synthetic daily-dated data over Newport: twelve fortnights to the panel
 * meeting on Thursday 27 June 2024. Background spots have a steady Poisson rate; one spot doubles
 * in the final fortnight, one appears, one stops.
 */
export const MEETING = '2024-06-27';
export const FORTNIGHTS = periodSeries('fortnight', MEETING, 12);
export const HEADER =
  'occurrence_ref,committed_date,committed_time,latitude,longitude,offence_description,domestic_abuse,knife_sharp,alcohol_related,force';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

// A grid of spots about a kilometre apart over Newport; the planted ones are spots 27, 36 and 45, near the centre.
export const SPOTS = Array.from(
  { length: 64 },
  (_, i) => [51.555 + 0.008 * (i % 8), -3.06 + 0.016 * Math.floor(i / 8)] as const,
);
export const [DOUBLES, APPEARS, STOPS] = [27, 36, 45];

/**
 * `spots` are indices into SPOTS (the planted ones keep their index). The same spots give the same
 * extract on every call (a suite run once per backend gets the same data on each).
 */
export function extract(spots: readonly number[]): { csv: string; truth: Map<string, number[]> } {
  const random = mulberry32(20240627);
  const lines = [HEADER];
  const truth = new Map<string, number[]>();
  spots.forEach((s) => {
    const [lat, lng] = SPOTS[s]!;
    const perFortnight = FORTNIGHTS.map((_, f) => {
      const last = f === FORTNIGHTS.length - 1;
      if (s === DOUBLES) return last ? 80 : 40;
      if (s === APPEARS) return last ? 20 : 0;
      if (s === STOPS) return last ? 0 : 20;
      return poisson(random, 4);
    });
    truth.set(latLngToCell(lat, lng, 9), perFortnight);
    perFortnight.forEach((n, f) => {
      for (let i = 0; i < n; i++) {
        const day = new Date(Date.parse(`${FORTNIGHTS[f]!.from}T00:00:00Z`) + Math.floor(random() * 14) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        lines.push(
          `S${s}F${f}N${i},${day},${String(Math.floor(random() * 24)).padStart(2, '0')}:15,${lat},${lng},Common assault,N,N,N,Gwent Police`,
        );
      }
    });
  });
  return { csv: lines.join('\n') + '\n', truth };
}

/** The H3 resolution-9 cell of a spot. */
export const cellOfSpot = (i: number) => latLngToCell(SPOTS[i]![0], SPOTS[i]![1], 9);
