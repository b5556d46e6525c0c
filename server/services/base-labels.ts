import type { BaseLabel } from '../domain/base-labels.js';
import { baseLabelSources, labelsInView } from '../geo/base-labels.js';
import { TOWNS_ATTRIBUTION } from '../geo/towns.js';

/** More than a screen can hold once overlaps are dropped; the client drops the rest. */
const MAX_LABELS = 1500;

/** The offline base map's names in a view, and the credit they need. */
export async function baseLabels(
  bbox: readonly [number, number, number, number],
  zoom: number,
): Promise<{ labels: BaseLabel[]; truncated: boolean; attribution: string }> {
  const labels = labelsInView(await baseLabelSources(), bbox, zoom, MAX_LABELS + 1);
  return {
    labels: labels.slice(0, MAX_LABELS),
    truncated: labels.length > MAX_LABELS,
    attribution: TOWNS_ATTRIBUTION,
  };
}
