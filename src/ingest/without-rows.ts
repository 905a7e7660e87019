import type { DimensionColumn, FactTable } from "./fact-table.js";

/**
 * The table without some of its rows (totals found after reading). Dimension dictionaries keep only the
 * values the remaining rows use, so a label that only a total row carried ("mixed") is gone with it.
 */
export function withoutRows(facts: FactTable, rows: readonly number[]): FactTable {
  const drop = new Uint8Array(facts.rowCount);
  for (const row of rows) drop[row] = 1;
  const keep: number[] = [];
  for (let row = 0; row < facts.rowCount; row++) if (drop[row] === 0) keep.push(row);
  const pick = <T extends Float64Array | Int32Array>(values: T): T => {
    const picked = new (values.constructor as new (length: number) => T)(keep.length);
    for (let i = 0; i < keep.length; i++) picked[i] = values[keep[i] as number] as number;
    return picked;
  };
  const measures: FactTable["measures"] = {};
  for (const [name, values] of Object.entries(facts.measures))
    measures[name as keyof FactTable["measures"]] = pick(values);
  const extraMeasures: FactTable["extraMeasures"] = {};
  for (const [name, values] of Object.entries(facts.extraMeasures)) extraMeasures[name] = pick(values);
  const dimensions: FactTable["dimensions"] = {};
  for (const [name, column] of Object.entries(facts.dimensions))
    dimensions[name] = compact(pick(column.codes), column);
  return {
    rowCount: keep.length,
    days: facts.days ? pick(facts.days) : null,
    measures,
    dimensions,
    extraMeasures,
  };
}

function compact(codes: Int32Array, column: DimensionColumn): DimensionColumn {
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
