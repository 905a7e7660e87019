import type { ColumnPlan, PlannedColumn } from "./column-plan.js";
import { DateColumn, type DayMonthOrder } from "./date-column.js";
import type { FactBuilder } from "./fact-builder.js";
import { type FactTable, isoToDay, type MeasureValues, NO_DAY, STANDARD_DIMENSIONS } from "./fact-table.js";
import { ga4WeekStart } from "./ga4-week.js";
import { NumberColumn } from "./number-column.js";
import { type DecimalStyle, parseNumberText } from "./number-text.js";
import type { ReadText } from "./text-column.js";
import { decodeAll, dictionarySize, textDimension } from "./text-dictionary.js";
import { findTotalRows, type TotalRow } from "./total-rows.js";
import { withoutRows, withoutRowsOf } from "./without-rows.js";

export interface LocaleHints {
  decimal: DecimalStyle | null;
  dayMonth: DayMonthOrder | null;
  /** Year of the report period, for GA4 week numbers. */
  reportYear: number | null;
}

export interface FinishedFacts {
  facts: FactTable;
  /** The line a row of `facts` starts on. */
  lineOf: (row: number) => number;
  currency: string | null;
  currencyColumnValues: string[];
  warnings: string[];
  /** Decimal style each numeric column was read with. */
  styles: Map<number, DecimalStyle>;
  /** Rows found by their arithmetic to be totals or subtotals, taken out of the facts. */
  totals: Array<TotalRow & { line: number }>;
}

/**
 * Settles what could only be decided after every row was seen (decimal separators, day/month order, the
 * total rows found by their arithmetic, columns that were empty in the sample) and assembles the FactTable.
 */
export function finishFacts(plan: ColumnPlan, builder: FactBuilder, hints: LocaleHints): FinishedFacts {
  const warnings: string[] = [];
  const styles = decideStyles(plan, builder, hints);
  const rowCount = builder.rowCount;

  let facts: FactTable = { rowCount, days: null, measures: {}, dimensions: {}, extraMeasures: {} };
  let currencyColumnValues: string[] = [];
  let roas: MeasureValues | null = null;
  for (const column of plan.columns) {
    const sink = builder.sinks[column.index] ?? null;
    if (!sink) continue;
    const role = column.role;
    if (sink instanceof NumberColumn) {
      if (role.kind === "extra" && sink.invalid > sink.numbers * 0.05) {
        warnings.push(
          `"${column.header}" mixes numbers and text (e.g. "${sink.firstInvalid?.text.slice(0, 40)}" on line ${sink.firstInvalid?.line}): not used as a measure`,
        );
        continue;
      }
      warnNumberProblems(column, sink, warnings);
      const values = sink.finish(styles.get(column.index) ?? "dot", rowCount);
      if (role.kind === "measure") facts.measures[role.measure] = values;
      else if (role.kind === "roas") roas = values;
      else if (role.kind === "extra") facts.extraMeasures[role.name] = values;
      else if (role.kind === "date")
        facts.days = weekNumbersToDays(column, values, hints.reportYear, warnings);
    } else if (sink instanceof DateColumn) {
      facts.days = finishDates(column, sink, rowCount, hints.dayMonth, warnings);
    } else if (role.kind === "currency") {
      currencyColumnValues = decodeAll(sink.finish(rowCount).text);
    } else if (role.kind === "dimension" || role.kind === "flexible") {
      addTextColumn(facts, column, role.name, sink.finish(rowCount), warnings);
    }
  }
  const allLines = builder.rowLines();
  let lineOf = (row: number) => allLines.lineOf(row);
  const totalRows = findTotalRows(facts);
  if (totalRows.length > 0) {
    const rows = totalRows.map((total) => total.row);
    facts = withoutRows(facts, rows);
    roas = roas ? withoutRowsOf(roas, rows) : null;
    const removed = [...new Set(rows)].sort((a, b) => a - b);
    lineOf = (row) => allLines.lineOf(rowBefore(row, removed));
  }
  if (roas && !facts.measures.revenue && facts.measures.spend) {
    facts.measures.revenue = revenueFromRoas(roas, facts.measures.spend);
    warnings.push(
      `revenue derived as ROAS x spend from "${plan.mapping.roas}" and "${plan.mapping.spend}": the file has no revenue column`,
    );
  }
  const currency = decideCurrency(plan, builder, currencyColumnValues, warnings);
  const totals = totalRows.map((total) => ({ ...total, line: allLines.lineOf(total.row) }));
  return { facts, lineOf, currency, currencyColumnValues, warnings, styles, totals };
}

/** A row of the table after the sorted `removed` rows were taken out, as a row of the table before. */
function rowBefore(row: number, removed: readonly number[]): number {
  let before = row;
  for (const taken of removed) {
    if (taken > before) break;
    before++;
  }
  return before;
}

function decideStyles(plan: ColumnPlan, builder: FactBuilder, hints: LocaleHints): Map<number, DecimalStyle> {
  let comma = 0;
  let dot = 0;
  for (const sink of builder.sinks) {
    if (sink instanceof NumberColumn) {
      comma += sink.commaEvidence;
      dot += sink.dotEvidence;
    }
  }
  const fileStyle: DecimalStyle = comma > dot ? "comma" : dot > 0 ? "dot" : (hints.decimal ?? "dot");
  const styles = new Map<number, DecimalStyle>();
  for (const column of plan.columns) {
    const sink = builder.sinks[column.index];
    if (sink instanceof NumberColumn) styles.set(column.index, sink.evidence() ?? fileStyle);
  }
  return styles;
}

function warnNumberProblems(column: PlannedColumn, sink: NumberColumn, warnings: string[]): void {
  if (column.role.kind === "date") return;
  if (sink.buckets > 0) {
    warnings.push(
      `"${column.header}": ${valuesWord(sink.buckets, "bucketed value")} such as "< 10%" read as absent (the platform reports only a range)`,
    );
  }
  if (sink.invalid > 0 && sink.firstInvalid) {
    warnings.push(
      `"${column.header}": ${valuesWord(sink.invalid, "value")} ${sink.invalid === 1 ? "is not a number" : "are not numbers"} (first: "${sink.firstInvalid.text.slice(0, 40)}" on line ${sink.firstInvalid.line}) and were read as absent`,
    );
  }
  if (sink.commaEvidence > 0 && sink.dotEvidence > 0) {
    warnings.push(
      `"${column.header}": mixes decimal points and decimal commas; read with decimal ${sink.evidence() === "comma" ? "commas" : "points"}, the majority`,
    );
  }
}

const ORDER_WORDS: Record<DayMonthOrder, string> = {
  "day-month": "day before month",
  "month-day": "month before day",
};

function finishDates(
  column: PlannedColumn,
  sink: DateColumn,
  rowCount: number,
  hint: DayMonthOrder | null,
  warnings: string[],
): Int32Array {
  const { order, decidedBy } = sink.decideOrder(hint);
  if (sink.ambiguousCells > 0 || sink.dayFirstEvidence > 0 || sink.monthFirstEvidence > 0) {
    const reason =
      decidedBy === "values"
        ? `values such as "${sink.decisiveExample}" fit only that order`
        : `every value fits both orders (e.g. "${sink.example}"), so the convention for this file was used`;
    warnings.push(`dates in "${column.header}" read with ${ORDER_WORDS[order]}: ${reason}`);
  }
  if (sink.invalid > 0 && sink.firstInvalid) {
    warnings.push(
      `"${column.header}": ${valuesWord(sink.invalid, "value")} ${sink.invalid === 1 ? "is not a date" : "are not dates"} (first: "${sink.firstInvalid.text.slice(0, 40)}" on line ${sink.firstInvalid.line}); those rows have no date`,
    );
  }
  return sink.finish(order, rowCount);
}

function weekNumbersToDays(
  column: PlannedColumn,
  weeks: MeasureValues,
  year: number | null,
  warnings: string[],
): Int32Array | null {
  if (year === null) {
    warnings.push(
      `"${column.header}" holds week numbers without a year and the file names no period: rows are undated`,
    );
    return null;
  }
  const days = new Int32Array(weeks.length).fill(NO_DAY);
  for (let row = 0; row < weeks.length; row++) {
    const week = weeks[row] as number;
    if (!Number.isNaN(week)) days[row] = ga4WeekStart(year, week);
  }
  warnings.push(
    `"${column.header}" holds GA4 week numbers: each row is dated to the first day of its week (weeks start on Sunday) in ${year}`,
  );
  return days;
}

function addTextColumn(
  facts: FactTable,
  column: PlannedColumn,
  name: string,
  read: ReadText,
  warnings: string[],
): void {
  const { codes, text } = read;
  // An empty column of the report's own is noise; an empty campaign column is a fact worth keeping.
  if (dictionarySize(text) === 0 && !(STANDARD_DIMENSIONS as readonly string[]).includes(name)) return;
  if (column.role.kind === "flexible") {
    const parsed = decodeAll(text).map((value) => parseNumberText(value));
    if (parsed.every((value) => value.kind === "number" || value.kind === "blank")) {
      const numbers = new Float64Array(facts.rowCount).fill(Number.NaN);
      for (let row = 0; row < facts.rowCount; row++) {
        const code = codes[row] as number;
        const value = code >= 0 ? parsed[code] : undefined;
        if (value?.kind === "number") numbers[row] = value.value;
      }
      facts.extraMeasures[name] = numbers;
      return;
    }
  }
  if (read.overCap) {
    facts.identifiers = { ...facts.identifiers, [name]: { codes, text } };
    warnings.push(
      `"${column.header}" has more than ${read.cap.toLocaleString("en-US")} different values: kept as an identifier column (each row keeps its value), not used to group, filter or rank`,
    );
    return;
  }
  facts.dimensions[name] = textDimension(codes, text);
}

function revenueFromRoas(roas: MeasureValues, spend: MeasureValues): Float64Array {
  const revenue = new Float64Array(roas.length).fill(Number.NaN);
  for (let row = 0; row < roas.length; row++) {
    const ratio = roas[row] as number;
    if (!Number.isNaN(ratio)) revenue[row] = ratio * (spend[row] as number);
  }
  return revenue;
}

function decideCurrency(
  plan: ColumnPlan,
  builder: FactBuilder,
  columnValues: string[],
  warnings: string[],
): string | null {
  const codes = columnValues.map((value) => value.toUpperCase()).filter((value) => /^[A-Z]{3}$/.test(value));
  const distinct = [...new Set(codes)];
  if (distinct.length > 1) {
    warnings.push(
      `the file mixes currencies (${distinct.join(", ")}): money totals add different currencies; filter to one currency before comparing`,
    );
    return null;
  }
  if (distinct.length === 1) return distinct[0] as string;
  if (plan.headerCurrency) return plan.headerCurrency;
  const symbols = new Map<string, number>();
  for (const column of plan.columns) {
    const sink = builder.sinks[column.index];
    if (column.role.kind !== "measure" || !(sink instanceof NumberColumn)) continue;
    for (const [code, count] of sink.currencies) symbols.set(code, (symbols.get(code) ?? 0) + count);
  }
  const ranked = [...symbols].sort((a, b) => b[1] - a[1]);
  return ranked[0]?.[0] ?? null;
}

export function isoYear(iso: string | undefined): number | null {
  if (!iso) return null;
  const day = isoToDay(iso);
  return day === NO_DAY ? null : Number(iso.slice(0, 4));
}

/** "1 value", "3 values": warnings are read by people. */
function valuesWord(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}
