/**
 * Vega views for Vega-Lite specs, compiled once per chart shape.
 *
 * Compiling Vega-Lite and parsing the Vega it produces takes about 10 ms, as long as laying out and
 * painting the chart itself. Two charts of one kind differ in their data and their words (title, subtitle,
 * footer, value labels), rarely in their shape. So a spec is split into its shape, with every inline data
 * set lifted out into a named one and every title, subtitle and text mark's text into a parameter, and
 * the shape is compiled and parsed once. A render builds a fresh view from the parsed shape, pours the
 * data sets in and sets the words, and draws exactly what compiling the whole spec would have drawn.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

type Json = unknown;
type JsonObject = { [key: string]: Json };

interface Lifted {
  /** The spec with data and words replaced by names: equal shapes give equal JSON. */
  readonly shape: JsonObject;
  readonly datasets: Map<string, readonly unknown[]>;
  readonly words: Map<string, string | readonly string[]>;
}

const DATASET_PREFIX = "chart_data_";
const WORD_PREFIX = "chart_text_";
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
  const words = new Map<string, string | readonly string[]>();
  const word = (value: string | readonly string[]) => {
    const name = `${WORD_PREFIX}${words.size}`;
    words.set(name, value);
    return { expr: name };
  };
  const title = (value: Json): Json => {
    if (isWords(value)) return word(value);
    if (!isObject(value)) return value;
    const lifted = { ...value };
    for (const key of ["text", "subtitle"]) if (isWords(lifted[key])) lifted[key] = word(lifted[key]);
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
        lifted[key] = { ...value, text: word(value.text) };
      } else {
        lifted[key] = walk(value);
      }
    }
    return lifted;
  };
  const shape = walk(spec) as JsonObject;
  if (words.size > 0) {
    const params = Array.isArray(shape.params) ? shape.params : [];
    shape.params = [...params, ...[...words.keys()].map((name) => ({ name, value: "" }))];
  }
  return { shape, datasets, words };
}

const parsed = new Map<string, vega.Runtime>();

/** What a spec compiles to once its data and words are lifted out: specs with equal keys share it. */
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

/** A headless view of the spec, with its data and words in place; the caller finalizes it. */
export function chartView(spec: TopLevelSpec): vega.View {
  const { shape, datasets, words } = lift(spec);
  const view = new vega.View(runtimeOf(shape), { renderer: "none", logLevel: vega.Error });
  // Copies: Vega writes into the objects it is given (ids, parsed dates), and specs are the caller's.
  for (const [name, values] of datasets) view.data(name, values.map(copyOf));
  for (const [name, value] of words) view.signal(name, value);
  return view;
}
