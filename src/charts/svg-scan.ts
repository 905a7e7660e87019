/**
 * Finds the <text> elements and the shapes of an SVG written by Vega's SVG renderer, with what is needed
 * to draw them ourselves: their attributes, their lines of text, where their coordinate system sits on
 * the canvas, and which kind of mark they belong to.
 *
 * Vega's output is regular (groups placed by translate, text placed by its own transform, baseline
 * already applied), so a small scanner over its tags is enough; no general SVG parser is needed.
 */
export interface TextLine {
  readonly text: string;
  /** Vertical offset of this line from the element's origin, in CSS px. */
  readonly dy: number;
}

export interface SvgText {
  /** Where the element sits in the SVG string, to cut or replace it. */
  readonly start: number;
  readonly end: number;
  readonly attributes: ReadonlyMap<string, string>;
  readonly lines: readonly TextLine[];
  /**
   * Canvas position (CSS px) of the element's parent coordinate system, or null when an ancestor group
   * does more than translate (rotates, scales or clips), so the element can only be drawn as vector.
   */
  readonly origin: Origin;
}

export type Origin = { readonly x: number; readonly y: number } | null;

/** A <path> or <line> (Vega writes every other mark as one of these), self-closing as Vega writes them. */
export interface SvgShape {
  readonly start: number;
  readonly end: number;
  readonly tag: "path" | "line";
  readonly attributes: ReadonlyMap<string, string>;
  readonly origin: Origin;
  /** Class of the nearest enclosing mark group: "mark-line role-mark ...", "mark-rule role-axis-grid"... */
  readonly markClass: string;
}

/**
 * Group open (or self-closing), group close, text elements (including Vega's self-closing empty ones),
 * and self-closing shapes.
 */
const TAG = /<g\b([^>]*?)(\/?)>|<\/g>|<text\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text>)|<(path|line)\b([^>]*?)\/>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;
const TSPAN = /<tspan\b([^>]*)>([\s\S]*?)<\/tspan>/g;
const NUMBER = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[-+]?\\d+)?)";
const TRANSLATE = new RegExp(`^translate\\(${NUMBER}[ ,]+${NUMBER}\\)$`, "i");

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) attributes.set(match[1] ?? "", match[2] ?? "");
  return attributes;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? "";
  });
}

/** The offset of a pure `translate(x,y)` transform, or null for anything else. */
export function translation(transform: string | undefined): { x: number; y: number } | null {
  if (!transform) return { x: 0, y: 0 };
  const match = TRANSLATE.exec(transform.trim());
  return match ? { x: Number(match[1]), y: Number(match[2]) } : null;
}

function linesOf(content: string): TextLine[] {
  if (!content.includes("<tspan")) return [{ text: decodeEntities(content).trim(), dy: 0 }];
  let dy = 0;
  return [...content.matchAll(TSPAN)].map((match) => {
    dy += Number(attributesOf(match[1] ?? "").get("dy") ?? 0);
    return { text: decodeEntities(match[2] ?? "").trim(), dy };
  });
}

export interface ScannedSvg {
  readonly texts: readonly SvgText[];
  readonly shapes: readonly SvgShape[];
}

export function scanSvg(svg: string): ScannedSvg {
  const texts: SvgText[] = [];
  const shapes: SvgShape[] = [];
  const groups: { origin: Origin; markClass: string }[] = [{ origin: { x: 0, y: 0 }, markClass: "" }];
  for (const match of svg.matchAll(TAG)) {
    const parent = groups[groups.length - 1] ?? { origin: null, markClass: "" };
    const span = { start: match.index, end: match.index + match[0].length };
    if (match[0] === "</g>") {
      groups.pop();
    } else if (match[5] !== undefined) {
      const tag = match[5] === "line" ? "line" : "path";
      shapes.push({
        ...span,
        tag,
        attributes: attributesOf(match[6] ?? ""),
        origin: parent.origin,
        markClass: parent.markClass,
      });
    } else if (match[3] !== undefined) {
      texts.push({
        ...span,
        attributes: attributesOf(match[3]),
        lines: linesOf(match[4] ?? ""),
        origin: parent.origin,
      });
    } else if (match[2] !== "/") {
      const attributes = attributesOf(match[1] ?? "");
      const shift = attributes.has("clip-path") ? null : translation(attributes.get("transform"));
      const origin =
        parent.origin && shift ? { x: parent.origin.x + shift.x, y: parent.origin.y + shift.y } : null;
      const markClass = attributes.get("class")?.startsWith("mark-")
        ? (attributes.get("class") ?? "")
        : parent.markClass;
      groups.push({ origin, markClass });
    }
  }
  return { texts, shapes };
}

/** Horizontal shift that applies `text-anchor` to a line of the given width. */
export function anchorShift(anchor: string | undefined, width: number): number {
  if (anchor === "middle") return -width / 2;
  if (anchor === "end") return -width;
  return 0;
}
