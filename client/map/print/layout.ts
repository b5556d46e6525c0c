import type { Rgba } from '../colourScale';
import type { PrintKey } from './printKey';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface TextRun {
  x: number;
  y: number;
  text: string;
  /** Font size, device pixels. */
  size: number;
  bold?: boolean;
}

/** Where everything of a saved map image goes, in device pixels of the output canvas. */
export interface PrintLayout {
  width: number;
  height: number;
  title: TextRun;
  map: Box;
  /** Circle the arrow is drawn in (white backing), and the map's bearing it turns against. */
  northArrow: { box: Box; bearing: number };
  /** White backing, the bar itself (left end, length, thickness) and its label. */
  scaleBar: { box: Box; bar: Box; label: TextRun };
  legend: { box: Box; title: TextRun; items: { swatch: Box; fill: Rgba | null; outline?: Rgba; label: TextRun }[] };
  caption: TextRun[];
}

export interface PrintLayoutInput {
  /** The map canvas's size in device pixels. */
  map: { width: number; height: number };
  /** Device pixels per CSS pixel (300 dpi: 300 / 96). */
  scale: number;
  title: string;
  caption: string;
  key: PrintKey | null;
  /** The scale bar's length (CSS pixels) and label, for the map's centre (scaleBar.ts). */
  scaleBar: { pixels: number; label: string };
  bearing: number;
  /** Width of `text` in device pixels at a font size in device pixels (canvas measureText in the browser). */
  measure: (text: string, size: number, bold?: boolean) => number;
}

// Sizes in CSS pixels, multiplied by the scale.
const MARGIN = 8;
const TITLE = 16;
const TEXT = 11;
const LINE = 15;
const SWATCH = 12;
const ARROW = 34;
const INSET = 10;

/** Breaks text into lines no wider than `width`, at spaces. */
export function wrap(text: string, width: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A saved map image, composed: a title band over the map; on the map, a north arrow (top right)
 * and a scale bar (bottom left) on white; under it, the legend in columns of swatches and then
 * the caption (what, where, when, sources, attribution), wrapped to the image's width.
 */
export function printLayout(input: PrintLayoutInput): PrintLayout {
  const s = input.scale;
  const px = (css: number) => Math.round(css * s);
  const width = input.map.width;
  const inner = width - 2 * px(MARGIN);
  const titleSize = px(TITLE);
  const textSize = px(TEXT);
  const line = px(LINE);

  const titleBand = px(TITLE + 2 * MARGIN);
  const title: TextRun = {
    x: px(MARGIN),
    y: px(MARGIN + TITLE * 0.85),
    text: input.title,
    size: titleSize,
    bold: true,
  };
  const map: Box = { x: 0, y: titleBand, width, height: input.map.height };

  const arrowSize = px(ARROW);
  const northArrow = {
    box: { x: width - px(INSET) - arrowSize, y: map.y + px(INSET), width: arrowSize, height: arrowSize },
    bearing: input.bearing,
  };

  const barLength = Math.round(input.scaleBar.pixels * s);
  const labelWidth = input.measure(input.scaleBar.label, textSize);
  const scaleBox: Box = {
    x: px(INSET),
    y: map.y + map.height - px(INSET) - px(30),
    width: Math.max(barLength, labelWidth) + 2 * px(6),
    height: px(30),
  };
  const scaleBar = {
    box: scaleBox,
    bar: { x: scaleBox.x + px(6), y: scaleBox.y + px(20), width: barLength, height: px(4) },
    label: { x: scaleBox.x + px(6), y: scaleBox.y + px(15), text: input.scaleBar.label, size: textSize },
  };

  // The legend: its title, then swatches in as many equal columns as the widest label allows.
  const legendTop = map.y + map.height + px(MARGIN);
  const keyTitle: TextRun = {
    x: px(MARGIN),
    y: legendTop + px(TEXT),
    text: input.key?.title ?? '',
    size: textSize,
    bold: true,
  };
  const items = input.key?.items ?? [];
  const column = Math.max(0, ...items.map((i) => input.measure(i.label, textSize))) + px(SWATCH) + px(6) + px(16);
  const columns = Math.max(1, Math.min(items.length, Math.floor(inner / Math.max(column, 1))));
  const rows = Math.ceil(items.length / columns);
  const itemsTop = legendTop + px(TEXT + 6);
  const legendItems = items.map((item, i) => {
    const x = px(MARGIN) + (i % columns) * column;
    const y = itemsTop + Math.floor(i / columns) * line;
    return {
      swatch: { x, y, width: px(SWATCH), height: px(SWATCH) },
      fill: item.fill,
      outline: item.outline,
      label: { x: x + px(SWATCH + 6), y: y + px(SWATCH) - px(2), text: item.label, size: textSize },
    };
  });
  const legendHeight = input.key ? px(TEXT + 6) + rows * line + px(MARGIN) : 0;
  const legend = {
    box: { x: px(MARGIN), y: legendTop, width: inner, height: legendHeight },
    title: keyTitle,
    items: legendItems,
  };

  const captionTop = legendTop + legendHeight + px(TEXT);
  const caption = wrap(input.caption, inner, (t) => input.measure(t, textSize)).map((text, i) => ({
    x: px(MARGIN),
    y: captionTop + i * line,
    text,
    size: textSize,
  }));
  const height = captionTop + Math.max(0, caption.length - 1) * line + px(MARGIN);
  return { width, height, title, map, northArrow, scaleBar, legend, caption };
}
