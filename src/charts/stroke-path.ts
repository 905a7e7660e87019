/**
 * The outline of a stroke, as polygons fill-path.ts fills: each dash (or each whole sub-path) becomes one
 * polygon running along one side of the centre line and back along the other, with the joins and caps
 * SVG asks for. A closed sub-path without dashes becomes a ring: its outer and inner loops turn opposite
 * ways, so the nonzero rule leaves the middle empty.
 *
 * Filling the outline gives each pixel its exact covered area, so a dashed frame drawn here matches
 * librsvg's up to the last bit of anti-aliasing. Curves must already be flattened (fill-path.ts).
 */
import type { FlatPath, Polygon } from "./fill-path.js";

export interface StrokeStyle {
  /** Half the stroke width, in device pixels. */
  readonly halfWidth: number;
  /** On/off lengths in device pixels (an even count), or null for a solid stroke. */
  readonly dash: readonly number[] | null;
  readonly cap: "butt" | "round" | "square";
  readonly join: "miter" | "round" | "bevel";
  readonly miterLimit: number;
}

/** Chord count for a half turn of a round join or cap: fine enough for a stroke a few pixels wide. */
const ROUND_STEPS = 16;

type Point = readonly [number, number];

/** The points of a flattened sub-path without repeats (a repeated point has no direction to join). */
function distinctPoints(path: FlatPath): Point[] {
  const points: Point[] = [];
  for (let index = 0; index < path.points.length; index += 2) {
    const point: Point = [path.points[index] as number, path.points[index + 1] as number];
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  if (path.closed && points.length > 1) {
    const [first, last] = [points[0] as Point, points[points.length - 1] as Point];
    if (first[0] === last[0] && first[1] === last[1]) points.pop();
  }
  return points;
}

/** Splits a polyline into its dashes (each a polyline), following the pattern along its length. */
function dashes(points: readonly Point[], closed: boolean, pattern: readonly number[]): Point[][] {
  const route = closed ? [...points, points[0] as Point] : [...points];
  const pieces: Point[][] = [];
  let index = 0;
  let left = pattern[0] as number;
  let on = true;
  let current: Point[] | null = [route[0] as Point];
  for (let segment = 0; segment + 1 < route.length; segment++) {
    let [x, y] = route[segment] as Point;
    const [endX, endY] = route[segment + 1] as Point;
    let remaining = Math.hypot(endX - x, endY - y);
    while (remaining > 0) {
      const step = Math.min(left, remaining);
      const t = step / remaining;
      x += (endX - x) * t;
      y += (endY - y) * t;
      remaining -= step;
      left -= step;
      if (on) current?.push([x, y]);
      if (left <= 0) {
        if (on && current && current.length > 1) pieces.push(current);
        on = !on;
        index = (index + 1) % pattern.length;
        left = pattern[index] as number;
        current = on ? [[x, y]] : null;
      }
    }
  }
  if (on && current && current.length > 1) pieces.push(current);
  // A closed outline whose pattern is on at both its start and its end draws one dash across the start.
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (closed && pieces.length > 1 && first && last) {
    const [startX, startY] = route[0] as Point;
    const [endX, endY] = last[last.length - 1] as Point;
    if (first[0]?.[0] === startX && first[0]?.[1] === startY && endX === startX && endY === startY) {
      pieces.pop();
      pieces[0] = [...last, ...first.slice(1)];
    }
  }
  return pieces;
}

function normal(from: Point, to: Point): Point {
  const length = Math.hypot(to[0] - from[0], to[1] - from[1]) || 1;
  return [-(to[1] - from[1]) / length, (to[0] - from[0]) / length];
}

/** Points of an arc around `centre` from direction `a` to direction `b` (unit vectors), turning `sense`. */
function arcPoints(out: number[], centre: Point, a: Point, b: Point, radius: number, sense: number): void {
  const start = Math.atan2(a[1], a[0]);
  let sweep = Math.atan2(b[1], b[0]) - start;
  if (sense > 0 && sweep < 0) sweep += 2 * Math.PI;
  if (sense < 0 && sweep > 0) sweep -= 2 * Math.PI;
  const steps = Math.max(1, Math.ceil((Math.abs(sweep) / Math.PI) * ROUND_STEPS));
  for (let step = 0; step <= steps; step++) {
    const angle = start + (sweep * step) / steps;
    out.push(centre[0] + Math.cos(angle) * radius, centre[1] + Math.sin(angle) * radius);
  }
}

/**
 * One side of the stroke at a vertex where the direction turns from normal `a` to normal `b`; `side` is
 * +1 for the left offset, -1 for the right. The inside of a turn goes through the vertex itself (the
 * overlap it leaves counts twice, which the nonzero fill absorbs).
 */
function joinPoints(
  out: number[],
  vertex: Point,
  a: Point,
  b: Point,
  side: number,
  style: StrokeStyle,
): void {
  const w = style.halfWidth * side;
  const turn = a[0] * b[1] - a[1] * b[0];
  const outside = turn * side < 0;
  const dot = a[0] * b[0] + a[1] * b[1];
  if (Math.abs(turn) < 1e-12 && dot > 0) {
    out.push(vertex[0] + a[0] * w, vertex[1] + a[1] * w);
    return;
  }
  if (!outside) {
    out.push(
      vertex[0] + a[0] * w,
      vertex[1] + a[1] * w,
      vertex[0],
      vertex[1],
      vertex[0] + b[0] * w,
      vertex[1] + b[1] * w,
    );
    return;
  }
  if (style.join === "round") {
    arcPoints(
      out,
      vertex,
      [a[0] * side, a[1] * side],
      [b[0] * side, b[1] * side],
      style.halfWidth,
      Math.sign(turn),
    );
    return;
  }
  // Miter length over stroke width is 1 / sin(half the angle between the segments) = sqrt(2 / (1 + dot)).
  if (style.join === "miter" && dot > -1 && Math.sqrt(2 / (1 + dot)) <= style.miterLimit) {
    out.push(vertex[0] + ((a[0] + b[0]) * w) / (1 + dot), vertex[1] + ((a[1] + b[1]) * w) / (1 + dot));
    return;
  }
  out.push(vertex[0] + a[0] * w, vertex[1] + a[1] * w, vertex[0] + b[0] * w, vertex[1] + b[1] * w);
}

/** One side of an open or closed polyline's stroke, from its start to its end. */
function side(points: readonly Point[], closed: boolean, sign: number, style: StrokeStyle): number[] {
  const out: number[] = [];
  const count = points.length;
  const normals: Point[] = [];
  const segments = closed ? count : count - 1;
  for (let index = 0; index < segments; index++) {
    normals.push(normal(points[index] as Point, points[(index + 1) % count] as Point));
  }
  const w = style.halfWidth * sign;
  for (let index = 0; index < count; index++) {
    const point = points[index] as Point;
    const before = closed ? normals[(index - 1 + segments) % segments] : normals[index - 1];
    const after = normals[index] ?? null;
    if (before && after && (closed || index > 0)) joinPoints(out, point, before, after, sign, style);
    else {
      const only = (before ?? after) as Point;
      out.push(point[0] + only[0] * w, point[1] + only[1] * w);
    }
  }
  return out;
}

function signedArea(points: ArrayLike<number>): number {
  let area = 0;
  const count = points.length / 2;
  for (let index = 0; index < count; index++) {
    const next = (index + 1) % count;
    area +=
      (points[index * 2] as number) * (points[next * 2 + 1] as number) -
      (points[next * 2] as number) * (points[index * 2 + 1] as number);
  }
  return area / 2;
}

function withArea(points: number[], positive: boolean): Polygon {
  const polygon = Float64Array.from(points);
  if (signedArea(polygon) > 0 === positive) return polygon;
  const reversed = new Float64Array(polygon.length);
  for (let index = 0; index < polygon.length; index += 2) {
    reversed[polygon.length - 2 - index] = polygon[index] as number;
    reversed[polygon.length - 1 - index] = polygon[index + 1] as number;
  }
  return reversed;
}

/** The outline of one open polyline's stroke: along its left side, round its end cap, back along its right. */
function openOutline(input: readonly Point[], style: StrokeStyle): Polygon {
  let points = input;
  const w = style.halfWidth;
  if (style.cap === "square") {
    // Square caps: the ends pushed out by half the width.
    const extend = (end: Point, toward: Point): Point => {
      const length = Math.hypot(end[0] - toward[0], end[1] - toward[1]) || 1;
      return [end[0] + ((end[0] - toward[0]) / length) * w, end[1] + ((end[1] - toward[1]) / length) * w];
    };
    points = [
      extend(input[0] as Point, input[1] as Point),
      ...input.slice(1, -1),
      extend(input[input.length - 1] as Point, input[input.length - 2] as Point),
    ];
  }
  const left = side(points, false, 1, style);
  const right = side([...points].reverse(), false, 1, style);
  const out = [...left];
  const last = points[points.length - 1] as Point;
  const first = points[0] as Point;
  if (style.cap === "round") {
    const n = normal(points[points.length - 2] as Point, last);
    arcPoints(out, last, n, [-n[0], -n[1]], w, -1);
  }
  out.push(...right);
  if (style.cap === "round") {
    const n = normal(points[1] as Point, first);
    arcPoints(out, first, n, [-n[0], -n[1]], w, -1);
  }
  return withArea(out, true);
}

/** The stroke of flattened sub-paths as polygons for a nonzero fill. */
export function strokeOutline(paths: readonly FlatPath[], style: StrokeStyle): Polygon[] {
  const polygons: Polygon[] = [];
  for (const path of paths) {
    const points = distinctPoints(path);
    // A lone point draws nothing with butt caps; round and square caps would draw a dot or a square.
    if (points.length < 2) continue;
    const closed = path.closed && points.length > 2;
    if (style.dash) {
      for (const piece of dashes(points, closed, style.dash)) {
        const distinct = distinctPoints({ points: Float64Array.from(piece.flat()), closed: false });
        if (distinct.length > 1) polygons.push(openOutline(distinct, style));
      }
    } else if (closed) {
      const outer = side(points, true, 1, style);
      const inner = side(points, true, -1, style);
      const [big, small] =
        Math.abs(signedArea(outer)) >= Math.abs(signedArea(inner)) ? [outer, inner] : [inner, outer];
      polygons.push(withArea(big, true), withArea(small, false));
    } else {
      polygons.push(openOutline(points, style));
    }
  }
  return polygons;
}
