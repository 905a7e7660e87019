/**
 * Vega views for Vega-Lite specs, compiled once per chart shape.
 *
 * Compiling Vega-Lite and parsing the Vega it produces costs as much as laying out and drawing the chart
 * itself. Two charts of one kind differ in their data and words, rarely in their shape, and the builders
 * say which is which: data goes in the spec's named `datasets`, words and other per-chart values in its
 * top-level `params`. A spec's shape is the spec with those values emptied; it is compiled and parsed
 * once, and each render builds a fresh view from it and pours the values in, which draws exactly what
 * compiling the whole spec would have drawn.
 *
 * (A view is not reused from chart to chart: Vega keeps state across data changes, an ordinal domain's
 * old order for one, so a reused view draws differently from a fresh one.)
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { registerAxisFormat } from "./axis-format.js";
import { loadChartFont } from "./chart-font.js";

interface Parameter {
  readonly name: string;
  readonly value?: unknown;
  readonly select?: unknown;
}

interface Split {
  /** The spec with its data sets and parameter values emptied: equal shapes give equal JSON. */
  readonly shape: TopLevelSpec;
  readonly datasets: [string, readonly unknown[]][];
  readonly parameters: [string, unknown][];
}

/** Shapes kept compiled: chart kinds times their variants (axis units, comparison or not, ...). */
const MAX_SHAPES = 64;

/** A parameter holding a value, as opposed to a selection, which is part of how a chart behaves. */
function holdsValue(parameter: Parameter): boolean {
  return parameter.select === undefined && "value" in parameter;
}

function split(spec: TopLevelSpec): Split {
  const { datasets = {}, params = [] } = spec as {
    datasets?: Record<string, readonly unknown[]>;
    params?: readonly Parameter[];
  };
  const shape = {
    ...spec,
    datasets: Object.fromEntries(Object.keys(datasets).map((name) => [name, []])),
    params: params.map((parameter) => (holdsValue(parameter) ? { ...parameter, value: null } : parameter)),
  } as TopLevelSpec;
  return {
    shape,
    datasets: Object.entries(datasets),
    parameters: params.filter(holdsValue).map((parameter) => [parameter.name, parameter.value]),
  };
}

const parsed = new Map<string, vega.Runtime>();

/** What a spec compiles to once its data and parameters are emptied: specs with equal keys share it. */
export function chartShapeKey(spec: TopLevelSpec): string {
  return JSON.stringify(split(spec).shape);
}

function runtimeOf(shape: TopLevelSpec): vega.Runtime {
  const key = JSON.stringify(shape);
  const cached = parsed.get(key);
  if (cached) {
    // Most recently used last, so the oldest shape is the one evicted.
    parsed.delete(key);
    parsed.set(key, cached);
    return cached;
  }
  // Vega-Lite's warnings (e.g. merged legends) are about specs we wrote on purpose; errors still throw.
  const compiled = compile(shape, { logger: vega.logger(vega.Error) }).spec;
  // PNGs must be opaque (Slack's dark theme shows through transparency), whatever the spec says.
  compiled.background ??= "#ffffff";
  const runtime = vega.parse(compiled);
  parsed.set(key, runtime);
  if (parsed.size > MAX_SHAPES) parsed.delete(parsed.keys().next().value as string);
  return runtime;
}

function copyOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? { ...value } : value;
}

/** A headless view of the spec, with its data and parameters in place; the caller finalizes it. */
export function chartView(spec: TopLevelSpec): vega.View {
  loadChartFont();
  registerAxisFormat();
  const { shape, datasets, parameters } = split(spec);
  const view = new vega.View(runtimeOf(shape), { renderer: "none", logLevel: vega.Error });
  // Copies: Vega writes into the objects it is given (ids, parsed dates), and specs are the caller's.
  for (const [name, values] of datasets) view.data(name, values.map(copyOf));
  for (const [name, value] of parameters) view.signal(name, value);
  return view;
}
