import type { ColumnPlan } from "./column-plan.js";
import type { FileTotalRow } from "./fact-builder.js";
import { type FactTable, MEASURES, type Measure } from "./fact-table.js";
import { type DecimalStyle, parseNumberText } from "./number-text.js";
import type { TotalsCheck } from "./receipt.js";

/**
 * A free checksum: when a file carries its own totals row (Google Ads' "Total: Campaigns"), the kept rows
 * must add up to it within the rounding of the printed figures. Only totals without a segment (no device or
 * campaign type beside the label) cover the whole file; "Total: Account" may also include removed or
 * filtered items, so a file passes when any such row matches.
 */
export function checkFileTotals(
  facts: FactTable,
  plan: ColumnPlan,
  fileTotals: FileTotalRow[],
  styles: Map<number, DecimalStyle>,
): TotalsCheck | null {
  if (fileTotals.length === 0) return null;
  const sums = new Map<Measure, number>();
  for (const measure of MEASURES) {
    const values = facts.measures[measure];
    if (!values) continue;
    let sum = 0;
    for (let row = 0; row < values.length; row++) {
      const value = values[row] as number;
      if (!Number.isNaN(value)) sum += value;
    }
    sums.set(measure, sum);
  }
  const checks = fileTotals
    .filter((total) => !hasSegment(total, plan))
    .map((total) => compare(total, plan, sums, styles, facts.rowCount))
    .filter((check): check is TotalsCheck => check !== null && check.measures.length > 0);
  // Rows above one total but below another ("Total - Search" and "Total - account") contradict nothing.
  return (
    checks.find((check) => check.matched) ?? checks.find((check) => !check.contradicted) ?? checks[0] ?? null
  );
}

function hasSegment(total: FileTotalRow, plan: ColumnPlan): boolean {
  return plan.columns.some((column) => {
    if (column.role.kind !== "dimension") return false;
    const text = (total.cells[column.index] ?? "").trim();
    return text !== "" && !/^-+$/.test(text) && text !== total.label;
  });
}

function compare(
  total: FileTotalRow,
  plan: ColumnPlan,
  sums: Map<Measure, number>,
  styles: Map<number, DecimalStyle>,
  rowCount: number,
): TotalsCheck | null {
  const check: TotalsCheck = {
    label: total.label,
    line: total.line,
    measures: [],
    matched: true,
    differences: [],
    contradicted: false,
  };
  for (const column of plan.columns) {
    if (column.role.kind !== "measure") continue;
    const measure = column.role.measure;
    const rows = sums.get(measure);
    const text = total.cells[column.index] ?? "";
    const parsed = parseNumberText(text);
    if (rows === undefined || parsed.kind !== "number") continue;
    const style = styles.get(column.index) ?? "dot";
    const file = style === "comma" ? parsed.commaValue : parsed.value;
    check.measures.push(measure);
    if (Math.abs(rows - file) > roundingTolerance(text, style, rowCount)) {
      check.matched = false;
      check.differences.push({ measure, rows, file });
      if (rows > file) check.contradicted = true;
    }
  }
  return check;
}

/** Each printed figure is rounded to its decimals, so the rows may drift by half a unit each. */
function roundingTolerance(text: string, style: DecimalStyle, rowCount: number): number {
  const separator = style === "comma" ? "," : ".";
  const at = text.lastIndexOf(separator);
  const decimals = at < 0 ? 0 : (/^\d+/.exec(text.slice(at + 1))?.[0].length ?? 0);
  if (decimals === 0) return 0.5;
  return 0.5 * 10 ** -decimals * (rowCount + 1);
}
