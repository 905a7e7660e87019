/**
 * Vega-Lite spec -> Vega view (no DOM, renderer "none") -> SVG -> PNG.
 *
 * The SVG is painted straight into raw pixels whenever every element in it is one this module can draw
 * (see paint-svg.ts): the background, bars and other rectangles, rules and grid lines, line marks, circle
 * symbols and text, which is every chart the builders here make. librsvg, which costs more than all the
 * rest of a render (it takes 9 ms to rasterise even an empty 1600x860 SVG), is then not called at all.
 *
 * A chart with anything else (clipping, gradients, images, rotated shapes...) goes to librsvg through
 * sharp as before, with the text and long lines still drawn into its pixels afterwards: horizontal and
 * quarter-turned text from cached glyph masks of the bundled font (fast: glyph outlines are the dearest
 * thing to rasterise), other text as glyph outlines in the SVG. Either way no system font is consulted,
 * so a chart is the same on every machine, and every glyph sits where Vega measured it.
 */
import sharp from "sharp";
import type { TopLevelSpec } from "vega-lite";
import { registerAxisFormat } from "./axis-format.js";
import { chartView } from "./chart-views.js";
import { drawShapes, planShapes } from "./draw-shapes.js";
import { drawTexts, rasterPlacement, type TextPlacement } from "./draw-text.js";
import { isPaintable, type PaintPlan, paintPlan, planPaint } from "./paint-svg.js";
import { type ScannedSvg, type SvgText, scanSvg } from "./svg-scan.js";
import { rewriteSvg, type Span, textToGlyphOutlines } from "./text-to-glyphs.js";
import { installTextMetrics } from "./vega-text-metrics.js";

export interface RenderOptions {
  /** Device pixels per CSS pixel; 2 (the default) keeps charts crisp on high-density screens. */
  readonly pixelRatio?: number;
}

const DEFAULT_PIXEL_RATIO = 2;
/**
 * zlib level 1: a 20-bar breakdown encodes to about 250 KB in some 7 ms, against 190 KB in 8-9 ms at
 * level 2; a Slack upload of either is instant, so time wins.
 */
const PNG_COMPRESSION = 1;

async function vegaSvg(spec: TopLevelSpec, pixelRatio: number): Promise<string> {
  installTextMetrics();
  registerAxisFormat();
  const view = chartView(spec);
  try {
    return await view.toSVG(pixelRatio);
  } finally {
    view.finalize();
  }
}

/** The chart as a self-contained SVG: text drawn as glyph outlines of the bundled font. */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  return textToGlyphOutlines(await vegaSvg(spec, options.pixelRatio ?? 1));
}

export async function renderPng(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
  const pixelRatio = options.pixelRatio ?? DEFAULT_PIXEL_RATIO;
  const svg = await vegaSvg(spec, pixelRatio);
  const scan = scanSvg(svg);
  const plan = planPaint(scan, pixelRatio);
  const size = deviceSize(svg);
  if (isPaintable(plan) && size && fills(plan, size, pixelRatio)) {
    return paintPlan(plan, size.width, size.height, (pixels) =>
      sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 3 } })
        .png({ compressionLevel: PNG_COMPRESSION })
        .toBuffer(),
    );
  }
  return rasteriseWithLibrsvg(svg, scan, pixelRatio);
}

/**
 * The chart drawn the way charts paint-svg.ts cannot draw are: by librsvg, with text and long lines drawn
 * on top. Not for production use (renderPng is faster and looks the same); tests compare the two.
 */
export async function renderPngWithLibrsvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
  const pixelRatio = options.pixelRatio ?? DEFAULT_PIXEL_RATIO;
  const svg = await vegaSvg(spec, pixelRatio);
  return rasteriseWithLibrsvg(svg, scanSvg(svg), pixelRatio);
}

/**
 * The SVG's size in device pixels when it is whole. (librsvg rounds a fractional size, at odd pixel
 * ratios, and centres the drawing in the rounded canvas: those few charts it draws itself.)
 */
function deviceSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([^"]*)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([^"]*)"/.exec(root)?.[1]);
  return Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0
    ? { width, height }
    : null;
}

/** Whether the plan's background covers the whole canvas. */
function fills(plan: PaintPlan, size: { width: number; height: number }, pixelRatio: number): boolean {
  return plan.size.width * pixelRatio >= size.width && plan.size.height * pixelRatio >= size.height;
}

/** The path for SVGs with elements paint-svg.ts cannot draw: librsvg, then text and long lines on top. */
async function rasteriseWithLibrsvg(svg: string, scan: ScannedSvg, pixelRatio: number): Promise<Buffer> {
  const { texts, shapes } = scan;
  const placements: TextPlacement[] = [];
  const outlined: SvgText[] = [];
  const removed: Span[] = [];
  for (const text of texts) {
    const placement = text.attributes.get("opacity") === "0" ? null : rasterPlacement(text, pixelRatio);
    if (placement) placements.push(placement);
    if (placement || text.attributes.get("opacity") === "0") removed.push(text);
    else outlined.push(text);
  }
  const shapePlan = planShapes(shapes, pixelRatio);
  removed.push(...shapePlan.replaced);
  // The theme paints an opaque background, so alpha is 255 everywhere and is only dropped at encoding
  // (flattening the raster first costs more than the whole PNG encoding).
  const { data, info } = await sharp(Buffer.from(rewriteSvg(svg, outlined, removed)))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = { data, width: info.width, height: info.height, channels: info.channels };
  drawShapes(pixels, shapePlan.draws);
  await drawTexts(pixels, placements);
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .removeAlpha()
    .png({ compressionLevel: PNG_COMPRESSION })
    .toBuffer();
}
