/**
 * A KPI over time: one line per day, week or month, optionally the previous period as a dashed grey line
 * laid over the same dates, and anomalies the metrics engine found marked in vermillion.
 */
import { DateTime } from "luxon";
import type { TopLevelSpec } from "vega-lite";
import { formatCompact } from "../format/format-figures.js";
import { currentReader } from "../format/reader-locale.js";
import { METRIC_CATALOG, type Metric } from "../metrics/index.js";
import { anomalyLayers } from "./anomaly-marks.js";
import { AXIS_FORMAT_TYPE, axisNumberFormat } from "./axis-format.js";
import { metricAxisTitle } from "./axis-title.js";
import { type Datasets, framedChart, type Layer, namedData } from "./chart-frame.js";
import {
  type Anomaly,
  type ChartBasics,
  type DateRange,
  figure,
  type TimeGrain,
  type TrendRow,
} from "./chart-inputs.js";
import { nothingToPlotSpec } from "./empty-chart.js";
import { formatDateRange, isoDateTime } from "./format-date.js";
import { COLORS } from "./palette.js";
import { monthTicks, partialLayers, partialPeriods } from "./partial-periods.js";
import { FONT_SIZES } from "./theme.js";

export interface TrendChartInput extends ChartBasics {
  readonly rows: readonly TrendRow[];
  readonly metric: Metric;
  readonly grain: TimeGrain;
  /** The previous period's rows, drawn against the current period's dates position by position. */
  readonly comparison?: { readonly rows: readonly TrendRow[]; readonly label?: string };
  /**
   * A level to compare with (an alert's line), drawn dashed across the whole time axis in place of a
   * comparison, so it stays a line even beside a single point.
   */
  readonly threshold?: { readonly value: number; readonly label: string };
  /** The time axis from and to (ISO date or date and time), when it should span more than the rows do. */
  readonly timeDomain?: { readonly from: string; readonly to: string };
  readonly anomalies?: readonly Anomaly[];
}

const PLOT_HEIGHT = 300;
const TICKS = 5;
/** Up to this many points each period also gets a dot, so short series and single points stay visible. */
const MAX_DOTTED_POINTS = 45;
/** Weekly and monthly axes label the periods themselves (Vega would pick Sundays and month starts). */
const MAX_PERIOD_TICKS = 8;
const GRAIN_WORD: Record<TimeGrain, string> = { hour: "hour", day: "day", week: "week", month: "month" };
const DATE_FORMAT: Record<TimeGrain, string> = {
  hour: "%H:%M",
  day: "%b %-d",
  week: "%b %-d",
  month: "%b %Y",
};
/** Beyond about half a year, day and week ticks fall on month starts and must say which year. */
const LONG_SPAN_MS = 183 * 86_400_000;
/** Parameters: the series' names (this period's dates, then the comparison's), and weekly or monthly ticks. */
const SERIES = "series_names";
const PERIOD_TICKS = "period_ticks";

interface Point {
  /** Milliseconds since the epoch: numbers spare Vega parsing a thousand date strings. */
  readonly time: number;
  readonly value: number | null;
  readonly series: string;
}

/** The rows' points at `times`, else at their periods moved by `shift`; rows without a time left out. */
function points(
  rows: readonly TrendRow[],
  metric: Metric,
  series: string,
  { times, shift = (time) => time }: { times?: readonly number[]; shift?: (time: number) => number } = {},
): Point[] {
  const found: Point[] = [];
  for (const [index, row] of rows.entries()) {
    const time = times ? times[index] : timeOf(row.period);
    if (time !== undefined && time !== null)
      found.push({ time: shift(time), value: figure(row, metric), series });
  }
  return found;
}

interface Clock {
  /** Moves a moment so that the chart's UTC scale shows it at the reader's time of day. */
  readonly shift: (time: number) => number;
  readonly title: string | null;
  /** The calendar date (ISO) a period falls on for the reader, as the title and footer print it. */
  readonly day: (period: string) => string;
}

/**
 * Hours are drawn in the reader's time zone when known, else in UTC, and the axis says which: the chart is
 * on a UTC scale, so each hour is moved by its zone's offset at that moment (DST included). The dates
 * printed above and below the plot are taken in the same zone, so they agree with the axis.
 */
function hourClock(grain: TimeGrain): Clock {
  if (grain !== "hour") return { shift: (time) => time, title: null, day: (period) => period };
  const zone = currentReader().timeZone;
  if (!zone) return { shift: (time) => time, title: "Hour (UTC)", day: (period) => dayIn(period, "UTC") };
  return {
    shift: (time) => time + DateTime.fromMillis(time, { zone }).offset * 60_000,
    title: `Hour (${zone.replace(/_/g, " ")} time)`,
    day: (period) => dayIn(period, zone),
  };
}

/** The date a moment ("2025-09-30T01:00Z") falls on in `zone`; a date alone is already a calendar date. */
function dayIn(period: string, zone: string): string {
  const time = period.length <= 10 ? Number.NaN : Date.parse(period);
  return Number.isNaN(time) ? period : (DateTime.fromMillis(time, { zone }).toISODate() ?? period);
}

function onDays(range: DateRange | null, day: (period: string) => string): DateRange | null {
  return range ? { from: day(range.from), to: day(range.to) } : null;
}

export function trendChartSpec(input: TrendChartInput): TopLevelSpec {
  const { metric, grain } = input;
  const clock = hourClock(grain);
  const context = { ...input.context, dateRange: onDays(input.context.dateRange, clock.day) };
  const info = METRIC_CATALOG[metric];
  const title = `${info.label} per ${GRAIN_WORD[grain]}`;
  // ISO dates sort as plain strings; localeCompare's collation is much slower on a thousand rows.
  const rows = [...input.rows].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const range =
    rows.length > 0
      ? onDays({ from: rows[0]?.period ?? "", to: rows[rows.length - 1]?.period ?? "" }, clock.day)
      : null;
  const frame = { title, context, scope: input.scope, period: formatDateRange(context.dateRange ?? range) };
  const current = points(rows, metric, formatDateRange(context.dateRange ?? range) ?? "This period", {
    shift: clock.shift,
  });
  const plotted = current.filter((point) => point.value !== null);
  if (plotted.length === 0) {
    const reason =
      rows.length === 0
        ? "There are no rows for this period."
        : `No ${GRAIN_WORD[grain]} has a ${info.label} value.`;
    return nothingToPlotSpec(frame, reason);
  }
  const domain = timeDomain(input.timeDomain, current, clock.shift);
  const comparisonLabel = input.threshold?.label ?? input.comparison?.label ?? "Previous period";
  const comparison = input.threshold
    ? domain.map((time) => ({ time, value: input.threshold?.value ?? null, series: comparisonLabel }))
    : input.comparison
      ? points(input.comparison.rows.slice(0, current.length), metric, comparisonLabel, {
          times: current.map((point) => point.time),
        })
      : [];
  const values: number[] = [];
  for (const point of [...plotted, ...comparison]) if (point.value !== null) values.push(point.value);
  const extent = [Math.min(...values), Math.max(...values)] as const;
  const flat = extent[0] === 0 && extent[1] === 0;
  const series = [current[0]?.series ?? "", ...(comparison.length > 0 ? [comparisonLabel] : [])];
  const x = {
    field: "time",
    type: "temporal",
    scale: { type: "utc", padding: 12, ...(input.timeDomain ? { domain } : {}) },
    title: clock.title,
    axis: {
      format: spanOf(current) > LONG_SPAN_MS ? "%b %Y" : DATE_FORMAT[grain],
      labelOverlap: true,
      grid: false,
      ...(grain === "day" || grain === "hour" ? { tickCount: 6 } : { values: { expr: PERIOD_TICKS } }),
    },
  };
  const y = {
    field: "value",
    type: "quantitative",
    title: metricAxisTitle(metric, context.currency),
    // A series of zeros still gets a sensible axis: 0 at the bottom, the line along it.
    scale: flat ? { domain: [0, 1] } : { zero: true },
    axis: {
      format: axisNumberFormat(info.unit, context.currency, extent, TICKS),
      formatType: AXIS_FORMAT_TYPE,
      ...(flat ? { values: [0] } : { tickCount: TICKS }),
    },
  };
  const anomalies = anomalyLayers(input.anomalies ?? [], metric, context.currency, plotted);
  const partial =
    comparison.length > 0 ? new Map() : partialPeriods(current, grain, covered(context.dateRange));
  const partials = partialLayers(current, partial, { x, y });
  const whole = current.filter((point) => !partial.has(point));
  const full = plotted.filter((point) => !partial.has(point));
  const dotted = plotted.length <= MAX_DOTTED_POINTS;
  const layers: Layer[] = [
    {
      data: namedData("line"),
      mark: { type: "line", invalid: "break-paths-show-domains" },
      encoding: { x, y, ...(comparison.length > 0 ? seriesEncoding() : {}) },
    },
    ...(dotted
      ? [
          {
            data: namedData("dots"),
            mark: { type: "point", filled: true, size: 30, opacity: 1 },
            encoding: { x, y },
          },
        ]
      : []),
    ...partials.layers,
    ...anomalies.layers,
    ...(plotted.length === 1 ? [singlePointLabel()] : []),
  ];
  const datasets: Datasets = {
    line: [...comparison, ...whole],
    ...(dotted ? { dots: full } : {}),
    ...partials.datasets,
    ...anomalies.datasets,
    ...(plotted.length === 1 ? { single_point: singlePointRows(plotted, metric, context.currency) } : {}),
  };
  const parameters = {
    ...(comparison.length > 0 ? { [SERIES]: series } : {}),
    ...(grain === "day" || grain === "hour" ? {} : { [PERIOD_TICKS]: periodTicks(current, grain) }),
  };
  return framedChart(
    { ...frame, plotHeight: PLOT_HEIGHT, bottomAxis: "labels" },
    layers,
    datasets,
    parameters,
  );
}

/**
 * Colour and dash per period, with one legend for both channels so the previous period's entry shows a
 * dashed grey stroke. A lone period needs neither: the theme's line is the current period's, and Vega
 * then draws the line without splitting the data by series first.
 */
function seriesEncoding(): Layer {
  const legend = { title: null, symbolType: "stroke", symbolSize: 300 };
  return {
    color: {
      field: "series",
      type: "nominal",
      scale: { domain: { expr: SERIES }, range: [COLORS.primary, COLORS.muted] },
      legend,
    },
    strokeDash: {
      field: "series",
      type: "nominal",
      scale: {
        domain: { expr: SERIES },
        range: [
          [1, 0],
          [5, 4],
        ],
      },
      legend,
    },
  };
}

/** The axis' first and last moments: the given domain's, else the rows'. */
function timeDomain(
  given: TrendChartInput["timeDomain"],
  current: readonly Point[],
  shift: (time: number) => number,
): number[] {
  const from = given ? timeOf(given.from) : null;
  const to = given ? timeOf(given.to) : null;
  if (from !== null && to !== null) return [shift(from), shift(to)];
  return [current[0]?.time ?? 0, current[current.length - 1]?.time ?? 0];
}

function spanOf(current: readonly Point[]): number {
  return (current[current.length - 1]?.time ?? 0) - (current[0]?.time ?? 0);
}

function periodTicks(current: readonly Point[], grain: TimeGrain): number[] {
  const first = current[0]?.time ?? 0;
  if (grain === "week" && spanOf(current) > LONG_SPAN_MS)
    return monthTicks(first, current[current.length - 1]?.time ?? first, MAX_PERIOD_TICKS);
  const every = Math.ceil(current.length / MAX_PERIOD_TICKS);
  return current.filter((_, index) => index % every === 0).map((point) => point.time);
}

/** A day ("2025-09-30") read without parsing a date string; an hour ("2025-09-30T14:00Z") parsed. */
function timeOf(period: string): number | null {
  if (period.length <= 10) return isoDateTime(period);
  const time = Date.parse(period);
  return Number.isNaN(time) ? null : time;
}

function covered(range: { from: string; to: string } | null): { from: number; to: number } | null {
  const from = range ? isoDateTime(range.from) : null;
  const to = range ? isoDateTime(range.to) : null;
  return from === null || to === null ? null : { from, to };
}

function singlePointRows(plotted: readonly Point[], metric: Metric, currency: string | null): object[] {
  return plotted.map((point) => ({ ...point, label: formatCompact(metric, point.value, currency) }));
}

/** A lone point gets its value written next to it: there is no line to read it from. */
function singlePointLabel(): Layer {
  return {
    data: namedData("single_point"),
    mark: { type: "text", dy: -14, fontSize: FONT_SIZES.label, fontWeight: 600, color: COLORS.text },
    encoding: {
      x: { field: "time", type: "temporal" },
      y: { field: "value", type: "quantitative" },
      text: { field: "label", type: "nominal" },
    },
  };
}
