/**
 * Fills SVG path shapes straight into the pixels: bars (Vega's rounded-corner rect paths included),
 * rectangles, legend swatches, any other outline of lines, Béziers and arcs, and the outlines of strokes
 * (stroke-path.ts): rules, ticks and grid lines are the rectangles their butt-capped strokes cover.
 *
 * Coverage is the exact area of each pixel inside the outline (signed-area accumulation, as in font-rs
 * and stb_truetype): curves are flattened finely enough (a fiftieth of a pixel) that the result differs
 * from librsvg's only in the last bit of anti-aliasing at the edges.
 */
import type { Pixels, Rgb } from "./pixels.js";

/** A closed outline as device-pixel x,y pairs (the closing edge back to the first point is implied). */
export type Polygon = Float64Array;

/** Largest distance allowed between a curve and the chords drawn for it, in device pixels. */
const FLATNESS = 0.02;

const COMMAND = /([MmLlHhVvCcSsQqTtAaZz])|([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/g;
const ARGUMENTS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, q: 4, a: 7, z: 0 };

export interface FlatPath {
  /** x,y pairs in device pixels. */
  readonly points: Float64Array;
  readonly closed: boolean;
}

/** Builds flattened sub-paths point by point (in path units until `finish` places them on the canvas). */
class Flattener {
  readonly paths: FlatPath[] = [];
  private current: number[] = [];
  x = 0;
  y = 0;
  startX = 0;
  startY = 0;

  constructor(
    private readonly offsetX: number,
    private readonly offsetY: number,
    private readonly scale: number,
    /** FLATNESS in path units. */
    private readonly tolerance: number,
  ) {}

  finish(closed: boolean): void {
    const { current, offsetX, offsetY, scale } = this;
    if (current.length > 0) {
      const points = new Float64Array(current.length);
      for (let index = 0; index < current.length; index += 2) {
        points[index] = ((current[index] as number) + offsetX) * scale;
        points[index + 1] = ((current[index + 1] as number) + offsetY) * scale;
      }
      this.paths.push({ points, closed });
    }
    this.current = [];
  }

  moveTo(x: number, y: number): void {
    this.finish(false);
    this.x = x;
    this.y = y;
    this.startX = x;
    this.startY = y;
    this.current.push(x, y);
  }

  lineTo(x: number, y: number): void {
    if (this.current.length === 0) this.current.push(this.x, this.y);
    this.current.push(x, y);
    this.x = x;
    this.y = y;
  }

  close(): void {
    this.finish(true);
    this.x = this.startX;
    this.y = this.startY;
  }

  cubic(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): void {
    const { x: x0, y: y0 } = this;
    // Segments so that the chords stay within the tolerance (from the second differences' bound).
    const ddx = Math.max(Math.abs(x0 - 2 * x1 + x2), Math.abs(x1 - 2 * x2 + x3));
    const ddy = Math.max(Math.abs(y0 - 2 * y1 + y2), Math.abs(y1 - 2 * y2 + y3));
    const steps = Math.min(
      256,
      Math.max(1, Math.ceil(Math.sqrt((0.75 * Math.hypot(ddx, ddy)) / this.tolerance))),
    );
    for (let step = 1; step <= steps; step++) {
      const t = step / steps;
      const u = 1 - t;
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const e = t * t * t;
      this.lineTo(a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3);
    }
  }

  quadratic(qx: number, qy: number, x: number, y: number): void {
    // A quadratic as the cubic it equals.
    const { x: x0, y: y0 } = this;
    this.cubic(
      x0 + ((qx - x0) * 2) / 3,
      y0 + ((qy - y0) * 2) / 3,
      x + ((qx - x) * 2) / 3,
      y + ((qy - y) * 2) / 3,
      x,
      y,
    );
  }

  /** An elliptical arc, from SVG's endpoint form to centre form (SVG 1.1 appendix F.6), flattened. */
  arc(
    rxIn: number,
    ryIn: number,
    rotation: number,
    large: boolean,
    sweep: boolean,
    endX: number,
    endY: number,
  ) {
    const { x, y } = this;
    let rx = Math.abs(rxIn);
    let ry = Math.abs(ryIn);
    if (rx === 0 || ry === 0 || (endX === x && endY === y)) {
      if (endX !== x || endY !== y) this.lineTo(endX, endY);
      return;
    }
    const phi = (rotation * Math.PI) / 180;
    const cos = Math.cos(phi);
    const sin = Math.sin(phi);
    const dx = (x - endX) / 2;
    const dy = (y - endY) / 2;
    const x1 = cos * dx + sin * dy;
    const y1 = -sin * dx + cos * dy;
    const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
    if (lambda > 1) {
      rx *= Math.sqrt(lambda);
      ry *= Math.sqrt(lambda);
    }
    const numerator = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
    const denominator = rx * rx * y1 * y1 + ry * ry * x1 * x1;
    const root = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, numerator / denominator));
    const cx1 = (root * rx * y1) / ry;
    const cy1 = (-root * ry * x1) / rx;
    const cx = cos * cx1 - sin * cy1 + (x + endX) / 2;
    const cy = sin * cx1 + cos * cy1 + (y + endY) / 2;
    const start = vectorAngle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
    let delta = vectorAngle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
    if (!sweep && delta > 0) delta -= 2 * Math.PI;
    if (sweep && delta < 0) delta += 2 * Math.PI;
    const step = 2 * Math.acos(Math.max(-1, 1 - this.tolerance / Math.max(rx, ry)));
    const steps = Math.min(1024, Math.max(2, Math.ceil(Math.abs(delta) / (step || 1))));
    for (let index = 1; index < steps; index++) {
      const theta = start + (delta * index) / steps;
      const ex = rx * Math.cos(theta);
      const ey = ry * Math.sin(theta);
      this.lineTo(cos * ex - sin * ey + cx, sin * ex + cos * ey + cy);
    }
    this.lineTo(endX, endY);
  }
}

function vectorAngle(ux: number, uy: number, vx: number, vy: number): number {
  return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
}

/**
 * The sub-paths of an SVG path's `d` as polylines in device pixels (`x`,`y` offset in path units, then
 * times `scale`), each with whether it was closed. Null when the path uses something not handled here
 * (smooth-curve shorthands) or is malformed, so the caller can leave it to librsvg.
 */
export function flattenPath(d: string, offsetX: number, offsetY: number, scale: number): FlatPath[] | null {
  const tokens: (string | number)[] = [];
  for (const match of d.matchAll(COMMAND)) tokens.push(match[1] ?? Number(match[2]));
  const path = new Flattener(offsetX, offsetY, scale, FLATNESS / scale);
  let index = 0;
  let command = "";
  while (index < tokens.length) {
    const token = tokens[index];
    if (typeof token === "string") {
      command = token;
      index++;
      if (command === "Z" || command === "z") {
        path.close();
        continue;
      }
    } else if (command === "" || command === "Z" || command === "z") {
      return null;
    }
    const lower = command.toLowerCase();
    const count = ARGUMENTS[lower];
    if (count === undefined) return null;
    if (index + count > tokens.length) return null;
    const values: number[] = [];
    for (let at = index; at < index + count; at++) {
      const value = tokens[at];
      if (typeof value !== "number") return null;
      values.push(value);
    }
    index += count;
    const n = (at: number) => values[at] as number;
    const relative = command === lower;
    const baseX = relative ? path.x : 0;
    const baseY = relative ? path.y : 0;
    if (lower === "m") {
      path.moveTo(baseX + n(0), baseY + n(1));
      // Further pairs after a moveto are linetos.
      command = relative ? "l" : "L";
    } else if (lower === "l") path.lineTo(baseX + n(0), baseY + n(1));
    else if (lower === "h") path.lineTo(baseX + n(0), path.y);
    else if (lower === "v") path.lineTo(path.x, baseY + n(0));
    else if (lower === "c")
      path.cubic(baseX + n(0), baseY + n(1), baseX + n(2), baseY + n(3), baseX + n(4), baseY + n(5));
    else if (lower === "q") path.quadratic(baseX + n(0), baseY + n(1), baseX + n(2), baseY + n(3));
    else {
      // Flags run together ("0,11,5") would have been read as one number: leave such paths to librsvg.
      if ((n(3) !== 0 && n(3) !== 1) || (n(4) !== 0 && n(4) !== 1)) return null;
      path.arc(n(0), n(1), n(2), n(3) === 1, n(4) === 1, baseX + n(5), baseY + n(6));
    }
  }
  path.finish(false);
  return path.paths;
}

/** Signed-area accumulation buffer, reused across fills (one row of `stride` cells per pixel row). */
let accumulation = new Float32Array(0);

/**
 * Adds one edge's signed area to the accumulation buffer (font-rs's line rasteriser), for a box of
 * `width` x `height` pixels. x must already lie within [0, width].
 */
function accumulateEdge(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  stride: number,
  height: number,
): void {
  if (y0 === y1) return;
  const direction = y0 < y1 ? 1 : -1;
  const ax = y0 < y1 ? x0 : x1;
  const ay = Math.min(y0, y1);
  const bx = y0 < y1 ? x1 : x0;
  const by = Math.max(y0, y1);
  const cells = accumulation;
  const slope = (bx - ax) / (by - ay);
  const top = Math.max(0, Math.floor(ay));
  const bottom = Math.min(height, Math.ceil(by));
  let x = ax + (Math.max(ay, top) - ay) * slope;
  for (let row = top; row < bottom; row++) {
    const dy = Math.min(row + 1, by) - Math.max(row, ay);
    if (dy <= 0) continue;
    const xNext = x + slope * dy;
    const d = dy * direction;
    const left = Math.min(x, xNext);
    const right = Math.max(x, xNext);
    const leftFloor = Math.floor(left);
    const rightCeil = Math.ceil(right);
    const line = row * stride;
    if (rightCeil <= leftFloor + 1) {
      const middle = (x + xNext) / 2 - leftFloor;
      cells[line + leftFloor] = (cells[line + leftFloor] as number) + (d - d * middle);
      cells[line + leftFloor + 1] = (cells[line + leftFloor + 1] as number) + d * middle;
    } else {
      const inverse = 1 / (right - left);
      const leftFraction = left - leftFloor;
      const firstArea = 0.5 * inverse * (1 - leftFraction) * (1 - leftFraction);
      const rightFraction = right - rightCeil + 1;
      const lastArea = 0.5 * inverse * rightFraction * rightFraction;
      cells[line + leftFloor] = (cells[line + leftFloor] as number) + d * firstArea;
      if (rightCeil === leftFloor + 2) {
        cells[line + leftFloor + 1] =
          (cells[line + leftFloor + 1] as number) + d * (1 - firstArea - lastArea);
      } else {
        const second = inverse * (1.5 - leftFraction);
        cells[line + leftFloor + 1] = (cells[line + leftFloor + 1] as number) + d * (second - firstArea);
        for (let column = leftFloor + 2; column < rightCeil - 1; column++)
          cells[line + column] = (cells[line + column] as number) + d * inverse;
        const beforeLast = second + (rightCeil - leftFloor - 3) * inverse;
        cells[line + rightCeil - 1] =
          (cells[line + rightCeil - 1] as number) + d * (1 - beforeLast - lastArea);
      }
      cells[line + rightCeil] = (cells[line + rightCeil] as number) + d * lastArea;
    }
    x = xNext;
  }
}

/**
 * Fills polygons with the nonzero rule (overlapping polygons of one call add up, capped at full
 * coverage: they must all turn the same way, as one outline's sub-paths or a stroke's pieces do), painting
 * `rgb` over the pixels at `alpha` times each pixel's coverage.
 */
export function fillPolygons(pixels: Pixels, polygons: readonly Polygon[], rgb: Rgb, alpha: number): void {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons) {
    for (let index = 0; index < polygon.length; index += 2) {
      const px = polygon[index] as number;
      const py = polygon[index + 1] as number;
      if (px < minX) minX = px;
      if (px > maxX) maxX = px;
      if (py < minY) minY = py;
      if (py > maxY) maxY = py;
    }
  }
  const left = Math.max(0, Math.floor(minX));
  const top = Math.max(0, Math.floor(minY));
  const right = Math.min(pixels.width, Math.ceil(maxX));
  const bottom = Math.min(pixels.height, Math.ceil(maxY));
  if (!(right > left && bottom > top) || alpha <= 0) return;
  const width = right - left;
  const height = bottom - top;
  const stride = width + 2;
  if (accumulation.length < stride * height) accumulation = new Float32Array(stride * height);
  for (const polygon of polygons) {
    const count = polygon.length / 2;
    for (let index = 0; index < count; index++) {
      const next = (index + 1) % count;
      addEdge(
        (polygon[index * 2] as number) - left,
        (polygon[index * 2 + 1] as number) - top,
        (polygon[next * 2] as number) - left,
        (polygon[next * 2 + 1] as number) - top,
        width,
        stride,
        height,
      );
    }
  }
  paintAccumulated(pixels, left, top, width, height, stride, rgb, alpha);
}

/**
 * Adds an edge, with the parts left or right of the box moved onto its side: they still count towards
 * the winding of the pixels beside them, while nothing outside the box is written.
 */
function addEdge(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  width: number,
  stride: number,
  height: number,
): void {
  if (y0 === y1) return;
  // Split where the edge crosses the box's left (x = 0) and right (x = width) sides.
  let t0 = (0 - x0) / (x1 - x0);
  let t1 = (width - x0) / (x1 - x0);
  if (!(t0 > 0 && t0 < 1)) t0 = 1;
  if (!(t1 > 0 && t1 < 1)) t1 = 1;
  const first = Math.min(t0, t1);
  const second = Math.max(t0, t1);
  let fromX = x0;
  let fromY = y0;
  for (const t of [first, second, 1]) {
    const toX = t === 1 ? x1 : x0 + (x1 - x0) * t;
    const toY = t === 1 ? y1 : y0 + (y1 - y0) * t;
    accumulateEdge(
      Math.min(width, Math.max(0, fromX)),
      fromY,
      Math.min(width, Math.max(0, toX)),
      toY,
      stride,
      height,
    );
    fromX = toX;
    fromY = toY;
    if (t === 1) break;
  }
}

function paintAccumulated(
  pixels: Pixels,
  left: number,
  top: number,
  width: number,
  height: number,
  stride: number,
  rgb: Rgb,
  alpha: number,
): void {
  const { data, channels } = pixels;
  const [red, green, blue] = rgb;
  const opaque = alpha >= 1;
  const cells = accumulation;
  for (let row = 0; row < height; row++) {
    const line = row * stride;
    const rowStart = ((top + row) * pixels.width + left) * channels;
    let sum = 0;
    let column = 0;
    while (column < width) {
      const cell = cells[line + column] as number;
      if (cell !== 0) {
        sum += cell;
        cells[line + column] = 0;
      }
      const coverage = Math.abs(sum);
      // Coverage only changes at cells an edge touched: between them it runs unchanged, and a run
      // outside the shape is skipped, a run fully inside an opaque shape filled in one go.
      if (coverage < 0.001 || (coverage >= 0.999 && opaque)) {
        let end = column + 1;
        while (end < width && cells[line + end] === 0) end++;
        if (coverage >= 0.001) fillRun(data, rowStart + column * channels, end - column, channels, rgb);
        column = end;
        continue;
      }
      const at = rowStart + column * channels;
      const amount = Math.min(coverage, 1) * alpha;
      const r = data[at] as number;
      const g = data[at + 1] as number;
      const b = data[at + 2] as number;
      data[at] = (r + (red - r) * amount + 0.5) | 0;
      data[at + 1] = (g + (green - g) * amount + 0.5) | 0;
      data[at + 2] = (b + (blue - b) * amount + 0.5) | 0;
      column++;
    }
    cells[line + width] = 0;
    cells[line + width + 1] = 0;
  }
}

/** Paints `count` pixels from byte `at` in one colour: one pixel, then copies doubling in length. */
function fillRun(data: Uint8Array, at: number, count: number, channels: number, rgb: Rgb): void {
  if (count < 16 && channels === 3) {
    for (let index = 0; index < count; index++, at += 3) {
      data[at] = rgb[0];
      data[at + 1] = rgb[1];
      data[at + 2] = rgb[2];
    }
    return;
  }
  data[at] = rgb[0];
  data[at + 1] = rgb[1];
  data[at + 2] = rgb[2];
  if (channels === 4) data[at + 3] = 255;
  const end = at + count * channels;
  let filled = channels;
  while (at + filled < end) {
    const length = Math.min(filled, end - at - filled);
    data.copyWithin(at + filled, at, at + length);
    filled += length;
  }
}
