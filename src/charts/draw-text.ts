/**
 * Draws text straight into rendered pixels from cached glyph masks (see glyph-masks.ts): the text of a
 * chart costs a few milliseconds of blending instead of tens of rasterising outlines.
 */
import { type FaceWeight, faceWeightOf, fontFace } from "./font-faces.js";
import { type GlyphMaskKey, glyphMask, PHASES, prepareGlyphMasks } from "./glyph-masks.js";
import { blendPixel, type Pixels, parseColor, type Rgb } from "./pixels.js";
import { anchorShift, type SvgText, translation } from "./svg-scan.js";
import { layoutText } from "./text-layout.js";
import { fontSizeOf } from "./text-to-glyphs.js";

export interface TextPlacement {
  readonly weight: FaceWeight;
  /** Font size in device pixels. */
  readonly size: number;
  readonly anchor: string | undefined;
  /** Device-pixel position of each line's anchor point on the baseline. */
  readonly lines: readonly { readonly text: string; readonly x: number; readonly y: number }[];
  readonly rgb: Rgb;
  /** 0-1: the element's opacity times its fill opacity. */
  readonly alpha: number;
}

/**
 * Where and how to draw a text element as pixels, or null when it must stay vector: rotated, inside a
 * rotated/scaled/clipped group, stroked, or painted with something other than a plain colour.
 */
export function rasterPlacement(text: SvgText, deviceScale: number): TextPlacement | null {
  const position = translation(text.attributes.get("transform"));
  // SVG paints text black when it names no fill.
  const rgb = parseColor(text.attributes.get("fill") ?? "black");
  if (!text.origin || !position || !rgb || text.attributes.has("stroke")) return null;
  const alpha =
    Number(text.attributes.get("opacity") ?? 1) * Number(text.attributes.get("fill-opacity") ?? 1);
  return {
    weight: faceWeightOf(text.attributes.get("font-weight")),
    size: fontSizeOf(text) * deviceScale,
    anchor: text.attributes.get("text-anchor"),
    lines: text.lines.map((line) => ({
      text: line.text,
      x: (text.origin?.x ?? 0) * deviceScale + position.x * deviceScale,
      y: ((text.origin?.y ?? 0) + position.y + line.dy) * deviceScale,
    })),
    rgb,
    alpha: Number.isFinite(alpha) ? Math.min(1, Math.max(0, alpha)) : 1,
  };
}

interface GlyphDraw {
  readonly key: GlyphMaskKey;
  readonly x: number;
  readonly y: number;
  readonly placement: TextPlacement;
}

/** Splits a device coordinate into its whole pixel and its quarter-pixel phase. */
function snap(value: number): [number, number] {
  const steps = Math.round(value * PHASES);
  const whole = Math.floor(steps / PHASES);
  return [whole, steps - whole * PHASES];
}

function glyphDraws(placement: TextPlacement): GlyphDraw[] {
  const scale = placement.size / fontFace(placement.weight).unitsPerEm;
  return placement.lines.flatMap((line) => {
    const run = layoutText(line.text, placement.weight);
    const start = line.x + anchorShift(placement.anchor, run.advance * scale);
    const [y, phaseY] = snap(line.y);
    return run.glyphs.map((glyph, index) => {
      const [x, phaseX] = snap(start + (run.offsets[index] ?? 0) * scale);
      return {
        key: { weight: placement.weight, size: placement.size, glyph, phaseX, phaseY },
        x,
        y,
        placement,
      };
    });
  });
}

function blend(pixels: Pixels, draw: GlyphDraw): void {
  const mask = glyphMask(draw.key);
  if (!mask || draw.placement.alpha <= 0) return;
  const opacity = draw.placement.alpha / 255;
  for (let row = 0; row < mask.height; row++) {
    const y = draw.y + mask.top + row;
    if (y < 0 || y >= pixels.height) continue;
    for (let column = 0; column < mask.width; column++) {
      const x = draw.x + mask.left + column;
      const coverage = mask.coverage[row * mask.width + column] ?? 0;
      if (coverage === 0 || x < 0 || x >= pixels.width) continue;
      blendPixel(pixels, y * pixels.width + x, draw.placement.rgb, coverage * opacity);
    }
  }
}

export async function drawTexts(pixels: Pixels, placements: readonly TextPlacement[]): Promise<void> {
  const draws = placements.flatMap(glyphDraws);
  await prepareGlyphMasks(draws.map((draw) => draw.key));
  for (const draw of draws) blend(pixels, draw);
}
