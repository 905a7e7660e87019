import type { ColumnPlan } from "./column-plan.js";
import type { FactBuilder } from "./fact-builder.js";
import type { FactTable, Measure } from "./fact-table.js";
import type { FinishedFacts } from "./finish-facts.js";
import type { TotalsCheck } from "./receipt.js";
import { checkFileTotals } from "./totals-check.js";
import { withoutRows } from "./without-rows.js";

/**
 * Holds the kept rows to the file's own totals. When they add up to more than the file says, the rows
 * responsible are looked for (a block of rows repeated verbatim, as when two downloads were pasted into one
 * file); when none explain it, the check stays contradicted for every surface to show. A file without a
 * labelled total but with a summary row found by its arithmetic is checked against that row.
 */
export function reconcileTotals(
  finished: FinishedFacts,
  plan: ColumnPlan,
  builder: FactBuilder,
): { facts: FactTable; totalsCheck: TotalsCheck | null } {
  const { facts, styles } = finished;
  const check = checkFileTotals(facts, plan, builder.fileTotals, styles);
  if (check?.contradicted) {
    const repeats = repeatedRows(facts);
    if (repeats.length > 0) {
      const withoutRepeats = withoutRows(
        facts,
        repeats.map((repeat) => repeat.row),
      );
      const recheck = checkFileTotals(withoutRepeats, plan, builder.fileTotals, styles);
      if (recheck?.matched) {
        for (const { row, original } of repeats) {
          builder.drop(
            finished.lineOf(row),
            `repeats line ${finished.lineOf(original)} cell for cell: only without such repeats do the rows add up to the file's own "${recheck.label}" row`,
          );
        }
        return { facts: withoutRepeats, totalsCheck: recheck };
      }
    }
  }
  return { facts, totalsCheck: check ?? arithmeticCheck(finished) };
}

function arithmeticCheck(finished: FinishedFacts): TotalsCheck | null {
  const summary = finished.totals.find((total) => total.wholeTable);
  if (!summary) return null;
  const measures = Object.keys(finished.facts.measures) as Measure[];
  return {
    label: "summary row",
    line: summary.line,
    measures,
    matched: true,
    differences: [],
    contradicted: false,
  };
}

/** Rows identical to an earlier row in every date, text and figure. */
function repeatedRows(facts: FactTable): Array<{ row: number; original: number }> {
  const columns = [
    ...Object.values(facts.dimensions).map((column) => column.codes),
    ...Object.values(facts.identifiers ?? {}).map((column) => column.codes),
    ...Object.values(facts.measures),
    ...Object.values(facts.extraMeasures),
    ...(facts.days ? [facts.days] : []),
  ];
  const firstSeen = new Map<string, number>();
  const repeats: Array<{ row: number; original: number }> = [];
  for (let row = 0; row < facts.rowCount; row++) {
    const key = columns.map((values) => values[row]).join("\u0000");
    const original = firstSeen.get(key);
    if (original === undefined) firstSeen.set(key, row);
    else repeats.push({ row, original });
  }
  return repeats;
}
