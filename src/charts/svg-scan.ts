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
  /** Presentation attributes set on enclosing groups. */
  readonly inherited: ReadonlyMap<string, string>;
  readonly lines: readonly TextLine[];
  /**
   * Canvas position (CSS px) of the element's parent coordinate system, or null when an ancestor group
   * does more than translate (rotates, scales or clips), so the element can only be drawn as vector.
   */
  readonly origin: Origin;
}

export type Origin = { readonly x: number; readonly y: number } | null;

/**
 * A <path> or <line> (Vega writes every mark but text as one of these), or the <rect> of the background,
 * self-closing as Vega writes them.
 */
export interface SvgShape {
  readonly start: number;
  readonly end: number;
  readonly tag: "path" | "line" | "rect";
  readonly attributes: ReadonlyMap<string, string>;
  /** Presentation attributes set on enclosing groups (Vega's root group says fill="none"). */
  readonly inherited: ReadonlyMap<string, string>;
  readonly origin: Origin;
  /** Class of the nearest enclosing mark group: "mark-line role-mark ...", "mark-rule role-axis-grid"... */
  readonly markClass: string;
}

/**
 * Group open (or self-closing), group close, text elements (including Vega's self-closing empty ones),
 * self-closing shapes, the root element, and then any other tag (which only librsvg can draw).
 */
const TAG =
  /<g\b([^>]*?)(\/?)>|<\/g>|<text\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text>)|<(path|line|rect)\b([^>]*?)\/>|<svg\b[^>]*>|<\/svg>|<[^>]*>/g;
/** Group attributes that neither draw nor move anything. */
const INERT_GROUP_ATTRIBUTE = /^(class|role|pointer-events|aria-[\w-]+)$/;
/** Group attributes its elements inherit, which whoever draws them must know. */
const INHERITED = new Set(["fill", "stroke-miterlimit"]);
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

const TRANSFORM_STEP = new RegExp(
  `(translate|rotate)\\(\\s*${NUMBER}(?:[ ,]+${NUMBER})?(?:[ ,]+${NUMBER})?\\s*\\)`,
  "gi",
);

/** An affine transform [a, b, c, d, e, f]: (x, y) -> (a x + c y + e, b x + d y + f). */
export type Affine = readonly [number, number, number, number, number, number];

/**
 * The matrix of a transform made of translate and rotate steps (what Vega writes for text and symbols),
 * or null for anything else.
 */
export function affineOf(transform: string | undefined): Affine | null {
  let matrix: Affine = [1, 0, 0, 1, 0, 0];
  if (!transform) return matrix;
  const rest = transform.replace(
    TRANSFORM_STEP,
    (_, kind: string, first: string, second?: string, third?: string) => {
      const [p, q, r] = [Number(first), Number(second ?? 0), Number(third ?? 0)];
      const [a, b, c, d, e, f] = matrix;
      if (kind.toLowerCase() === "translate") {
        matrix = [a, b, c, d, a * p + c * q + e, b * p + d * q + f];
      } else {
        const radians = (p * Math.PI) / 180;
        const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
        // rotate(angle, cx, cy) turns about (cx, cy): translate there, turn, translate back.
        const ex = a * q + c * r + e;
        const fy = b * q + d * r + f;
        const [na, nb, nc, nd] = [a * cos + c * sin, b * cos + d * sin, c * cos - a * sin, d * cos - b * sin];
        matrix = [na, nb, nc, nd, ex - na * q - nc * r, fy - nb * q - nd * r];
      }
      return "";
    },
  );
  return /^[\s,]*$/.test(rest) ? matrix : null;
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
  /**
   * What the scan met that only a full SVG renderer can draw: other elements (defs, clip paths,
   * gradients, images, links) and groups that do more than translate. Empty for Vega's plain charts.
   */
  readonly unsupported: readonly string[];
}

export function scanSvg(svg: string): ScannedSvg {
  const texts: SvgText[] = [];
  const shapes: SvgShape[] = [];
  const unsupported: string[] = [];
  const root: Group = { origin: { x: 0, y: 0 }, markClass: "", inherited: new Map() };
  const groups: Group[] = [root];
  for (const match of svg.matchAll(TAG)) {
    const parent = groups[groups.length - 1] ?? root;
    const span = { start: match.index, end: match.index + match[0].length };
    if (match[0] === "</g>") {
      groups.pop();
    } else if (match[5] !== undefined) {
      shapes.push({
        ...span,
        tag: match[5] as SvgShape["tag"],
        attributes: attributesOf(match[6] ?? ""),
        inherited: parent.inherited,
        origin: parent.origin,
        markClass: parent.markClass,
      });
    } else if (match[3] !== undefined) {
      texts.push({
        ...span,
        attributes: attributesOf(match[3]),
        inherited: parent.inherited,
        lines: linesOf(match[4] ?? ""),
        origin: parent.origin,
      });
    } else if (match[1] !== undefined) {
      if (match[2] === "/") continue;
      const attributes = attributesOf(match[1]);
      const shift = attributes.has("clip-path") ? null : translation(attributes.get("transform"));
      const origin =
        parent.origin && shift ? { x: parent.origin.x + shift.x, y: parent.origin.y + shift.y } : null;
      const markClass = attributes.get("class")?.startsWith("mark-")
        ? (attributes.get("class") ?? "")
        : parent.markClass;
      let inherited = parent.inherited;
      for (const [name, value] of attributes) {
        if (INHERITED.has(name)) {
          inherited = new Map(inherited).set(name, value);
        } else if (!INERT_GROUP_ATTRIBUTE.test(name) && name !== "transform" && name !== "clip-path") {
          unsupported.push(`<g ${name}>`);
        }
      }
      if (!origin) unsupported.push("a group that does more than translate");
      groups.push({ origin, markClass, inherited });
    } else if (!match[0].startsWith("<svg") && match[0] !== "</svg>") {
      unsupported.push(match[0].slice(0, 40));
    }
  }
  return { texts, shapes, unsupported };
}

interface Group {
  readonly origin: Origin;
  readonly markClass: string;
  readonly inherited: ReadonlyMap<string, string>;
}

/** Horizontal shift that applies `text-anchor` to a line of the given width. */
export function anchorShift(anchor: string | undefined, width: number): number {
  if (anchor === "middle") return -width / 2;
  if (anchor === "end") return -width;
  return 0;
}
