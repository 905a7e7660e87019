/**
 * The one typeface every chart uses: Inter from the `inter-ui` npm package (never a system font), loaded
 * into Skia's font registry, which Vega's canvas renderer both measures and draws with. Regular for axes,
 * labels and footers, semibold for titles.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "canvas";

/** The family name the Vega-Lite theme asks for. */
export const CHART_FONT_FAMILY = "Inter";

export type FaceWeight = "regular" | "semibold";

const CSS_WEIGHTS: Record<FaceWeight, number> = { regular: 400, semibold: 600 };

const require = createRequire(import.meta.url);
let loaded = false;
let measuring: SKRSContext2D | null = null;

/**
 * Loads the whole folder so Skia matches each weight by the font file's own style: registering the two
 * files one by one under a family name drew every weight with the last one registered.
 */
export function loadChartFont(): void {
  if (loaded) return;
  const folder = dirname(require.resolve("inter-ui/web/Inter-Regular.woff2"));
  if (GlobalFonts.loadFontsFromDir(folder) === 0) throw new Error(`no fonts found in ${folder}`);
  loaded = true;
}

/** Width in CSS pixels of `text` drawn at `fontSize` px in the chart font, as Vega measures it. */
export function measureText(text: string, fontSize: number, weight: FaceWeight = "regular"): number {
  if (!text || fontSize <= 0) return 0;
  loadChartFont();
  measuring ??= createCanvas(1, 1).getContext("2d");
  measuring.font = `${CSS_WEIGHTS[weight]} ${fontSize}px ${CHART_FONT_FAMILY}`;
  return measuring.measureText(text).width;
}
