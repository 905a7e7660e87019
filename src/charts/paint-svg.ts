/**
 * Paints a whole Vega SVG into raw pixels without librsvg, when every element in it is something this
 * module can draw: the background, rectangles and bars (rounded corners too) and other filled outlines,
 * straight rules, ticks and grid lines, line marks with round caps and joins, circle symbols, and text
 * along any quarter turn. Elements are painted strictly in document order, as an SVG renderer would.
 *
 * Anything else (clipping, gradients, images, non-translate transforms on shapes, strokes with joins
 * this module does not draw, colours it cannot read) makes planPaint return the reason instead, and the
 * caller hands the chart to librsvg. Empty Vega groups and invisible elements cost nothing either way.
 */
import {
  type CircleDraw,
  circleDraw,
  dashesOf,
  drawCircle,
  number,
  type PolylineDraw,
  paint,
  placeOf,
  polylineDraw,
  strokePolyline,
} from "./draw-shapes.js";
import { drawGlyphs, prepareTexts, rasterPlacement, type TextPlacement } from "./draw-text.js";
import { type FlatPath, fillPolygons, flattenPath, type Polygon } from "./fill-path.js";
import { type Pixels, parseColor, type Rgb } from "./pixels.js";
import { type StrokeStyle, strokeOutline } from "./stroke-path.js";
import type { ScannedSvg, SvgShape, SvgText } from "./svg-scan.js";

export type PaintOp =
  | {
      readonly kind: "fill";
      readonly polygons: readonly Polygon[];
      readonly rgb: Rgb;
      readonly alpha: number;
    }
  | { readonly kind: "polyline"; readonly draw: PolylineDraw }
  | { readonly kind: "circle"; readonly draw: CircleDraw }
  | { readonly kind: "text"; readonly placement: TextPlacement };

export interface PaintPlan {
  /** The opaque colour the whole canvas starts as (Vega's background rect). */
  readonly background: Rgb;
  /** The background's size in SVG units: the canvas, at the pixel ratio, must not be larger. */
  readonly size: { readonly width: number; readonly height: number };
  readonly ops: readonly PaintOp[];
}

/** Why a chart must go to librsvg. */
export interface Unpaintable {
  readonly unsupported: string;
}

/** Attributes that change nothing about an element's pixels. */
const INERT = /^(class|role|pointer-events|aria-[\w-]+|font-family|font-style|font-variant)$/;
const SHAPE_ATTRIBUTES = new Set([
  "d",
  "transform",
  "x",
  "y",
  "width",
  "height",
  "x2",
  "y2",
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-opacity",
  "stroke-width",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-dasharray",
  "stroke-miterlimit",
  "opacity",
  "display",
]);
const TEXT_ATTRIBUTES = new Set([
  "text-anchor",
  "transform",
  "font-size",
  "font-weight",
  "fill",
  "fill-opacity",
  "opacity",
]);

class Unsupported extends Error {}

function refuse(reason: string): never {
  throw new Unsupported(reason);
}

/** Attributes read as plain numbers: anything else ("2px", "50%") is for librsvg to interpret. */
const NUMERIC = new Set([
  "x",
  "y",
  "width",
  "height",
  "x2",
  "y2",
  "stroke-width",
  "stroke-miterlimit",
  "opacity",
  "fill-opacity",
  "stroke-opacity",
]);

function checkAttributes(attributes: ReadonlyMap<string, string>, known: ReadonlySet<string>): void {
  for (const [name, value] of attributes) {
    if (!known.has(name) && !INERT.test(name)) refuse(`attribute ${name}`);
    if (NUMERIC.has(name) && (value.trim() === "" || !Number.isFinite(Number(value))))
      refuse(`${name}="${value}"`);
  }
}

/** The effective value of a presentation attribute: the element's own, else its groups'. */
function effective(element: SvgShape | SvgText, name: string): string | undefined {
  return element.attributes.get(name) ?? element.inherited.get(name);
}

/** Fill and stroke of a shape, as SVG resolves them (fill defaults to black, stroke to none). */
function paints(shape: SvgShape) {
  // The fill may come from a group (or be SVG's default black); paint() reads the element's own.
  const fillValue = effective(shape, "fill") ?? "black";
  const attributes =
    shape.attributes.get("fill") === fillValue
      ? shape.attributes
      : new Map(shape.attributes).set("fill", fillValue);
  const known = (name: "fill" | "stroke") => {
    const value = attributes.get(name);
    const found = paint(attributes, name, false);
    if (value && value !== "none" && value !== "transparent" && !found) refuse(`${name} ${value}`);
    return found && found.alpha > 0 ? found : null;
  };
  const fill = known("fill");
  const stroke = known("stroke");
  const width = number(shape.attributes, "stroke-width", 1);
  return {
    fill,
    stroke: width > 0 ? stroke : null,
    width,
    opacity: number(shape.attributes, "opacity", 1),
    /** The shape with its fill resolved, for the drawing helpers that read only its own attributes. */
    resolved: attributes === shape.attributes ? shape : { ...shape, attributes },
  };
}

function rectOutline(x: number, y: number, width: number, height: number): Float64Array {
  return Float64Array.of(x, y, x + width, y, x + width, y + height, x, y + height);
}

function planShape(shape: SvgShape, scale: number, ops: PaintOp[]): void {
  checkAttributes(shape.attributes, SHAPE_ATTRIBUTES);
  if (shape.attributes.get("display") === "none") return;
  const place = placeOf(shape);
  if (!place) refuse(`transform ${shape.attributes.get("transform")}`);
  const { fill, stroke, width, opacity, resolved } = paints(shape);
  if (!fill && !stroke) return;
  const halfWidth = (width * scale) / 2;
  const dash = dashesOf(shape.attributes, scale);
  const cap = shape.attributes.get("stroke-linecap") ?? "butt";
  const join = shape.attributes.get("stroke-linejoin") ?? "miter";
  // Circle symbols have their own drawing, but not for dashed outlines.
  const circle = shape.tag === "path" && !(stroke && dash) ? circleDraw(resolved, scale) : null;
  if (fill && stroke && opacity < 1 && !circle) {
    // Fill and stroke of one element are composited together before its opacity applies; only circles
    // (drawCircle) do that here.
    refuse("translucent fill and stroke");
  }
  const fillOp = (polygons: Polygon[]) => {
    if (fill) ops.push({ kind: "fill", polygons, rgb: fill.rgb, alpha: fill.alpha * opacity });
  };
  const strokeOp = (paths: FlatPath[]) => {
    if (!stroke) return;
    if (!["butt", "round", "square"].includes(cap) || !["miter", "round", "bevel"].includes(join))
      refuse(`stroke ${cap} ${join}`);
    const style: StrokeStyle = {
      halfWidth,
      dash,
      cap: cap as StrokeStyle["cap"],
      join: join as StrokeStyle["join"],
      miterLimit: Number(effective(shape, "stroke-miterlimit") ?? 4),
    };
    ops.push({
      kind: "fill",
      polygons: strokeOutline(paths, style),
      rgb: stroke.rgb,
      alpha: stroke.alpha * opacity,
    });
  };
  /** Round caps and joins on straight segments: the stroker that takes the brightest of overlaps. */
  const roundStroke = (line: PolylineDraw | null) => {
    if (!line || (dash && (!line.dash || dash.length !== 2))) return false;
    ops.push({ kind: "polyline", draw: line });
    return true;
  };

  if (shape.tag === "rect") {
    if (shape.attributes.has("d") || shape.attributes.has("x2")) refuse("rect attributes");
    const [x, y] = [
      (place.x + number(shape.attributes, "x", 0)) * scale,
      (place.y + number(shape.attributes, "y", 0)) * scale,
    ];
    const [w, h] = [
      number(shape.attributes, "width", 0) * scale,
      number(shape.attributes, "height", 0) * scale,
    ];
    if (w <= 0 || h <= 0) return;
    const outline = rectOutline(x, y, w, h);
    fillOp([outline]);
    strokeOp([{ points: outline, closed: true }]);
    return;
  }

  if (shape.tag === "line") {
    if (!stroke) return;
    const points = Float64Array.of(
      place.x * scale,
      place.y * scale,
      (place.x + number(shape.attributes, "x2", 0)) * scale,
      (place.y + number(shape.attributes, "y2", 0)) * scale,
    );
    const round: PolylineDraw = {
      kind: "polyline",
      paths: [points],
      halfWidth,
      rgb: stroke.rgb,
      alpha: stroke.alpha * opacity,
      dash: dash?.length === 2 ? [dash[0] as number, dash[1] as number] : null,
    };
    if (!(cap === "round" && roundStroke(round))) strokeOp([{ points, closed: false }]);
    return;
  }

  if (circle) {
    ops.push({ kind: "circle", draw: circle });
    return;
  }
  const d = shape.attributes.get("d") ?? "";
  // Flattened only when needed: a line mark's thousand points go straight to polylineDraw.
  let flat: FlatPath[] | null = null;
  const outline = () => {
    flat ??= flattenPath(d, place.x, place.y, scale);
    return flat ?? refuse(`path ${d.slice(0, 40)}`);
  };
  if (fill)
    fillOp(
      outline()
        .map((path) => path.points)
        .filter((points) => points.length >= 6),
    );
  if (!stroke) return;
  // polylineDraw strokes only unfilled paths; the fill is already planned.
  const unfilled = { ...shape, attributes: new Map(shape.attributes).set("fill", "none") };
  if (cap === "round" && join === "round" && roundStroke(polylineDraw(unfilled, scale))) return;
  strokeOp(outline());
}

function planText(text: SvgText, scale: number, ops: PaintOp[]): void {
  checkAttributes(text.attributes, TEXT_ATTRIBUTES);
  const fill = effective(text, "fill") ?? "black";
  if (text.attributes.get("opacity") === "0" || fill === "none" || fill === "transparent") return;
  if (text.lines.every((line) => line.text === "")) return;
  const rgb = parseColor(fill);
  const placement = rasterPlacement(text, scale);
  if (!placement || !rgb) refuse(`text ${text.attributes.get("transform")} ${fill}`);
  // rasterPlacement reads the element's own fill only; SVG lets it come from a group too.
  ops.push({ kind: "text", placement: { ...placement, rgb } });
}

/**
 * Everything needed to paint the SVG, in painting order, or the reason it cannot be painted here. `scale`
 * is the ratio of device pixels to the SVG's user units (the pixel ratio Vega was asked for).
 */
export function planPaint(scan: ScannedSvg, scale: number): PaintPlan | Unpaintable {
  if (scan.unsupported.length > 0) return { unsupported: scan.unsupported[0] ?? "" };
  const elements = [...scan.shapes, ...scan.texts].sort((a, b) => a.start - b.start);
  const [first, ...rest] = elements;
  // The canvas must start opaque: Vega's background rect (it covers the view), in a solid colour.
  const plain =
    first && "tag" in first && first.tag === "rect" && first.origin?.x === 0 && first.origin.y === 0;
  if (!plain || [...first.attributes.keys()].some((name) => !["width", "height", "fill"].includes(name)))
    return { unsupported: "no opaque background rect" };
  const background = parseColor(first.attributes.get("fill") ?? "");
  if (!background) return { unsupported: `background ${first.attributes.get("fill")}` };
  const size = { width: number(first.attributes, "width", 0), height: number(first.attributes, "height", 0) };
  const ops: PaintOp[] = [];
  try {
    for (const element of rest) {
      if ("tag" in element) planShape(element, scale, ops);
      else planText(element, scale, ops);
    }
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
  return { background, size, ops };
}

export function isPaintable(plan: PaintPlan | Unpaintable): plan is PaintPlan {
  return "ops" in plan;
}

/**
 * A canvas buffer kept between renders: a fresh 6 MB array costs a millisecond of page faults and
 * zeroing before it is even filled. Taken by one render at a time; a render finding it taken allocates.
 */
let spare: Uint8Array | null = null;

/**
 * Paints a plan into an RGB canvas of the given device size and hands it to `use` (the PNG encoder); the
 * pixels are only valid until `use` settles.
 */
export async function paintPlan<T>(
  plan: PaintPlan,
  width: number,
  height: number,
  use: (pixels: Pixels) => Promise<T>,
): Promise<T> {
  const channels = 3;
  const length = width * height * channels;
  const buffer = spare && spare.length >= length ? spare : new Uint8Array(length);
  if (buffer === spare) spare = null;
  try {
    const data = buffer.subarray(0, length);
    const [red, green, blue] = plan.background;
    if (red === green && green === blue) data.fill(red);
    else for (let at = 0; at < length; at += 3) data.set(plan.background, at);
    const pixels: Pixels = { data, width, height, channels };
    const texts = plan.ops.flatMap((op) => (op.kind === "text" ? [op.placement] : []));
    const glyphs = await prepareTexts(texts);
    let text = 0;
    for (const op of plan.ops) {
      if (op.kind === "fill") fillPolygons(pixels, op.polygons, op.rgb, op.alpha);
      else if (op.kind === "polyline") strokePolyline(pixels, op.draw);
      else if (op.kind === "circle") drawCircle(pixels, op.draw);
      else drawGlyphs(pixels, glyphs[text++] ?? []);
    }
    return await use(pixels);
  } finally {
    if (!spare || spare.length < buffer.length) spare = buffer;
  }
}
