import type { Rgba } from '../colourScale';

/** One swatch of a printed legend: its fill (null: drawn unfilled) and what it stands for. */
export interface PrintKeyItem {
  label: string;
  fill: Rgba | null;
  outline?: Rgba;
}

/**
 * The key to a saved map image, made from the same data as the legend on screen (the legend
 * components build theirs from these items), so the printed colours cannot drift from the map's.
 */
export interface PrintKey {
  title: string;
  items: readonly PrintKeyItem[];
}

/** What a saved map image says besides the map: title, key, and a caption (period, sources, attribution). */
export interface PrintSpec {
  /** Under the image: what, where, when, the data sources and the attribution. */
  caption: string;
  fileName: string;
  /** Over the image; the caption's first sentence when absent. */
  title?: string;
  key?: PrintKey | null;
}
