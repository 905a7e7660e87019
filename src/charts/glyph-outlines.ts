/** Glyph outlines of the chart font as SVG path data in font units (y up), parsed once per glyph. */
import { type FaceWeight, fontFace } from "./font-faces.js";

export interface GlyphOutline {
  /** SVG path data in font units, y pointing up as fonts draw. */
  readonly path: string;
  /** Ink bounds in font units; all zero for blank glyphs such as the space. */
  readonly bounds: {
    readonly minX: number;
    readonly minY: number;
    readonly maxX: number;
    readonly maxY: number;
  };
}

const outlines = new Map<string, GlyphOutline>();

export function glyphOutline(weight: FaceWeight, glyph: number): GlyphOutline {
  const key = `${weight}-${glyph}`;
  let outline = outlines.get(key);
  if (!outline) {
    const { path } = fontFace(weight).font.getGlyph(glyph);
    const box = path.bbox;
    const blank = path.commands.length === 0 || !Number.isFinite(box.minX);
    outline = {
      path: blank ? "" : path.toSVG(),
      bounds: blank ? { minX: 0, minY: 0, maxX: 0, maxY: 0 } : box,
    };
    outlines.set(key, outline);
  }
  return outline;
}
