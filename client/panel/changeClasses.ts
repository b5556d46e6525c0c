import type { Rgba } from '../map/colourScale';

/** The change classes in the order a panel reads them, with their colour and wording. */
export const CHANGE_CLASSES = [
  { id: 'new', label: 'New', fill: [128, 0, 38, 220] },
  { id: 'increasing', label: 'Increasing', fill: [227, 26, 28, 210] },
  { id: 'persistent', label: 'Persistent', fill: [253, 141, 60, 210] },
  { id: 'decreasing', label: 'Decreasing', fill: [107, 174, 214, 210] },
  { id: 'ceased', label: 'Ceased', fill: [33, 113, 181, 210] },
  { id: 'no-significant-change', label: 'No significant change', fill: [210, 214, 222, 160] },
] as const satisfies readonly { id: string; label: string; fill: Rgba }[];

export type ChangeClassId = (typeof CHANGE_CLASSES)[number]['id'];

export const changeLabel = (id: string) => CHANGE_CLASSES.find((c) => c.id === id)?.label ?? id;
export const changeFill = (id: string): Rgba => CHANGE_CLASSES.find((c) => c.id === id)?.fill ?? [0, 0, 0, 0];
