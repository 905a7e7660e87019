/** Reading into Vega-Lite specs in tests without casting at every step. */
import type { TopLevelSpec } from "vega-lite";

export type Path = readonly (string | number)[];

type Json = unknown;

const inlined = new WeakMap<object, Json>();

/**
 * The spec as Vega-Lite reads it: each `data: { name }` holding its named data set's rows, and each
 * `{ expr: name }` of a top-level parameter holding the parameter's value. Built once per spec, so the
 * layers found in it keep their identity from call to call.
 */
function resolved(spec: object): Json {
  const cached = inlined.get(spec);
  if (cached) return cached;
  const { datasets = {}, params = [] } = spec as {
    datasets?: Record<string, unknown[]>;
    params?: { name: string; value?: unknown }[];
  };
  const values = new Map(params.map((param) => [param.name, param.value]));
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const record = node as Record<string, Json>;
    if (typeof record.expr === "string" && values.has(record.expr)) return values.get(record.expr);
    if (typeof record.name === "string" && record.name in datasets && isDataReference(record)) {
      const { name, ...rest } = record;
      return { ...rest, values: datasets[name] };
    }
    return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, walk(value)]));
  };
  const result = walk(spec);
  inlined.set(spec, result);
  return result;
}

/** `{ name }` of a named data set, perhaps with how Vega-Lite should read its rows (`format`). */
function isDataReference(record: Record<string, Json>): boolean {
  return Object.keys(record).every((key) => key === "name" || key === "format");
}

/** A top-level spec is read resolved; anything else (a layer found by the helpers below) as it is. */
function readable(value: unknown): unknown {
  return value !== null && typeof value === "object" && "$schema" in value ? resolved(value) : value;
}

export function dig(value: unknown, ...path: Path): unknown {
  let current: unknown = readable(value);
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Every layer of a spec, nested layers included, in drawing order. */
export function layers(spec: TopLevelSpec | unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    const children = dig(node, "layer");
    if (!Array.isArray(children)) return;
    for (const child of children) {
      found.push(child as Record<string, unknown>);
      visit(child);
    }
  };
  visit(readable(spec));
  return found;
}

/** The first layer drawing `mark` (a mark type name). */
export function layerWithMark(spec: TopLevelSpec, mark: string): Record<string, unknown> | undefined {
  return layers(spec).find((layer) => dig(layer, "mark") === mark || dig(layer, "mark", "type") === mark);
}

/** The inline data of the first layer (or ancestor) that has some, for a layer found by `layerWithMark`. */
export function dataOf(spec: TopLevelSpec, layer: Record<string, unknown>): Record<string, unknown>[] {
  const own = dig(layer, "data", "values");
  if (Array.isArray(own)) return own as Record<string, unknown>[];
  const parent = layers(spec).find((candidate) =>
    (dig(candidate, "layer") as unknown[] | undefined)?.includes(layer),
  );
  return parent ? dataOf(spec, parent) : [];
}
