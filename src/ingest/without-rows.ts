import type { DimensionColumn, FactTable } from "./fact-table.js";
import { keepUsedValues, textDimension } from "./text-dictionary.js";

/**
 * The table without some of its rows (totals found after reading). Dimension dictionaries keep only the
 * values the remaining rows use, so a label that only a total row carried ("mixed") is gone with it.
 */
export function withoutRows(facts: FactTable, rows: readonly number[]): FactTable {
  const pick = <T extends Float64Array | Float32Array | Int32Array>(values: T): T =>
    withoutRowsOf(values, rows);
  const measures: FactTable["measures"] = {};
  for (const [name, values] of Object.entries(facts.measures))
    measures[name as keyof FactTable["measures"]] = pick(values);
  const extraMeasures: FactTable["extraMeasures"] = {};
  for (const [name, values] of Object.entries(facts.extraMeasures)) extraMeasures[name] = pick(values);
  const dimensions: FactTable["dimensions"] = {};
  for (const [name, column] of Object.entries(facts.dimensions))
    dimensions[name] = compact(pick(column.codes), column);
  const table: FactTable = {
    rowCount: facts.rowCount - new Set(rows).size,
    days: facts.days ? pick(facts.days) : null,
    measures,
    dimensions,
    extraMeasures,
  };
  if (facts.identifiers) {
    table.identifiers = {};
    for (const [name, column] of Object.entries(facts.identifiers)) {
      const codes = pick(column.codes);
      table.identifiers[name] = { codes, text: keepUsedValues(codes, column.text) };
    }
  }
  return table;
}

function compact(codes: Int32Array, column: DimensionColumn): DimensionColumn {
  if (column.text) return textDimension(codes, keepUsedValues(codes, column.text));
  const renumbered = new Map<number, number>();
  const values: string[] = [];
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (code < 0) continue;
    let next = renumbered.get(code);
    if (next === undefined) {
      next = values.length;
      renumbered.set(code, next);
      values.push(column.values[code] as string);
    }
    codes[row] = next;
  }
  return { codes, values };
}

/** One column without some of its rows, copied in runs between them: a few totals in a million rows. */
export function withoutRowsOf<T extends Float64Array | Float32Array | Int32Array>(
  values: T,
  rows: readonly number[],
): T {
  const dropped = [...new Set(rows)].sort((a, b) => a - b);
  const kept = new (values.constructor as new (length: number) => T)(values.length - dropped.length);
  let from = 0;
  let at = 0;
  for (const row of dropped) {
    kept.set(values.subarray(from, row), at);
    at += row - from;
    from = row + 1;
  }
  kept.set(values.subarray(from), at);
  return kept;
}
