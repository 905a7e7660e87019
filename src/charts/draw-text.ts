/**
 * Draws text straight into rendered pixels from cached glyph masks (see glyph-masks.ts): the text of a
 * chart costs a few milliseconds of blending instead of tens of rasterising outlines.
 */
import { type FaceWeight, faceWeightOf, fontFace } from "./font-faces.js";
import { type GlyphMask, type GlyphMaskKey, glyphMask, PHASES, prepareGlyphMasks } from "./glyph-masks.js";
import { blendPixel, type Pixels, parseColor, type Rgb } from "./pixels.js";
import { type Affine, affineOf, anchorShift, type SvgText } from "./svg-scan.js";
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
  /**
   * Which way the baseline runs, in quarter turns clockwise from left-to-right: 3 is a y-axis title read
   * bottom to top. Glyph masks are drawn turned, which is exact for quarter turns.
   */
  readonly turns: Turns;
}

type Turns = 0 | 1 | 2 | 3;

/** Unit vectors of the baseline (u) and of "down" (v) on screen, by quarter turns. */
const AXES: Record<Turns, { ux: number; uy: number; vx: number; vy: number }> = {
  0: { ux: 1, uy: 0, vx: 0, vy: 1 },
  1: { ux: 0, uy: 1, vx: -1, vy: 0 },
  2: { ux: -1, uy: 0, vx: 0, vy: -1 },
  3: { ux: 0, uy: -1, vx: 1, vy: 0 },
};

function turnsOf(matrix: Affine): Turns | null {
  const [a, b, c, d] = matrix;
  const near = (value: number, target: number) => Math.abs(value - target) < 1e-9;
  for (const turns of [0, 1, 2, 3] as const) {
    const { ux, uy, vx, vy } = AXES[turns];
    if (near(a, ux) && near(b, uy) && near(c, vx) && near(d, vy)) return turns;
  }
  return null;
}

/**
 * Where and how to draw a text element as pixels, or null when it must stay vector: turned other than by
 * quarter turns, inside a rotated/scaled/clipped group, stroked, or painted with something other than a
 * plain colour.
 */
export function rasterPlacement(text: SvgText, deviceScale: number): TextPlacement | null {
  const matrix = affineOf(text.attributes.get("transform"));
  const turns = matrix && turnsOf(matrix);
  // SVG paints text black when it names no fill.
  const rgb = parseColor(text.attributes.get("fill") ?? "black");
  if (!text.origin || !matrix || turns === null || !rgb || text.attributes.has("stroke")) return null;
  const { x, y } = text.origin;
  const [, , c, d, e, f] = matrix;
  const alpha =
    Number(text.attributes.get("opacity") ?? 1) * Number(text.attributes.get("fill-opacity") ?? 1);
  return {
    weight: faceWeightOf(text.attributes.get("font-weight")),
    size: fontSizeOf(text) * deviceScale,
    anchor: text.attributes.get("text-anchor"),
    lines: text.lines.map((line) => ({
      text: line.text,
      x: (x + e + c * line.dy) * deviceScale,
      y: (y + f + d * line.dy) * deviceScale,
    })),
    rgb,
    alpha: Number.isFinite(alpha) ? Math.min(1, Math.max(0, alpha)) : 1,
    turns,
  };
}

export interface GlyphDraw {
  readonly key: GlyphMaskKey;
  /** Whole pixels of the glyph origin along the baseline and across it (see AXES). */
  readonly u: number;
  readonly v: number;
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
  const { ux, uy, vx, vy } = AXES[placement.turns];
  return placement.lines.flatMap((line) => {
    const run = layoutText(line.text, placement.weight);
    // Positions along the baseline and across it, in the turned frame.
    const start = line.x * ux + line.y * uy + anchorShift(placement.anchor, run.advance * scale);
    const [v, phaseY] = snap(line.x * vx + line.y * vy);
    return run.glyphs.map((glyph, index) => {
      const [u, phaseX] = snap(start + (run.offsets[index] ?? 0) * scale);
      return {
        key: { weight: placement.weight, size: placement.size, glyph, phaseX, phaseY },
        u,
        v,
        placement,
      };
    });
  });
}

/** A screen pixel coordinate from a turned-frame pixel: a unit cell [n, n + 1] on a reversed axis is -n - 1. */
function onScreen(position: number, direction: number): number {
  return direction > 0 ? position : -position - 1;
}

function blend(pixels: Pixels, draw: GlyphDraw): void {
  const mask = glyphMask(draw.key);
  if (!mask || draw.placement.alpha <= 0) return;
  const opacity = draw.placement.alpha / 255;
  if (draw.placement.turns === 0) {
    blendUpright(pixels, mask, draw.u + mask.left, draw.v + mask.top, draw.placement.rgb, opacity);
    return;
  }
  const { ux, uy, vx, vy } = AXES[draw.placement.turns];
  for (let row = 0; row < mask.height; row++) {
    const v = draw.v + mask.top + row;
    for (let column = 0; column < mask.width; column++) {
      const coverage = mask.coverage[row * mask.width + column] ?? 0;
      if (coverage === 0) continue;
      const u = draw.u + mask.left + column;
      const x = ux !== 0 ? onScreen(u, ux) : onScreen(v, vx);
      const y = uy !== 0 ? onScreen(u, uy) : onScreen(v, vy);
      if (x < 0 || x >= pixels.width || y < 0 || y >= pixels.height) continue;
      blendPixel(pixels, y * pixels.width + x, draw.placement.rgb, coverage * opacity);
    }
  }
}

/** The common case, unturned text, with blendPixel inlined: a chart has hundreds of glyphs. */
function blendUpright(pixels: Pixels, mask: GlyphMask, left: number, top: number, rgb: Rgb, opacity: number) {
  const { data, channels, width } = pixels;
  const [red, green, blue] = rgb;
  const firstColumn = Math.max(0, -left);
  const lastColumn = Math.min(mask.width, width - left);
  for (let row = Math.max(0, -top); row < mask.height && top + row < pixels.height; row++) {
    const line = row * mask.width;
    let at = ((top + row) * width + left + firstColumn) * channels;
    for (let column = firstColumn; column < lastColumn; column++, at += channels) {
      const coverage = mask.coverage[line + column] as number;
      if (coverage === 0) continue;
      const amount = coverage * opacity;
      const r = data[at] as number;
      const g = data[at + 1] as number;
      const b = data[at + 2] as number;
      data[at] = (r + (red - r) * amount + 0.5) | 0;
      data[at + 1] = (g + (green - g) * amount + 0.5) | 0;
      data[at + 2] = (b + (blue - b) * amount + 0.5) | 0;
    }
  }
}

/** Lays out every placement's glyphs and makes sure their masks exist (one rasterising pass at most). */
export async function prepareTexts(placements: readonly TextPlacement[]): Promise<GlyphDraw[][]> {
  const draws = placements.map(glyphDraws);
  await prepareGlyphMasks(draws.flatMap((glyphs) => glyphs.map((draw) => draw.key)));
  return draws;
}

/** Draws glyphs laid out and prepared by prepareTexts. */
export function drawGlyphs(pixels: Pixels, draws: readonly GlyphDraw[]): void {
  for (const draw of draws) blend(pixels, draw);
}

export async function drawTexts(pixels: Pixels, placements: readonly TextPlacement[]): Promise<void> {
  for (const draws of await prepareTexts(placements)) drawGlyphs(pixels, draws);
}
