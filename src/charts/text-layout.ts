/**
 * Lays a line of text out in the chart font: one glyph per code point (after NFC, so Vietnamese and
 * other precomposed accents find their single glyph), advance widths plus GPOS pair kerning. Vega measures
 * with this layout and the SVG is drawn from it, so a measured width is exactly the drawn width.
 *
 * A code point the font lacks maps to glyph 0 (.notdef, drawn as an empty box) and is measured as such,
 * so layout never breaks; it just shows the box instead of the character.
 */
import { type FaceWeight, type FontFace, fontFace } from "./font-faces.js";

export interface GlyphRun {
  /** Glyph ids, in drawing order. */
  readonly glyphs: readonly number[];
  /** Pen position of each glyph, in font units from the start of the run. */
  readonly offsets: readonly number[];
  /** Total advance, in font units. */
  readonly advance: number;
}

const MAX_CACHED_RUNS = 20_000;
const runs = new Map<string, GlyphRun>();

function layout(face: FontFace, text: string): GlyphRun {
  const glyphs: number[] = [];
  const offsets: number[] = [];
  let pen = 0;
  let previous = -1;
  for (const character of text.normalize("NFC")) {
    const glyph = face.font.glyphForCodePoint(character.codePointAt(0) ?? 0);
    if (previous >= 0) pen += face.kerning(previous, glyph.id);
    glyphs.push(glyph.id);
    offsets.push(pen);
    pen += glyph.advanceWidth;
    previous = glyph.id;
  }
  return { glyphs, offsets, advance: pen };
}

export function layoutText(text: string, weight: FaceWeight): GlyphRun {
  const key = `${weight}\u0000${text}`;
  const cached = runs.get(key);
  if (cached) return cached;
  // A plain bounded cache: chart text repeats (ticks, dimension names) far more than it varies.
  if (runs.size >= MAX_CACHED_RUNS) runs.clear();
  const run = layout(fontFace(weight), text);
  runs.set(key, run);
  return run;
}

/** Width in CSS pixels of `text` drawn at `fontSize` px in the chart font. */
export function measureText(text: string, fontSize: number, weight: FaceWeight = "regular"): number {
  if (!text || fontSize <= 0) return 0;
  return (layoutText(text, weight).advance * fontSize) / fontFace(weight).unitsPerEm;
}
