/**
 * The one typeface every chart uses: Inter, loaded from the `inter-ui` npm package (never a system font),
 * so a chart is laid out and drawn with the same glyphs on every machine. Two weights are enough: regular
 * for axes, labels and footers, semibold for titles.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font } from "fontkit";
import { type PairKerning, readPairKerning } from "./gpos-kerning.js";

export type FaceWeight = "regular" | "semibold";

export interface FontFace {
  readonly weight: FaceWeight;
  readonly font: Font;
  readonly unitsPerEm: number;
  readonly kerning: PairKerning;
}

/** The family name the Vega-Lite theme asks for; every text mark is drawn with it whatever it says. */
export const CHART_FONT_FAMILY = "Inter";

const FILES: Record<FaceWeight, string> = {
  regular: "inter-ui/web/Inter-Regular.woff2",
  semibold: "inter-ui/web/Inter-SemiBold.woff2",
};

const require = createRequire(import.meta.url);
const faces = new Map<FaceWeight, FontFace>();

export function fontFace(weight: FaceWeight): FontFace {
  const cached = faces.get(weight);
  if (cached) return cached;
  const font = create(readFileSync(require.resolve(FILES[weight])));
  if (!("unitsPerEm" in font) || "fonts" in font) throw new Error(`${FILES[weight]} is not a single font`);
  const face: FontFace = { weight, font, unitsPerEm: font.unitsPerEm, kerning: readPairKerning(font) };
  faces.set(weight, face);
  return face;
}

/** Maps a CSS/Vega font weight to the face drawn: 600 and above (or "bold") use semibold. */
export function faceWeightOf(fontWeight: string | number | undefined | null): FaceWeight {
  if (fontWeight == null) return "regular";
  if (fontWeight === "bold" || fontWeight === "bolder") return "semibold";
  const numeric = Number(fontWeight);
  return Number.isFinite(numeric) && numeric >= 600 ? "semibold" : "regular";
}
