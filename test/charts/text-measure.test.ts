import * as vega from "vega";
import { describe, expect, it } from "vitest";
import { fontFace } from "../../src/charts/font-faces.js";
import { measureText } from "../../src/charts/index.js";
import { layoutText } from "../../src/charts/text-layout.js";
import { installTextMetrics, measureVegaText } from "../../src/charts/vega-text-metrics.js";

const LABEL = "Campaign 05 – Brand/Über Größe";

/** The font's own figures: advance widths from its hmtx table, plus each pair's kerning. */
function fontWidth(text: string, size: number): number {
  const face = fontFace("regular");
  const glyphs = [...text].map((character) => face.font.glyphForCodePoint(character.codePointAt(0) ?? 0));
  let units = 0;
  glyphs.forEach((glyph, index) => {
    units += glyph.advanceWidth;
    const next = glyphs[index + 1];
    if (next) units += face.kerning(glyph.id, next.id);
  });
  return (units * size) / face.unitsPerEm;
}

describe("text measurement", () => {
  it("measures with the bundled font's advance widths and kerning", () => {
    expect(measureText(LABEL, 11)).toBeCloseTo(fontWidth(LABEL, 11), 6);
    expect(measureText(LABEL, 22)).toBeCloseTo(2 * measureText(LABEL, 11), 6);
    expect(measureText("", 11)).toBe(0);
  });

  it("reads GPOS pair kerning as fontkit's shaper applies it", () => {
    const face = fontFace("regular");
    for (const pair of ["AV", "To", "Ty", "Wa", "LT", "P.", "r,"]) {
      const shaped = face.font.layout(pair, { kern: true } as never);
      expect(layoutText(pair, "regular").advance).toBe(shaped.advanceWidth);
    }
    const [a, v] = layoutText("AV", "regular").glyphs;
    expect(face.kerning(a ?? 0, v ?? 0)).toBeLessThan(0);
  });

  it("replaces Vega's estimate, which over-measures labels and so truncates them", () => {
    installTextMetrics();
    const metrics = (
      vega as unknown as {
        textMetrics: { width: unknown; estimateWidth: (item: object, text: string) => number };
      }
    ).textMetrics;
    expect(metrics.width).toBe(measureVegaText);
    const item = { fontSize: 11 };
    const real = measureVegaText(item, LABEL);
    expect(real).toBeCloseTo(fontWidth(LABEL, 11), 6);
    expect(real).toBeLessThan(180);
    expect(metrics.estimateWidth(item, LABEL)).toBeGreaterThan(180);
  });

  it("reports a line longer than its limit at the limit, as Vega will draw it truncated", () => {
    expect(measureVegaText({ fontSize: 11, limit: 50 }, LABEL)).toBe(50);
    expect(measureVegaText({ fontSize: 11, fontWeight: "bold" }, LABEL)).toBeGreaterThan(
      measureVegaText({ fontSize: 11 }, LABEL),
    );
  });

  it("measures text the font lacks as its missing-glyph box instead of failing", () => {
    const notdef = fontFace("regular").font.getGlyph(0).advanceWidth;
    expect(layoutText("广告", "regular").glyphs).toEqual([0, 0]);
    expect(measureText("广告", 11)).toBeCloseTo((2 * notdef * 11) / fontFace("regular").unitsPerEm, 6);
    expect(layoutText("Tiếng Việt", "regular").glyphs).not.toContain(0);
    expect(layoutText("Tie\u0302\u0301ng", "regular").glyphs).not.toContain(0);
  });
});
