import {
  type DimensionColumn,
  dimensionValue,
  distinctCount,
  type FactTable,
  MEASURES,
  type Measure,
  type MeasureValues,
  NO_VALUE,
} from "./fact-table.js";
import { inBlocks } from "./row-blocks.js";

/** A row of the table that is a total or subtotal of other rows, not a fact. */
export interface TotalRow {
  row: number;
  reason: string;
  /** True for a total of the whole table, false for a subtotal of one group. */
  wholeTable: boolean;
}

/** Identical total rows a report may repeat (Meta writes one, some reports a few). */
const MAX_COPIES = 4;
/** Printed figures carry at most this many decimals; more means the values were never rounded for print. */
const MAX_PRINTED_DECIMALS = 4;
const DECIMALS_SAMPLE = 20_000;

/**
 * Finds total and subtotal rows by their arithmetic: a row whose every measure equals, within the rounding
 * of printed figures, the sum of the other rows (or of the other rows of its group in a grouped report).
 * Labels are not needed: Meta's summary row has a filled reporting window and a "mixed" result type, a
 * grouped report's subtotal has a filled campaign. Constant columns never make a row a breakdown row, and a
 * row that matches in one measure only is a coincidence, not a total.
 */
export function findTotalRows(facts: FactTable): TotalRow[] {
  const measures = MEASURES.filter((measure) => facts.measures[measure] !== undefined);
  if (measures.length === 0 || facts.rowCount < 2) return [];
  const table: MeasureTable = {
    columns: measures.map((measure) => facts.measures[measure] as MeasureValues),
    halfUnits: measures.map((measure) => halfUnitOf(measure, facts.measures[measure] as MeasureValues)),
    names: measures,
  };
  const breakdowns = breakdownColumns(facts);
  const found: TotalRow[] = [];
  const dropped = new Uint8Array(facts.rowCount);
  const mark = (rows: TotalRow[]) => {
    for (const total of rows) {
      dropped[total.row] = 1;
      found.push(total);
    }
  };
  mark(wholeTableTotals(table, breakdowns, dropped, facts.rowCount));
  // Each pass marks only rows not marked before, so the rows kept are the rows not found.
  const subtotals = groupSubtotals(table, breakdowns, dropped);
  mark(subtotals);
  if (subtotals.length > 0) mark(wholeTableTotals(table, breakdowns, dropped, facts.rowCount - found.length));
  return found.sort((a, b) => a.row - b.row);
}

interface MeasureTable {
  columns: MeasureValues[];
  /** Half a unit of the last printed decimal of each measure, or 0 when its figures are unrounded. */
  halfUnits: number[];
  names: Measure[];
}

interface Breakdown {
  name: string;
  column: DimensionColumn;
  distinct: number;
}

/**
 * Rows equal to the sum of all the others (k identical copies: each equals 1/(k+1) of the grand sum). Only
 * rows holding at least a fifth of one measure's sum can qualify, so a file without any costs one pass.
 */
function wholeTableTotals(
  table: MeasureTable,
  breakdowns: Breakdown[],
  dropped: Uint8Array,
  kept: number,
): TotalRow[] {
  const sumOf = (values: MeasureValues) =>
    kept === dropped.length ? sumOfAll(values) : sumOfKept(values, dropped);
  // One measure finds the candidates; the others are summed only when some row could be a total.
  let lead = -1;
  let leadSum = 0;
  let leadLargest = 0;
  for (let j = 0; j < table.columns.length && leadSum === 0; j++) {
    const { sum, largest } = sumAndLargest(table.columns[j] as MeasureValues, dropped);
    leadSum = Math.abs(sum);
    leadLargest = largest;
    lead = j;
  }
  if (leadSum === 0) return [];
  const leadValues = table.columns[lead] as MeasureValues;
  const floor = leadSum / (MAX_COPIES + 1) - (table.halfUnits[lead] as number) * (kept + 1);
  // The largest value, found while summing, says whether any row reaches the floor: most files none.
  if (!(leadLargest >= floor)) return [];
  const candidates: number[] = [];
  for (let row = 0; row < dropped.length; row++) {
    if (dropped[row] === 0 && Math.abs(leadValues[row] as number) >= floor) candidates.push(row);
  }
  if (candidates.length === 0) return [];
  const sums = table.columns.map(sumOf);
  for (let copies = 1; copies <= MAX_COPIES; copies++) {
    const target = sums.map((sum) => sum / (copies + 1));
    const matches = candidates.filter((row) => matchesTarget(table, row, target, kept));
    if (matches.length !== copies || kept - copies < 1) continue;
    const convincing = nonZeroCount(target) >= 2 && kept - copies >= 2;
    if (!convincing) {
      const others = keptRowsExcept(dropped, matches);
      if (!matches.every((row) => blankWhereOthersAreNot(row, others, breakdowns))) continue;
    }
    return matches.map((row) => ({
      row,
      wholeTable: true,
      reason: "summary row: its figures are the sum of the other rows",
    }));
  }
  return [];
}

/** The sum of the kept rows' values, in row order, and the largest of their magnitudes (-Infinity: none). */
function sumAndLargest(values: MeasureValues, dropped: Uint8Array): { sum: number; largest: number } {
  // Carried from block to block (row-blocks.ts): [sum, largest].
  const state = new Float64Array([0, Number.NEGATIVE_INFINITY]);
  inBlocks(values.length, (from, to) => sumAndLargestIn(values, dropped, state, from, to));
  return { sum: state[0] as number, largest: state[1] as number };
}

function sumAndLargestIn(
  values: MeasureValues,
  dropped: Uint8Array,
  state: Float64Array,
  from: number,
  to: number,
): void {
  let sum = state[0] as number;
  let largest = state[1] as number;
  for (let row = from; row < to; row++) {
    const value = values[row] as number;
    if (dropped[row] !== 0 || Number.isNaN(value)) continue;
    sum += value;
    const magnitude = Math.abs(value);
    if (magnitude > largest) largest = magnitude;
  }
  state[0] = sum;
  state[1] = largest;
}

function sumOfAll(values: MeasureValues): number {
  let sum = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    if (!Number.isNaN(value)) sum += value;
  }
  return sum;
}

function sumOfKept(values: MeasureValues, dropped: Uint8Array): number {
  let sum = 0;
  for (let row = 0; row < values.length; row++) {
    const value = values[row] as number;
    if (dropped[row] === 0 && !Number.isNaN(value)) sum += value;
  }
  return sum;
}

function keptRowsExcept(dropped: Uint8Array, excluded: number[]): number[] {
  const rows: number[] = [];
  for (let row = 0; row < dropped.length; row++) {
    if (dropped[row] === 0 && !excluded.includes(row)) rows.push(row);
  }
  return rows;
}

/**
 * Subtotals of a grouped report: a row blank in a finer breakdown (ad group) whose figures are the sum of
 * the other rows sharing its value of a coarser one (campaign). Finer groupings go first, so nested
 * subtotals (ad group within campaign) are taken apart from the inside out.
 */
function groupSubtotals(table: MeasureTable, breakdowns: Breakdown[], dropped: Uint8Array): TotalRow[] {
  // Most exports fill every breakdown cell: then no row can sit above others.
  if (breakdowns.every(({ column }) => column.codes.indexOf(NO_VALUE) < 0)) return [];
  const blanks = new Uint8Array(dropped.length);
  for (const { column } of breakdowns) {
    const codes = column.codes;
    for (let row = 0; row < codes.length; row++)
      if (codes[row] === NO_VALUE) blanks[row] = 1 + (blanks[row] as number);
  }
  const candidates: number[] = [];
  for (let row = 0; row < dropped.length; row++) {
    const blank = blanks[row] as number;
    if (dropped[row] === 0 && blank > 0 && blank < breakdowns.length) candidates.push(row);
  }
  if (candidates.length === 0) return [];
  const found: TotalRow[] = [];
  const byFineness = [...breakdowns].sort((a, b) => b.distinct - a.distinct);
  for (const group of byFineness) {
    const members = groupMembers(group.column, dropped);
    const sums = groupSums(table, members);
    for (const row of candidates) {
      if (dropped[row] === 1) continue;
      const code = group.column.codes[row] as number;
      if (code === NO_VALUE) continue;
      const kept = sums.get(code);
      if (!kept || kept.count - 1 < 2 || !couldBeSubtotal(table, row, kept)) continue;
      const others = (members.get(code) ?? []).filter((member) => member !== row && dropped[member] === 0);
      const target = table.columns.map((values) => sumOf(values, others));
      if (nonZeroCount(target) === 0 || !matchesTarget(table, row, target, others.length)) continue;
      if (!blankWhereOthersAreNot(row, others, breakdowns)) continue;
      dropped[row] = 1;
      forget(table, row, kept);
      found.push({
        row,
        wholeTable: false,
        reason: `subtotal of ${group.name} "${dimensionValue(group.column, row)}": its figures are the sum of that group's rows`,
      });
    }
  }
  return found;
}

/** A group's kept rows: how many, and per measure the sum of their values and of their magnitudes. */
interface GroupSums {
  count: number;
  sums: Float64Array;
  magnitudes: Float64Array;
}

function groupSums(table: MeasureTable, members: Map<number, number[]>): Map<number, GroupSums> {
  const byCode = new Map<number, GroupSums>();
  for (const [code, rows] of members) {
    const kept: GroupSums = {
      count: rows.length,
      sums: new Float64Array(table.columns.length),
      magnitudes: new Float64Array(table.columns.length),
    };
    table.columns.forEach((values, j) => {
      for (const row of rows) {
        const value = values[row] as number;
        if (Number.isNaN(value)) continue;
        kept.sums[j] = (kept.sums[j] as number) + value;
        kept.magnitudes[j] = (kept.magnitudes[j] as number) + Math.abs(value);
      }
    });
    byCode.set(code, kept);
  }
  return byCode;
}

function forget(table: MeasureTable, row: number, kept: GroupSums): void {
  kept.count -= 1;
  table.columns.forEach((values, j) => {
    const value = values[row] as number;
    if (Number.isNaN(value)) return;
    kept.sums[j] = (kept.sums[j] as number) - value;
    kept.magnitudes[j] = (kept.magnitudes[j] as number) - Math.abs(value);
  });
}

/**
 * Whether the row could equal the sum of its group's other rows, judged from the group's running sums
 * instead of adding the others up: without it every candidate row summed its whole group, which on an
 * export of tens of thousands of rows with blank cells took minutes. The slack (a millionth of the group's
 * magnitudes) is far wider than the rounding of adding in another order, so no row `matchesTarget` would
 * accept is turned away; the rows that pass are then checked exactly.
 */
function couldBeSubtotal(table: MeasureTable, row: number, kept: GroupSums): boolean {
  for (let j = 0; j < table.columns.length; j++) {
    const value = (table.columns[j] as MeasureValues)[row] as number;
    const actual = Number.isNaN(value) ? 0 : value;
    const others = (kept.sums[j] as number) - actual;
    const slack = (kept.magnitudes[j] as number) * 1e-6;
    const tolerance = toleranceOf(table.halfUnits[j] as number, others, kept.count - 1) + slack;
    if (Math.abs(actual - others) > tolerance) return false;
  }
  return true;
}

function groupMembers(column: DimensionColumn, dropped: Uint8Array): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (let row = 0; row < dropped.length; row++) {
    const code = column.codes[row] as number;
    if (dropped[row] === 1 || code === NO_VALUE) continue;
    const list = members.get(code);
    if (list) list.push(row);
    else members.set(code, [row]);
  }
  return members;
}

/** The row is blank in some breakdown that every one of the other rows fills: it sits above them. */
function blankWhereOthersAreNot(row: number, others: number[], breakdowns: Breakdown[]): boolean {
  return breakdowns.some(
    ({ column }) =>
      column.codes[row] === NO_VALUE && others.every((other) => column.codes[other] !== NO_VALUE),
  );
}

function matchesTarget(table: MeasureTable, row: number, target: number[], rowsSummed: number): boolean {
  for (let j = 0; j < table.columns.length; j++) {
    const expected = target[j] as number;
    const value = (table.columns[j] as MeasureValues)[row] as number;
    const tolerance = toleranceOf(table.halfUnits[j] as number, expected, rowsSummed);
    const actual = Number.isNaN(value) ? 0 : value;
    if (Math.abs(actual - expected) > tolerance) return false;
  }
  return true;
}

/**
 * How far a printed total may be from the sum of printed rows. Each row may be off by half a unit, so n rows
 * by n half-units at worst; but that bound grows loose where values are few and small (four whole-dollar
 * rows may drift 2.50, a fifth of a $12 total), so the drift is also held to a thousandth of the total or
 * one unit, whichever is larger.
 */
function toleranceOf(halfUnit: number, expected: number, rowsSummed: number): number {
  const magnitude = Math.abs(expected);
  if (halfUnit === 0) return magnitude * 1e-6;
  const drift = Math.min(halfUnit * (rowsSummed + 1), Math.max(2 * halfUnit, magnitude * 1e-3));
  return drift + magnitude * 1e-9;
}

/**
 * Breakdown columns: dimensions with more than one value. A column that holds one value over the whole
 * file (the reporting window, the attribution setting, the account name) says nothing about which rows
 * are breakdown rows, so it never counts.
 */
function breakdownColumns(facts: FactTable): Breakdown[] {
  // Dictionaries hold only the values rows use, so their size is the number of distinct values.
  return Object.entries(facts.dimensions)
    .map(([name, column]) => ({ name, column, distinct: distinctCount(column) }))
    .filter((breakdown) => breakdown.distinct > 1);
}

function sumOf(values: MeasureValues, rows: number[]): number {
  let sum = 0;
  for (const row of rows) {
    const value = values[row] as number;
    if (!Number.isNaN(value)) sum += value;
  }
  return sum;
}

function nonZeroCount(values: number[]): number {
  return values.filter((value) => Math.abs(value) > 1e-12).length;
}

/** Measures that count events: whole numbers in them are exact, not rounded. */
const COUNTS: ReadonlySet<Measure> = new Set(["impressions", "clicks", "conversions"]);

/**
 * Half a unit of the most decimals any figure of the column is printed with (a total may drift from the
 * sum of rounded rows by that much per row); 0 when the figures are exact counts or were never rounded.
 */
function halfUnitOf(measure: Measure, values: MeasureValues): number {
  let decimals = 0;
  // A column prints every figure alike: a spread sample of rows shows its decimals.
  const step = Math.max(1, Math.floor(values.length / DECIMALS_SAMPLE));
  for (let row = 0; row < values.length; row += step) {
    const value = values[row] as number;
    if (Number.isNaN(value)) continue;
    while (decimals <= MAX_PRINTED_DECIMALS && !isWholeAt(value, decimals)) decimals++;
    if (decimals > MAX_PRINTED_DECIMALS) return 0;
  }
  return decimals === 0 && COUNTS.has(measure) ? 0 : 0.5 * 10 ** -decimals;
}

function isWholeAt(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}
