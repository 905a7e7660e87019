/**
 * A week or month at either end of a trend that the data covers only in part. Drawn like the others, a
 * first week holding two days reads as a crash and a last month cut at the 5th as a collapse; so such a
 * period is drawn apart (a hollow dot on a dashed line, labelled with the days it holds).
 */
import { type Layer, namedData } from "./chart-frame.js";
import type { TimeGrain } from "./chart-inputs.js";
import { COLORS } from "./palette.js";
import { FONT_SIZES } from "./theme.js";

const DAY_MS = 86_400_000;

export interface TimedPoint {
  readonly time: number;
  readonly value: number | null;
  readonly series: string;
}

/** Milliseconds of the day after the bucket that starts at `start`. */
function bucketEnd(start: number, grain: TimeGrain): number {
  if (grain === "hour") return start + DAY_MS / 24;
  if (grain === "day") return start + DAY_MS;
  if (grain === "week") return start + 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** Which plotted points are partial periods, with the days of data each holds and the days it would. */
export function partialPeriods(
  points: readonly TimedPoint[],
  grain: TimeGrain,
  covered: { from: number; to: number } | null,
): Map<TimedPoint, { held: number; whole: number }> {
  const partial = new Map<TimedPoint, { held: number; whole: number }>();
  if (grain === "day" || grain === "hour" || !covered || points.length < 3) return partial;
  for (const point of [points[0], points[points.length - 1]]) {
    if (!point || point.value === null) continue;
    const end = bucketEnd(point.time, grain);
    const whole = Math.round((end - point.time) / DAY_MS);
    const held = Math.round(
      (Math.min(end, covered.to + DAY_MS) - Math.max(point.time, covered.from)) / DAY_MS,
    );
    if (held > 0 && held < whole) partial.set(point, { held, whole });
  }
  return partial;
}

/** The dashed link from each partial period to its neighbour, and its hollow dot: "partial: 3 of 7 days". */
export function partialLayers(
  points: readonly TimedPoint[],
  partial: Map<TimedPoint, { held: number; whole: number }>,
  encoding: { x: object; y: object },
): { layers: Layer[]; datasets: Record<string, object[]> } {
  if (partial.size === 0) return { layers: [], datasets: {} };
  const links: object[] = [];
  const dots: object[] = [];
  for (const [point, days] of partial) {
    const index = points.indexOf(point);
    const neighbour = points[index === 0 ? 1 : index - 1];
    if (neighbour && neighbour.value !== null) {
      links.push({ ...neighbour, link: index }, { ...point, link: index });
    }
    dots.push({ ...point, label: `partial: ${days.held} of ${days.whole} days`, last: index > 0 });
  }
  const layers: Layer[] = [
    {
      data: namedData("partial_links"),
      mark: { type: "line", strokeDash: [4, 4], color: COLORS.muted },
      encoding: { ...encoding, detail: { field: "link", type: "nominal" } },
    },
    {
      data: namedData("partial_dots"),
      mark: { type: "point", filled: false, size: 60, strokeWidth: 2, color: COLORS.muted, opacity: 1 },
      encoding,
    },
    {
      data: namedData("partial_dots"),
      // Written inwards from the dot, so the label at either end stays inside the plot.
      mark: {
        type: "text",
        dy: -14,
        fontSize: FONT_SIZES.label,
        color: COLORS.muted,
        align: { expr: "datum.last ? 'right' : 'left'" },
      },
      encoding: { ...encoding, text: { field: "label", type: "nominal" } },
    },
  ];
  return { layers, datasets: { partial_links: links, partial_dots: dots } };
}

/**
 * Month starts at a regular step (1, 2, 3, 6 or 12 months) for a weekly axis over a long span: labelling
 * every k-th week gives Jan, Feb, Apr, May, Jul, as weeks do not divide months.
 */
export function monthTicks(from: number, to: number, most: number): number[] {
  const first = new Date(from);
  const last = new Date(to);
  const months =
    (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + (last.getUTCMonth() - first.getUTCMonth()) + 1;
  const step = [1, 2, 3, 6, 12].find((candidate) => Math.ceil(months / candidate) <= most) ?? 12;
  const ticks: number[] = [];
  for (let offset = 0; offset <= months; offset++) {
    const start = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + offset, 1);
    const month = new Date(start).getUTCMonth();
    if (start >= from && start <= to && month % step === 0) ticks.push(start);
  }
  return ticks;
}
