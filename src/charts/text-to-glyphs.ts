/**
 * Draws <text> elements of a Vega SVG as the chart font's glyph outlines, so the SVG needs no font.
 *
 * Why outlines rather than <text>: sharp rasterises SVG with librsvg, which picks fonts through
 * fontconfig, i.e. whatever the machine has installed. Pointing fontconfig at the bundled font depends on
 * environment read once at process start and still falls back to system fonts glyph by glyph; resvg
 * would add a second native renderer. With outlines no font is looked up at all, and glyphs sit exactly
 * where Vega measured them, since one layout serves both. Each outline is defined once in <defs> and
 * placed with <use>.
 */
import { type FaceWeight, faceWeightOf, fontFace } from "./font-faces.js";
import { glyphOutline } from "./glyph-outlines.js";
import { anchorShift, type SvgText, scanSvg } from "./svg-scan.js";
import { layoutText } from "./text-layout.js";

/** Attributes only a text renderer reads; the rest (fill, opacity...) carry over to the glyph group. */
const TEXT_ONLY = new Set([
  "aria-label",
  "text-anchor",
  "transform",
  "font-family",
  "font-size",
  "font-style",
  "font-variant",
  "font-weight",
]);

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

export function fontSizeOf(text: SvgText): number {
  return Number.parseFloat(text.attributes.get("font-size") ?? "11") || 11;
}

/** One text element as a group of glyph <use>s; `used` collects the glyph ids <defs> must define. */
function textAsGlyphs(text: SvgText, used: Set<string>): string {
  if (text.attributes.get("opacity") === "0") return "";
  const weight = faceWeightOf(text.attributes.get("font-weight"));
  const scale = fontSizeOf(text) / fontFace(weight).unitsPerEm;
  const kept = [...text.attributes]
    .filter(([name]) => !TEXT_ONLY.has(name))
    .map(([name, value]) => ` ${name}="${value}"`)
    .join("");
  const label = escapeAttribute(text.lines.map((line) => line.text).join(" "));
  const lines = text.lines.map((line) => {
    const run = layoutText(line.text, weight);
    const shift = anchorShift(text.attributes.get("text-anchor"), run.advance * scale);
    const uses = run.glyphs.map((glyph, index) => {
      if (!glyphOutline(weight, glyph).path) return "";
      const id = `${weight[0]}${glyph}`;
      used.add(id);
      return `<use href="#${id}" x="${run.offsets[index]}"/>`;
    });
    return `<g transform="translate(${shift},${line.dy}) scale(${scale},${-scale})">${uses.join("")}</g>`;
  });
  const transform = text.attributes.get("transform") ?? "";
  return `<g transform="${transform}"${kept} aria-label="${label}">${lines.join("")}</g>`;
}

function glyphDefinitions(used: ReadonlySet<string>): string {
  const paths = [...used].map((id) => {
    const weight: FaceWeight = id.startsWith("s") ? "semibold" : "regular";
    return `<path id="${id}" d="${glyphOutline(weight, Number(id.slice(1))).path}"/>`;
  });
  return `<defs>${paths.join("")}</defs>`;
}

/** Inserts markup right after the root <svg> tag. */
function afterRootTag(svg: string, markup: string): string {
  const rootEnd = svg.indexOf(">", svg.indexOf("<svg")) + 1;
  return svg.slice(0, rootEnd) + markup + svg.slice(rootEnd);
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Rewrites the SVG: the `outlined` texts become glyph outlines and the `removed` elements disappear (the
 * caller draws those into the pixels itself).
 */
export function rewriteSvg(svg: string, outlined: readonly SvgText[], removed: readonly Span[]): string {
  const used = new Set<string>();
  const edits = [
    ...outlined.map((text) => ({ start: text.start, end: text.end, text })),
    ...removed.map((span) => ({ start: span.start, end: span.end, text: null })),
  ].sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = 0;
  for (const edit of edits) {
    out += svg.slice(cursor, edit.start) + (edit.text ? textAsGlyphs(edit.text, used) : "");
    cursor = edit.end;
  }
  out += svg.slice(cursor);
  return used.size > 0 ? afterRootTag(out, glyphDefinitions(used)) : out;
}

export function textToGlyphOutlines(svg: string): string {
  return rewriteSvg(svg, scanSvg(svg).texts, []);
}
