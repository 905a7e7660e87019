/**
 * Vega-Lite spec -> Vega view (no DOM, renderer "none") -> SVG -> PNG with sharp.
 *
 * Text never reaches librsvg as <text>: horizontal text is drawn into the pixels from cached glyph masks
 * of the bundled font (fast: glyph outlines are the dearest thing to rasterise), and the few rotated
 * labels become glyph outlines in the SVG. Either way no system font is consulted, so a chart is the same
 * on every machine, and every glyph sits where Vega measured it. Long lines are also drawn into the
 * pixels (see draw-shapes.ts); librsvg rasterises everything else.
 */
import sharp from "sharp";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { registerAxisFormat } from "./axis-format.js";
import { drawShapes, planShapes } from "./draw-shapes.js";
import { drawTexts, rasterPlacement, type TextPlacement } from "./draw-text.js";
import { type SvgText, scanSvg } from "./svg-scan.js";
import { rewriteSvg, type Span, textToGlyphOutlines } from "./text-to-glyphs.js";
import { installTextMetrics } from "./vega-text-metrics.js";

export interface RenderOptions {
  /** Device pixels per CSS pixel; 2 (the default) keeps charts crisp on high-density screens. */
  readonly pixelRatio?: number;
}

const DEFAULT_PIXEL_RATIO = 2;
/** zlib level 2: files within a few percent of the default level's size at about half its encoding time. */
const PNG_COMPRESSION = 2;

async function vegaSvg(spec: TopLevelSpec, pixelRatio: number): Promise<string> {
  installTextMetrics();
  registerAxisFormat();
  // Vega-Lite's warnings (e.g. merged legends) are about specs we wrote on purpose; errors still throw.
  const compiled = compile(spec, { logger: vega.logger(vega.Error) }).spec;
  // PNGs must be opaque (Slack's dark theme shows through transparency), whatever the spec says.
  compiled.background ??= "#ffffff";
  const runtime = vega.parse(compiled);
  const view = new vega.View(runtime, { renderer: "none", logLevel: vega.Error });
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
  const { texts, shapes } = scanSvg(svg);
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
