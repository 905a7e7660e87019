/**
 * Draws long chart lines (and the dots marked on top of them) straight into the pixels.
 *
 * librsvg's stroker spends about 20 ms on a 1,000-point line at 2x, a third of a whole render, while a
 * distance-based anti-aliased stroke of the same polyline costs a few milliseconds here. Only Vega line
 * marks of at least LONG_LINE points are taken, and only when every mark drawn after them in the SVG is
 * something this file can draw too (more lines, circle symbols), so nothing librsvg draws can end up
 * under a line it should cover. Axes, legends and titles sit outside the plot and do not count.
 */
import { blendPixel, type Pixels, parseColor, type Rgb } from "./pixels.js";
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
  readonly fill: { readonly rgb: Rgb; readonly alpha: number } | null;
  readonly stroke: { readonly rgb: Rgb; readonly alpha: number; readonly halfWidth: number } | null;
}

export type ShapeDraw = PolylineDraw | CircleDraw;

export interface ShapePlan {
  readonly draws: readonly ShapeDraw[];
  /** The SVG elements the draws replace. */
  readonly replaced: readonly SvgShape[];
}

const NUMBER = "-?\\d*\\.?\\d+(?:e[-+]?\\d+)?";
const POLYLINE = new RegExp(`^(M${NUMBER},${NUMBER}(L${NUMBER},${NUMBER})*)+$`, "i");
const CIRCLE = new RegExp(`^M(${NUMBER}),0A\\1,\\1,0,1,1,-\\1,0A\\1,\\1,0,1,1,\\1,0Z?$`);

function number(attributes: ReadonlyMap<string, string>, name: string, fallback: number): number {
  const value = Number(attributes.get(name) ?? fallback);
  return Number.isFinite(value) ? value : fallback;
}

/** Canvas position of a shape's own coordinate system, or null when it is not a plain translation. */
function placeOf(shape: SvgShape): { x: number; y: number } | null {
  const own = translation(shape.attributes.get("transform"));
  return shape.origin && own ? { x: shape.origin.x + own.x, y: shape.origin.y + own.y } : null;
}

function paint(
  attributes: ReadonlyMap<string, string>,
  kind: "fill" | "stroke",
): { rgb: Rgb; alpha: number } | null {
  const color = attributes.get(kind);
  if (!color || color === "none" || color === "transparent") return null;
  const rgb = parseColor(color);
  if (!rgb) return null;
  return { rgb, alpha: number(attributes, "opacity", 1) * number(attributes, `${kind}-opacity`, 1) };
}

function polylineDraw(shape: SvgShape, scale: number): PolylineDraw | null {
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
      const numbers = sub.split(/[L,]/i).map(Number);
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

function circleDraw(shape: SvgShape, scale: number): CircleDraw | null {
  const radius = CIRCLE.exec(shape.attributes.get("d") ?? "")?.[1];
  const place = placeOf(shape);
  if (shape.tag !== "path" || !place || radius === undefined) return null;
  const fill = paint(shape.attributes, "fill");
  const stroke = paint(shape.attributes, "stroke");
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

function cover(at: number, value: number): void {
  const previous = coverage[at] as number;
  if (value <= previous) return;
  if (previous === 0) {
    if (touchedCount === touched.length) {
      const larger = new Int32Array(touched.length * 2);
      larger.set(touched);
      touched = larger;
    }
    touched[touchedCount++] = at;
  }
  coverage[at] = value;
}

/**
 * Adds one segment's anti-aliased coverage (a capsule: round joins and caps). Pixels are visited along
 * the segment's major axis, only as far across as the stroke reaches, so the cost follows the stroked
 * area rather than the segment's bounding box. Coordinates are swapped for steep segments (u = the major
 * axis, v = the minor one) so one loop serves both.
 */
function coverSegment(
  line: PolylineDraw,
  a: readonly [number, number],
  b: readonly [number, number],
  travelled: number,
  width: number,
  height: number,
): void {
  const steep = Math.abs(b[1] - a[1]) >= Math.abs(b[0] - a[0]);
  const [au, av, du, dv] = steep
    ? [a[1], a[0], b[1] - a[1], b[0] - a[0]]
    : [a[0], a[1], b[0] - a[0], b[1] - a[1]];
  const [uSize, vSize, uStride, vStride] = steep ? [height, width, width, 1] : [width, height, 1, width];
  const length = Math.sqrt(du * du + dv * dv);
  const inverseLengthSquared = 1 / (length * length || 1);
  const reach = line.halfWidth + 0.5;
  const reachSquared = reach * reach;
  // How far across the major axis the stroke reaches from the centre line (at least its radius, at caps).
  const spread = (reach * (length || 1)) / (Math.abs(du) || 1);
  const dashOn = line.dash ? line.dash[0] : 0;
  const period = line.dash ? line.dash[0] + line.dash[1] : 0;
  const first = Math.max(0, Math.floor(Math.min(au, au + du) - reach));
  const last = Math.min(uSize - 1, Math.ceil(Math.max(au, au + du) + reach));
  for (let u = first; u <= last; u++) {
    const pu = u + 0.5 - au;
    const centre = av + (du === 0 ? 0 : Math.min(1, Math.max(0, pu / du))) * dv;
    // Pixel centres (v + 0.5) within the spread.
    const from = Math.max(0, Math.ceil(centre - spread - 0.5));
    const to = Math.min(vSize - 1, Math.floor(centre + spread - 0.5));
    for (let v = from; v <= to; v++) {
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
      if (distanceSquared < reachSquared) {
        const value = Math.round(Math.min(1, reach - Math.sqrt(distanceSquared)) * 255);
        if (value > 0) cover(u * uStride + v * vStride, value);
      }
    }
  }
}

function strokePolyline(pixels: Pixels, line: PolylineDraw): void {
  const { width, height } = pixels;
  if (coverage.length < width * height) coverage = new Uint8Array(width * height);
  touchedCount = 0;
  for (const points of line.paths) {
    let travelled = 0;
    // A lone point still gets a segment (of length 0): it draws as a round dot, as librsvg would.
    const segments = Math.max(1, points.length / 2 - 1);
    for (let segment = 0; segment < segments; segment++) {
      const a = [points[segment * 2] ?? 0, points[segment * 2 + 1] ?? 0] as const;
      const b = [points[segment * 2 + 2] ?? a[0], points[segment * 2 + 3] ?? a[1]] as const;
      coverSegment(line, a, b, travelled, width, height);
      travelled += Math.sqrt((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2);
    }
  }
  const alpha = line.alpha / 255;
  for (let index = 0; index < touchedCount; index++) {
    const at = touched[index] as number;
    blendPixel(pixels, at, line.rgb, (coverage[at] as number) * alpha);
    coverage[at] = 0;
  }
}

function drawCircle(pixels: Pixels, circle: CircleDraw): void {
  const reach = circle.radius + (circle.stroke?.halfWidth ?? 0) + 1;
  const left = Math.max(0, Math.floor(circle.x - reach));
  const right = Math.min(pixels.width - 1, Math.ceil(circle.x + reach));
  const top = Math.max(0, Math.floor(circle.y - reach));
  const bottom = Math.min(pixels.height - 1, Math.ceil(circle.y + reach));
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const distance = Math.sqrt((x + 0.5 - circle.x) ** 2 + (y + 0.5 - circle.y) ** 2);
      const at = y * pixels.width + x;
      if (circle.fill) {
        const inside = Math.min(1, Math.max(0, circle.radius + 0.5 - distance));
        if (inside > 0) blendPixel(pixels, at, circle.fill.rgb, inside * circle.fill.alpha);
      }
      if (circle.stroke) {
        const ring = Math.min(
          1,
          Math.max(0, circle.stroke.halfWidth + 0.5 - Math.abs(distance - circle.radius)),
        );
        if (ring > 0) blendPixel(pixels, at, circle.stroke.rgb, ring * circle.stroke.alpha);
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
