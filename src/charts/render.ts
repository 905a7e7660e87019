/**
 * Vega-Lite spec -> Vega view -> Vega's own canvas renderer on Skia (`@napi-rs/canvas`, installed under
 * the name `canvas`, the only one Vega loads) -> PNG by sharp. Skia also measures the text Vega lays out,
 * with the bundled Inter font, so a chart is the same on every machine and every label fits as measured.
 */
import type { Canvas } from "canvas";
import sharp from "sharp";
import type { TopLevelSpec } from "vega-lite";
import { chartView } from "./chart-views.js";

export interface RenderOptions {
  /** Device pixels per CSS pixel; 2 (the default) keeps charts crisp on high-density screens. */
  readonly pixelRatio?: number;
}

const DEFAULT_PIXEL_RATIO = 2;
/** zlib's fastest level: a Slack upload of a somewhat larger file is still instant, so time wins. */
const PNG_COMPRESSION = 1;

export async function renderPng(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
  const view = chartView(spec);
  let canvas: Canvas | null;
  try {
    canvas = (await view.toCanvas(options.pixelRatio ?? DEFAULT_PIXEL_RATIO)) as unknown as Canvas | null;
  } finally {
    view.finalize();
  }
  if (!canvas) throw new Error("Vega found no canvas to draw on: is the `canvas` package installed?");
  try {
    // The theme paints an opaque background, so the alpha channel is all 255 and only dropped here.
    return await sharp(canvas.data(), { raw: { width: canvas.width, height: canvas.height, channels: 4 } })
      .removeAlpha()
      .png({ compressionLevel: PNG_COMPRESSION })
      .toBuffer();
  } finally {
    // The pixels are megabytes outside V8's heap, kept until a full garbage collection, which memory
    // piling up there brings on: a canvas shrunk to one pixel gives them back at once.
    canvas.width = 1;
    canvas.height = 1;
  }
}
