/** H3 resolutions offered, with approximate hexagon size for the label. */
export const RESOLUTIONS = [
  { res: 7, label: '7 – about 5 km² (edge 1.4 km)' },
  { res: 8, label: '8 – about 0.7 km² (edge 530 m)' },
  { res: 9, label: '9 – about 0.1 km² (edge 200 m)' },
  { res: 10, label: '10 – about 0.015 km² (edge 75 m)' },
] as const;

export type Resolution = (typeof RESOLUTIONS)[number]['res'];

export const DEFAULT_RESOLUTION: Resolution = 8;

export function isResolution(value: number): value is Resolution {
  return RESOLUTIONS.some((r) => r.res === value);
}
