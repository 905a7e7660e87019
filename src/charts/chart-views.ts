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
 * old order for one, so a reused view draws differently from a fresh one. Building a fresh view of a
 * parsed shape still costs a good share of a render, so the next one is built ahead, while the process
 * waits on the PNG encoder's thread: see `freshView`.)
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

function runtimeOf(key: string, shape: TopLevelSpec): vega.Runtime {
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

/** Never-run views of the shapes drawn last, built ahead, by shape key; most recently built last. */
const spares = new Map<string, vega.View>();
const MAX_SPARES = 8;

function newView(runtime: vega.Runtime): vega.View {
  return new vega.View(runtime, { renderer: "none", logLevel: vega.Error });
}

/**
 * A never-run view of the shape: the one built ahead when there is one, else a new one. Either way the
 * next is built as soon as the event loop is free, which during a render is while sharp encodes the PNG
 * on another thread, so the next chart of this shape starts from a view already built. A spare is built
 * exactly as a new view is, and nothing runs in it before it is taken, so it draws the same.
 */
function freshView(key: string, runtime: vega.Runtime): vega.View {
  const spare = spares.get(key);
  spares.delete(key);
  setImmediate(() => keepSpare(key, runtime));
  return spare ?? newView(runtime);
}

function keepSpare(key: string, runtime: vega.Runtime): void {
  if (spares.has(key)) return;
  spares.set(key, newView(runtime));
  if (spares.size <= MAX_SPARES) return;
  const [oldest, view] = spares.entries().next().value as [string, vega.View];
  spares.delete(oldest);
  view.finalize();
}

function copyOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? { ...value } : value;
}

/** A headless view of the spec, with its data and parameters in place; the caller finalizes it. */
export function chartView(spec: TopLevelSpec): vega.View {
  loadChartFont();
  registerAxisFormat();
  const { shape, datasets, parameters } = split(spec);
  const key = JSON.stringify(shape);
  const view = freshView(key, runtimeOf(key, shape));
  // Copies: Vega writes into the objects it is given (ids, parsed dates), and specs are the caller's.
  for (const [name, values] of datasets) view.data(name, values.map(copyOf));
  for (const [name, value] of parameters) view.signal(name, value);
  return view;
}
