/** Reading into Vega-Lite specs in tests without casting at every step. */
import type { TopLevelSpec } from "vega-lite";

export type Path = readonly (string | number)[];

export function dig(value: unknown, ...path: Path): unknown {
  let current: unknown = value;
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
  visit(spec);
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
