/**
 * Makes Vega measure text with the chart font's real advance widths. Without a canvas, Vega falls back to
 * estimating 0.8 x font size per character, which over-measures and so truncates labels that would fit
 * (and lays out titles and axes with the wrong widths).
 */
import * as vega from "vega";
import { faceWeightOf } from "./font-faces.js";
import { measureText } from "./text-layout.js";

/** The parts of a Vega text scene item that measurement reads. */
interface TextItem {
  fontSize?: number | string | null;
  fontWeight?: string | number | null;
  limit?: number | null;
}

interface VegaTextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

function fontSizeOf(item: TextItem): number {
  return item.fontSize != null ? Number(item.fontSize) || 0 : 11;
}

/**
 * Width of one line as Vega will draw it. Vega draws a line longer than `limit` truncated to fit it, so
 * such a line is reported at the limit: that is its drawn bound, and it keeps Vega's own binary search
 * for the truncation point (which calls back here with prefixes) exact.
 */
export function measureVegaText(item: TextItem, text: unknown): number {
  const line = text == null ? "" : String(text).trim();
  const width = measureText(line, fontSizeOf(item), faceWeightOf(item.fontWeight));
  const limit = Number(item.limit) || 0;
  return limit > 0 && width > limit ? limit : width;
}

let installed = false;

export function installTextMetrics(): void {
  if (installed) return;
  (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics.width = measureVegaText;
  installed = true;
}
