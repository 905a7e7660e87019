/**
 * Fills SVG path shapes straight into the pixels: bars (Vega's rounded-corner rect paths included),
 * rectangles, legend swatches, straight rules and ticks (as the rectangles their butt-capped strokes
 * cover), and any other closed outline of lines, Béziers and arcs.
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

/**
 * The sub-paths of an SVG path's `d` as polylines in device pixels (`x`,`y` offset in path units, then
 * times `scale`), each with whether it was closed. Null when the path uses something not handled here
 * (smooth-curve shorthands) or is malformed, so the caller can leave it to librsvg.
 */
export function flattenPath(
  d: string,
  offsetX: number,
  offsetY: number,
  scale: number,
): { points: Float64Array; closed: boolean }[] | null {
  const tokens: (string | number)[] = [];
  for (const match of d.matchAll(COMMAND)) tokens.push(match[1] ?? Number(match[2]));
  const paths: { points: Float64Array; closed: boolean }[] = [];
  let current: number[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const tolerance = FLATNESS / scale;
  const finish = (closed: boolean) => {
    if (current.length > 0) {
      paths.push({
        points: Float64Array.from(current, (value, index) =>
          index % 2 === 0 ? (value + offsetX) * scale : (value + offsetY) * scale,
        ),
        closed,
      });
    }
    current = [];
  };
  const lineTo = (nextX: number, nextY: number) => {
    if (current.length === 0) current.push(x, y);
    current.push(nextX, nextY);
    x = nextX;
    y = nextY;
  };
  let index = 0;
  let command = "";
  while (index < tokens.length) {
    const token = tokens[index];
    if (typeof token === "string") {
      command = token;
      index++;
      if (command === "Z" || command === "z") {
        finish(true);
        x = startX;
        y = startY;
        continue;
      }
    } else if (command === "" || command === "Z" || command === "z") {
      return null;
    }
    const lower = command.toLowerCase();
    const count = ARGUMENTS[lower];
    if (count === undefined) return null;
    const values = tokens.slice(index, index + count);
    if (values.length < count || values.some((value) => typeof value !== "number")) return null;
    index += count;
    const numbers = values as number[];
    const relative = command === lower;
    const baseX = relative ? x : 0;
    const baseY = relative ? y : 0;
    const n = (at: number) => numbers[at] as number;
    switch (lower) {
      case "m":
        finish(false);
        x = baseX + n(0);
        y = baseY + n(1);
        startX = x;
        startY = y;
        current.push(x, y);
        // Further pairs after a moveto are linetos.
        command = relative ? "l" : "L";
        break;
      case "l":
        lineTo(baseX + n(0), baseY + n(1));
        break;
      case "h":
        lineTo(baseX + n(0), y);
        break;
      case "v":
        lineTo(x, baseY + n(0));
        break;
      case "c":
        cubic(x, y, baseX + n(0), baseY + n(1), baseX + n(2), baseY + n(3), baseX + n(4), baseY + n(5));
        break;
      case "q": {
        // A quadratic as the cubic it equals.
        const [qx, qy, endX, endY] = [baseX + n(0), baseY + n(1), baseX + n(2), baseY + n(3)];
        cubic(
          x,
          y,
          x + ((qx - x) * 2) / 3,
          y + ((qy - y) * 2) / 3,
          endX + ((qx - endX) * 2) / 3,
          endY + ((qy - endY) * 2) / 3,
          endX,
          endY,
        );
        break;
      }
      case "a":
        arc(n(0), n(1), n(2), n(3) !== 0, n(4) !== 0, baseX + n(5), baseY + n(6));
        break;
    }
  }
  finish(false);
  return paths;

  function cubic(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) {
    // Segments so that the chords stay within the tolerance (from the second differences' bound).
    const ddx = Math.max(Math.abs(x0 - 2 * x1 + x2), Math.abs(x1 - 2 * x2 + x3));
    const ddy = Math.max(Math.abs(y0 - 2 * y1 + y2), Math.abs(y1 - 2 * y2 + y3));
    const steps = Math.min(256, Math.max(1, Math.ceil(Math.sqrt((0.75 * Math.hypot(ddx, ddy)) / tolerance))));
    for (let step = 1; step <= steps; step++) {
      const t = step / steps;
      const u = 1 - t;
      const a = u * u * u;
      const b = 3 * u * u * t;
      const c = 3 * u * t * t;
      const e = t * t * t;
      lineTo(a * x0 + b * x1 + c * x2 + e * x3, a * y0 + b * y1 + c * y2 + e * y3);
    }
  }

  /** An elliptical arc, from SVG's endpoint form to centre form (SVG 1.1 appendix F.6), flattened. */
  function arc(rxIn: number, ryIn: number, rotation: number, large: boolean, sweep: boolean, endX: number, endY: number) {
    let rx = Math.abs(rxIn);
    let ry = Math.abs(ryIn);
    if (rx === 0 || ry === 0 || (endX === x && endY === y)) {
      if (endX !== x || endY !== y) lineTo(endX, endY);
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
    const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    const start = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
    let delta = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
    if (!sweep && delta > 0) delta -= 2 * Math.PI;
    if (sweep && delta < 0) delta += 2 * Math.PI;
    const radius = Math.max(rx, ry);
    const step = 2 * Math.acos(Math.max(-1, 1 - tolerance / radius));
    const steps = Math.min(1024, Math.max(2, Math.ceil(Math.abs(delta) / (step || 1))));
    for (let index = 1; index <= steps; index++) {
      if (index === steps) {
        lineTo(endX, endY);
        break;
      }
      const theta = start + (delta * index) / steps;
      const ex = rx * Math.cos(theta);
      const ey = ry * Math.sin(theta);
      lineTo(cos * ex - sin * ey + cx, sin * ex + cos * ey + cy);
    }
  }
}

/**
 * The area a straight butt-capped stroke covers, as quadrilaterals: one per dash (or one for a solid
 * stroke). `dash` holds on/off lengths in device pixels, or is null.
 */
export function strokeSegmentPolygons(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  halfWidth: number,
  dash: readonly number[] | null,
): Polygon[] {
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (length === 0) return [];
  const ux = (x1 - x0) / length;
  const uy = (y1 - y0) / length;
  const quad = (from: number, to: number) =>
    Float64Array.of(
      x0 + ux * from + uy * halfWidth,
      y0 + uy * from - ux * halfWidth,
      x0 + ux * to + uy * halfWidth,
      y0 + uy * to - ux * halfWidth,
      x0 + ux * to - uy * halfWidth,
      y0 + uy * to + ux * halfWidth,
      x0 + ux * from - uy * halfWidth,
      y0 + uy * from + ux * halfWidth,
    );
  if (!dash) return [quad(0, length)];
  const quads: Polygon[] = [];
  let at = 0;
  for (let index = 0; at < length; index = (index + 1) % dash.length) {
    const part = dash[index] as number;
    if (index % 2 === 0 && part > 0) quads.push(quad(at, Math.min(length, at + part)));
    at += part;
  }
  return quads;
}

/** Signed-area accumulation buffer, reused across fills (one row of `stride` cells per pixel row). */
let accumulation = new Float32Array(0);

function add(at: number, value: number): void {
  accumulation[at] = (accumulation[at] as number) + value;
}

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
  const [ax, ay, bx, by] = y0 < y1 ? [x0, y0, x1, y1] : [x1, y1, x0, y0];
  const slope = (bx - ax) / (by - ay);
  const top = Math.max(0, Math.floor(ay));
  const bottom = Math.min(height, Math.ceil(by));
  let x = ax + (Math.max(ay, top) - ay) * slope;
  for (let row = top; row < bottom; row++) {
    const dy = Math.min(row + 1, by) - Math.max(row, ay);
    if (dy <= 0) continue;
    const xNext = x + slope * dy;
    const d = dy * direction;
    const [left, right] = x < xNext ? [x, xNext] : [xNext, x];
    const leftFloor = Math.floor(left);
    const rightCeil = Math.ceil(right);
    const line = row * stride;
    if (rightCeil <= leftFloor + 1) {
      const middle = (x + xNext) / 2 - leftFloor;
      add(line + leftFloor, d - d * middle);
      add(line + leftFloor + 1, d * middle);
    } else {
      const inverse = 1 / (right - left);
      const leftFraction = left - leftFloor;
      const firstArea = 0.5 * inverse * (1 - leftFraction) * (1 - leftFraction);
      const rightFraction = right - rightCeil + 1;
      const lastArea = 0.5 * inverse * rightFraction * rightFraction;
      add(line + leftFloor, d * firstArea);
      if (rightCeil === leftFloor + 2) {
        add(line + leftFloor + 1, d * (1 - firstArea - lastArea));
      } else {
        const second = inverse * (1.5 - leftFraction);
        add(line + leftFloor + 1, d * (second - firstArea));
        for (let column = leftFloor + 2; column < rightCeil - 1; column++) add(line + column, d * inverse);
        const beforeLast = second + (rightCeil - leftFloor - 3) * inverse;
        add(line + rightCeil - 1, d * (1 - beforeLast - lastArea));
      }
      add(line + rightCeil, d * lastArea);
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
  const crossings: number[] = [];
  for (const bound of [0, width]) {
    if ((x0 - bound) * (x1 - bound) < 0) crossings.push((bound - x0) / (x1 - x0));
  }
  crossings.sort((a, b) => a - b);
  let fromX = x0;
  let fromY = y0;
  for (const t of [...crossings, 1]) {
    const toX = t === 1 ? x1 : x0 + (x1 - x0) * t;
    const toY = t === 1 ? y1 : y0 + (y1 - y0) * t;
    const clamp = (value: number) => Math.min(width, Math.max(0, value));
    accumulateEdge(clamp(fromX), fromY, clamp(toX), toY, stride, height);
    fromX = toX;
    fromY = toY;
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
  for (let row = 0; row < height; row++) {
    const line = row * stride;
    let at = ((top + row) * pixels.width + left) * channels;
    let sum = 0;
    for (let column = 0; column < width; column++, at += channels) {
      sum += accumulation[line + column] as number;
      accumulation[line + column] = 0;
      const coverage = sum < 0 ? -sum : sum;
      if (coverage < 0.001) continue;
      if (coverage >= 0.999 && opaque) {
        data[at] = red;
        data[at + 1] = green;
        data[at + 2] = blue;
        continue;
      }
      const amount = (coverage > 1 ? 1 : coverage) * alpha;
      const r = data[at] as number;
      const g = data[at + 1] as number;
      const b = data[at + 2] as number;
      data[at] = r + (red - r) * amount + 0.5;
      data[at + 1] = g + (green - g) * amount + 0.5;
      data[at + 2] = b + (blue - b) * amount + 0.5;
    }
    accumulation[line + width] = 0;
    accumulation[line + width + 1] = 0;
  }
}
