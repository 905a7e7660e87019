/**
 * Vega views for Vega-Lite specs, compiled once per chart shape.
 *
 * Compiling Vega-Lite and parsing the Vega it produces takes about 10 ms, as long as laying out and
 * painting the chart itself. Two charts of one kind differ in their data, their words (title, subtitle,
 * footer, value labels) and where their period ticks fall, rarely in their shape. So a spec is split into
 * its shape, with every inline data set lifted out into a named one and every title, subtitle, text mark's
 * text and axis's explicit tick values into a parameter, and the shape is compiled and parsed once. A
 * render builds a fresh view from the parsed shape, pours the data sets in and sets the parameters, and
 * draws exactly what compiling the whole spec would have drawn.
 *
 * (A view is not reused from chart to chart: Vega keeps state across data changes, an ordinal domain's
 * old order for one, so a reused view draws differently from a fresh one.)
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

type Json = unknown;
type JsonObject = { [key: string]: Json };

interface Lifted {
  /** The spec with data and parameters replaced by names: equal shapes give equal JSON. */
  readonly shape: JsonObject;
  readonly datasets: Map<string, readonly unknown[]>;
  readonly parameters: Map<string, Json>;
}

const DATASET_PREFIX = "chart_data_";
const PARAMETER_PREFIX = "chart_parameter_";
/** Shapes kept compiled: chart kinds times their variants (axis units, comparison or not, ...). */
const MAX_SHAPES = 64;

function isObject(value: Json): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isWords(value: Json): value is string | string[] {
  return (
    typeof value === "string" || (Array.isArray(value) && value.every((line) => typeof line === "string"))
  );
}

function lift(spec: TopLevelSpec): Lifted {
  const datasets = new Map<string, readonly unknown[]>();
  const parameters = new Map<string, Json>();
  const parameter = (value: Json) => {
    const name = `${PARAMETER_PREFIX}${parameters.size}`;
    parameters.set(name, value);
    return { expr: name };
  };
  const title = (value: Json): Json => {
    if (isWords(value)) return parameter(value);
    if (!isObject(value)) return value;
    const lifted = { ...value };
    for (const key of ["text", "subtitle"]) if (isWords(lifted[key])) lifted[key] = parameter(lifted[key]);
    return lifted;
  };
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    const lifted: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (
        key === "data" &&
        isObject(value) &&
        Array.isArray(value.values) &&
        Object.keys(value).length === 1
      ) {
        const name = `${DATASET_PREFIX}${datasets.size}`;
        datasets.set(name, value.values);
        lifted[key] = { name };
      } else if (key === "title" && (node === (spec as unknown) || "layer" in node || "mark" in node)) {
        // Chart and layer titles only: axis and legend titles name a metric and its unit, which is part
        // of a chart's shape.
        lifted[key] = title(value);
      } else if (key === "mark" && isObject(value) && value.type === "text" && isWords(value.text)) {
        lifted[key] = { ...value, text: parameter(value.text) };
      } else if (key === "axis" && isObject(value) && Array.isArray(value.values)) {
        // Explicit ticks (a weekly trend's weeks) are data; the rest of the axis is shape.
        lifted[key] = { ...(walk(value) as JsonObject), values: parameter(value.values) };
      } else {
        lifted[key] = walk(value);
      }
    }
    return lifted;
  };
  const shape = walk(spec) as JsonObject;
  if (parameters.size > 0) {
    const params = Array.isArray(shape.params) ? shape.params : [];
    shape.params = [...params, ...[...parameters.keys()].map((name) => ({ name, value: null }))];
  }
  return { shape, datasets, parameters };
}

const parsed = new Map<string, vega.Runtime>();

/** What a spec compiles to once its data and parameters are lifted out: specs with equal keys share it. */
export function chartShapeKey(spec: TopLevelSpec): string {
  return JSON.stringify(lift(spec).shape);
}

function runtimeOf(shape: JsonObject): vega.Runtime {
  const key = JSON.stringify(shape);
  const cached = parsed.get(key);
  if (cached) {
    // Most recently used last, so the oldest shape is the one evicted.
    parsed.delete(key);
    parsed.set(key, cached);
    return cached;
  }
  // Vega-Lite's warnings (e.g. merged legends) are about specs we wrote on purpose; errors still throw.
  const compiled = compile(shape as unknown as TopLevelSpec, { logger: vega.logger(vega.Error) }).spec;
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
  const { shape, datasets, parameters } = lift(spec);
  const view = new vega.View(runtimeOf(shape), { renderer: "none", logLevel: vega.Error });
  // Copies: Vega writes into the objects it is given (ids, parsed dates), and specs are the caller's.
  for (const [name, values] of datasets) view.data(name, values.map(copyOf));
  for (const [name, value] of parameters) view.signal(name, value);
  return view;
}
