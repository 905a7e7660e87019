/**
 * Draws chart lines (round caps and joins) and circle symbols straight into the pixels.
 *
 * librsvg's stroker spends about 20 ms on a 1,000-point line at 2x, a third of a whole render, while a
 * distance-based anti-aliased stroke of the same polyline costs a few milliseconds here. paint-svg.ts
 * draws every line and circle of a chart it paints whole with these. For charts that go to librsvg,
 * planShapes still takes Vega line marks of at least LONG_LINE points off its hands, but only when every
 * mark drawn after them in the SVG is something this file can draw too (more lines, circle symbols), so
 * nothing librsvg draws can end up under a line it should cover. Axes, legends and titles sit outside
 * the plot and do not count.
 */
import { type Pixels, parseColor, type Rgb } from "./pixels.js";
import { type SvgShape, translation } from "./svg-scan.js";

const LONG_LINE = 50;

export interface PolylineDraw {
  readonly kind: "polyline";
  /** Sub-paths (a line breaks at missing values), each as device-pixel x,y pairs. */
  readonly paths: readonly Float64Array[];
  readonly halfWidth: number;
  readonly rgb: Rgb;
  readonly alpha: number;
  /** Dash and gap lengths in device pixels, or null for a solid line. */
  readonly dash: readonly [number, number] | null;
}

export interface CircleDraw {
  readonly kind: "circle";
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  /** Fill and stroke, each at its own fill/stroke opacity... */
  readonly fill: { readonly rgb: Rgb; readonly alpha: number } | null;
  readonly stroke: { readonly rgb: Rgb; readonly alpha: number; readonly halfWidth: number } | null;
  /** ...then both together at the element's opacity, as SVG composites an element with both. */
  readonly opacity: number;
}

export type ShapeDraw = PolylineDraw | CircleDraw;

export interface ShapePlan {
  readonly draws: readonly ShapeDraw[];
  /** The SVG elements the draws replace. */
  readonly replaced: readonly SvgShape[];
}

const NUMBER = "-?\\d*\\.?\\d+(?:e[-+]?\\d+)?";
/** Sub-paths of straight segments, each maybe closed (Vega closes a one-point line: "M355,25.7Z"). */
const POLYLINE = new RegExp(`^(M${NUMBER},${NUMBER}(L${NUMBER},${NUMBER})*Z?)+$`, "i");
const CIRCLE = new RegExp(`^M(${NUMBER}),0A\\1,\\1,0,1,1,-\\1,0A\\1,\\1,0,1,1,\\1,0Z?$`);

export function number(attributes: ReadonlyMap<string, string>, name: string, fallback: number): number {
  const value = Number(attributes.get(name) ?? fallback);
  return Number.isFinite(value) ? value : fallback;
}

/** Canvas position of a shape's own coordinate system, or null when it is not a plain translation. */
export function placeOf(shape: SvgShape): { x: number; y: number } | null {
  const own = translation(shape.attributes.get("transform"));
  return shape.origin && own ? { x: shape.origin.x + own.x, y: shape.origin.y + own.y } : null;
}

/**
 * A fill or stroke colour and its opacity (times the element's opacity unless `ownOpacity` is false);
 * null for none, and for colours parseColor does not know (the caller must then leave the element to
 * librsvg rather than drop it).
 */
export function paint(
  attributes: ReadonlyMap<string, string>,
  kind: "fill" | "stroke",
  ownOpacity = true,
): { rgb: Rgb; alpha: number } | null {
  const color = attributes.get(kind);
  if (!color || color === "none" || color === "transparent") return null;
  const rgb = parseColor(color);
  if (!rgb) return null;
  const opacity = ownOpacity ? number(attributes, "opacity", 1) : 1;
  return { rgb, alpha: opacity * number(attributes, `${kind}-opacity`, 1) };
}

/** A stroke's dashes as device-pixel lengths; null for solid (Vega writes "1,0" for solid lines). */
export function dashesOf(attributes: ReadonlyMap<string, string>, scale: number): number[] | null {
  const dash = (attributes.get("stroke-dasharray") ?? "").split(/[ ,]+/).filter(Boolean).map(Number);
  if (dash.length === 0 || dash.some((length) => !Number.isFinite(length) || length < 0)) return null;
  const even = dash.length % 2 === 0 ? dash : [...dash, ...dash];
  const gaps = even.filter((_, index) => index % 2 === 1);
  if (gaps.every((gap) => gap === 0)) return null;
  return even.map((length) => length * scale);
}

/** The stroke of a path of straight segments (round caps and joins), or null for any other path. */
export function polylineDraw(shape: SvgShape, scale: number): PolylineDraw | null {
  const d = shape.attributes.get("d") ?? "";
  const place = placeOf(shape);
  const stroke = paint(shape.attributes, "stroke");
  const fill = shape.attributes.get("fill");
  if (shape.tag !== "path" || !place || !stroke || (fill && fill !== "none") || !POLYLINE.test(d))
    return null;
  const paths = d
    .split(/M/i)
    .filter(Boolean)
    .map((sub) => {
      const closed = /Z$/i.test(sub);
      const numbers = sub.replace(/Z$/i, "").split(/[L,]/i).map(Number);
      // A closed sub-path strokes its closing segment too.
      if (closed && numbers.length > 2) numbers.push(numbers[0] ?? 0, numbers[1] ?? 0);
      return Float64Array.from(
        numbers,
        (value, index) => (value + (index % 2 === 0 ? place.x : place.y)) * scale,
      );
    });
  const dash = (shape.attributes.get("stroke-dasharray") ?? "").split(/[ ,]+/).filter(Boolean).map(Number);
  const dashed = dash.length === 2 && (dash[1] ?? 0) > 0 && (dash[0] ?? 0) > 0;
  return {
    kind: "polyline",
    paths,
    halfWidth: (number(shape.attributes, "stroke-width", 1) * scale) / 2,
    ...stroke,
    dash: dashed ? [(dash[0] ?? 0) * scale, (dash[1] ?? 0) * scale] : null,
  };
}

/** A circle symbol (Vega's two-arc path), or null for any other shape. */
export function circleDraw(shape: SvgShape, scale: number): CircleDraw | null {
  const radius = CIRCLE.exec(shape.attributes.get("d") ?? "")?.[1];
  const place = placeOf(shape);
  if (shape.tag !== "path" || !place || radius === undefined) return null;
  const fill = paint(shape.attributes, "fill", false);
  const stroke = paint(shape.attributes, "stroke", false);
  const colours = (name: string) => shape.attributes.has(name) && shape.attributes.get(name) !== "none";
  // A colour we cannot parse would be silently dropped: leave such a symbol to librsvg.
  if ((colours("fill") && !fill) || (colours("stroke") && !stroke)) return null;
  return {
    kind: "circle",
    x: place.x * scale,
    y: place.y * scale,
    radius: Number(radius) * scale,
    fill,
    stroke: stroke && { ...stroke, halfWidth: (number(shape.attributes, "stroke-width", 1) * scale) / 2 },
    opacity: number(shape.attributes, "opacity", 1),
  };
}

function isLongLine(shape: SvgShape): boolean {
  return (
    shape.markClass.startsWith("mark-line") &&
    (shape.attributes.get("d") ?? "").split("L").length >= LONG_LINE
  );
}

export function planShapes(shapes: readonly SvgShape[], scale: number): ShapePlan {
  const first = shapes.findIndex(isLongLine);
  if (first < 0) return { draws: [], replaced: [] };
  const draws: ShapeDraw[] = [];
  const replaced: SvgShape[] = [];
  for (const shape of shapes.slice(first)) {
    if (!shape.markClass.includes("role-mark")) continue;
    const draw = shape.markClass.startsWith("mark-line")
      ? polylineDraw(shape, scale)
      : shape.markClass.startsWith("mark-symbol")
        ? circleDraw(shape, scale)
        : null;
    if (!draw) return { draws: [], replaced: [] };
    draws.push(draw);
    replaced.push(shape);
  }
  return { draws, replaced };
}

/** Per-pixel coverage of the line being drawn (max over its segments, so joins are not painted twice). */
let coverage: Uint8Array = new Uint8Array(0);
/** The pixels with coverage so far, to blend and reset without sweeping the whole image. */
let touched: Int32Array = new Int32Array(4096);
let touchedCount = 0;

function grow(): void {
  const larger = new Int32Array(touched.length * 2);
  larger.set(touched);
  touched = larger;
}

/**
 * Adds one segment's anti-aliased coverage (a capsule: round joins and caps). Pixels are visited along
 * the segment's major axis, only as far across as the stroke reaches, so the cost follows the stroked
 * area rather than the segment's bounding box. Coordinates are swapped for steep segments (u = the major
 * axis, v = the minor one) so one loop serves both. This is the hot loop of a long trend line: no
 * allocation, no calls, and no square root for pixels the stroke covers fully.
 */
function coverSegment(
  line: PolylineDraw,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  travelled: number,
  width: number,
  height: number,
): void {
  const steep = Math.abs(by - ay) >= Math.abs(bx - ax);
  const au = steep ? ay : ax;
  const av = steep ? ax : ay;
  const du = steep ? by - ay : bx - ax;
  const dv = steep ? bx - ax : by - ay;
  const uSize = steep ? height : width;
  const vSize = steep ? width : height;
  const uStride = steep ? width : 1;
  const vStride = steep ? 1 : width;
  const length = Math.sqrt(du * du + dv * dv);
  const inverseLengthSquared = 1 / (length * length || 1);
  const reach = line.halfWidth + 0.5;
  const reachSquared = reach * reach;
  // Within this distance of the centre line a pixel is fully covered.
  const fullSquared = reach > 1 ? (reach - 1) * (reach - 1) : -1;
  // How far across the major axis the stroke reaches from the centre line (at least its radius, at caps).
  const spread = (reach * (length || 1)) / (Math.abs(du) || 1);
  const dashOn = line.dash ? line.dash[0] : 0;
  const period = line.dash ? line.dash[0] + line.dash[1] : 0;
  const slope = du === 0 ? 0 : 1 / du;
  const first = Math.max(0, Math.floor(Math.min(au, au + du) - reach));
  const last = Math.min(uSize - 1, Math.ceil(Math.max(au, au + du) + reach));
  // Module state in locals: the loop below runs a few hundred thousand times per long line.
  const covered = coverage;
  let list = touched;
  let count = touchedCount;
  for (let u = first; u <= last; u++) {
    const pu = u + 0.5 - au;
    const centre = av + Math.min(1, Math.max(0, pu * slope)) * dv;
    // Pixel centres (v + 0.5) within the spread.
    const from = Math.max(0, Math.ceil(centre - spread - 0.5));
    const to = Math.min(vSize - 1, Math.floor(centre + spread - 0.5));
    const base = u * uStride;
    for (let v = from; v <= to; v++) {
      const at = base + v * vStride;
      const previous = covered[at] as number;
      if (previous === 255) continue;
      const pv = v + 0.5 - av;
      const t = Math.min(1, Math.max(0, (pu * du + pv * dv) * inverseLengthSquared));
      const eu = pu - t * du;
      const ev = pv - t * dv;
      let distanceSquared = eu * eu + ev * ev;
      if (period > 0) {
        // Distance along the path to the nearest dash, so dashes get round caps as Vega asks.
        const phase = (travelled + t * length) % period;
        const outside = phase < dashOn ? 0 : Math.min(phase - dashOn, period - phase);
        distanceSquared += outside * outside;
      }
      if (distanceSquared >= reachSquared) continue;
      // Rounded to the byte stored: reach - distance, at most 1, times 255.
      const value =
        distanceSquared <= fullSquared
          ? 255
          : Math.min(255, ((reach - Math.sqrt(distanceSquared)) * 255 + 0.5) | 0);
      if (value <= previous) continue;
      if (previous === 0) {
        if (count === list.length) {
          touchedCount = count;
          grow();
          list = touched;
        }
        list[count++] = at;
      }
      covered[at] = value;
    }
  }
  touchedCount = count;
}

export function strokePolyline(pixels: Pixels, line: PolylineDraw): void {
  const { width, height } = pixels;
  if (coverage.length < width * height) coverage = new Uint8Array(width * height);
  touchedCount = 0;
  for (const points of line.paths) {
    let travelled = 0;
    // A lone point still gets a segment (of length 0): it draws as a round dot, as librsvg would.
    const segments = Math.max(1, points.length / 2 - 1);
    for (let segment = 0; segment < segments; segment++) {
      const ax = points[segment * 2] ?? 0;
      const ay = points[segment * 2 + 1] ?? 0;
      const bx = points[segment * 2 + 2] ?? ax;
      const by = points[segment * 2 + 3] ?? ay;
      coverSegment(line, ax, ay, bx, by, travelled, width, height);
      travelled += Math.sqrt((bx - ax) ** 2 + (by - ay) ** 2);
    }
  }
  const alpha = line.alpha / 255;
  const { data, channels } = pixels;
  const [red, green, blue] = line.rgb;
  for (let index = 0; index < touchedCount; index++) {
    const at = touched[index] as number;
    const amount = (coverage[at] as number) * alpha;
    coverage[at] = 0;
    // As blendPixel, inline: this runs for every pixel of a long line.
    const offset = at * channels;
    const r = data[offset] as number;
    const g = data[offset + 1] as number;
    const b = data[offset + 2] as number;
    data[offset] = (r + (red - r) * amount + 0.5) | 0;
    data[offset + 1] = (g + (green - g) * amount + 0.5) | 0;
    data[offset + 2] = (b + (blue - b) * amount + 0.5) | 0;
  }
}

export function drawCircle(pixels: Pixels, circle: CircleDraw): void {
  const { fill, stroke, opacity } = circle;
  const reach = circle.radius + (stroke?.halfWidth ?? 0) + 1;
  const left = Math.max(0, Math.floor(circle.x - reach));
  const right = Math.min(pixels.width - 1, Math.ceil(circle.x + reach));
  const top = Math.max(0, Math.floor(circle.y - reach));
  const bottom = Math.min(pixels.height - 1, Math.ceil(circle.y + reach));
  const { data, channels } = pixels;
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const distance = Math.sqrt((x + 0.5 - circle.x) ** 2 + (y + 0.5 - circle.y) ** 2);
      const inside = fill ? Math.min(1, Math.max(0, circle.radius + 0.5 - distance)) * fill.alpha : 0;
      const ring = stroke
        ? Math.min(1, Math.max(0, stroke.halfWidth + 0.5 - Math.abs(distance - circle.radius))) * stroke.alpha
        : 0;
      if (inside <= 0 && ring <= 0) continue;
      const at = (y * pixels.width + x) * channels;
      for (let channel = 0; channel < 3; channel++) {
        // Fill, then stroke over it, then the two together over the canvas at the element's opacity.
        const under = data[at + channel] as number;
        const filled = fill ? under + ((fill.rgb[channel] as number) - under) * inside : under;
        const stroked = stroke ? filled + ((stroke.rgb[channel] as number) - filled) * ring : filled;
        data[at + channel] = (under + (stroked - under) * opacity + 0.5) | 0;
      }
    }
  }
}

export function drawShapes(pixels: Pixels, draws: readonly ShapeDraw[]): void {
  for (const draw of draws) {
    if (draw.kind === "polyline") strokePolyline(pixels, draw);
    else drawCircle(pixels, draw);
  }
}
