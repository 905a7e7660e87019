import { dayRange, type FactTable, MEASURES, type MeasureValues } from "../ingest/fact-table.js";
import { inBlocks } from "../ingest/row-blocks.js";
import { bucketStarts, type DaySpan, type Grain, intersectSpans } from "./calendar.js";
import { dimensionColumn, NOT_SET } from "./dimensions.js";
import { compileFilter, type Filter } from "./filter.js";
import type { MeasureSums } from "./kpis.js";
import { MetricsError } from "./metrics-error.js";

export interface GroupingRequest {
  /** Dimensions to group by, in order; each group gets one key per dimension. */
  by?: readonly string[];
  /** Also group by the day, week or month of each row (undated rows are then left out). */
  grain?: Grain;
  filter?: Filter;
  /** A further inclusive day restriction on top of the filter's, such as one period of a comparison. */
  within?: DaySpan;
  /** Extra measures (FactTable.extraMeasures) to sum as well, into each group's `extraSums`. */
  extras?: readonly string[];
}

export interface Group {
  /** One label per `by` dimension; blank cells are labelled "(not set)". */
  keys: string[];
  /** First day of the group's bucket, or null without a grain. */
  bucket: number | null;
  rows: number;
  /**
   * One sum per measure present in the table, NaN cells skipped. A sum is null when the group has rows but
   * not one of them has a value for the measure: nothing known is not the same as a known zero.
   */
  sums: MeasureSums;
  /** Sums of the requested extra measures, null where no row of the group has a value. */
  extraSums?: Record<string, number | null>;
}

/**
 * One grouping stage: a slot per row (-1 = row left out) among `card` slots. A "key" stage labels its slots
 * with dimension values, a "bucket" stage with bucket start days, and a "mask" stage only leaves rows out.
 */
type Stage = { slots: Int32Array; card: number } & (
  | { role: "key"; labels: readonly string[] }
  | { role: "bucket"; starts: readonly number[] }
  | { role: "mask" }
);

type Level = { kind: "dense"; card: number } | { kind: "sparse"; parents: number[]; slots: number[] };

/**
 * The one pass over rows behind every figure: sums of every present measure grouped by dimension codes
 * and/or date buckets, restricted by a filter. Filtering and grouping are both lookups of a row's codes
 * in small typed tables, so a million rows take milliseconds; everything downstream works on the few
 * groups returned (only groups with at least one row).
 */
export function aggregate(facts: FactTable, request: GroupingRequest = {}): Group[] {
  const compiled = compileFilter(facts, request.filter);
  const only = request.by?.length === 1 ? request.by[0] : undefined;
  if (
    only !== undefined &&
    compiled.masks.size === 0 &&
    !compiled.span &&
    !request.within &&
    !request.grain
  ) {
    return groupByCodes(facts, dimensionColumn(facts, only), request.extras ?? []).groups;
  }
  const stages: Stage[] = [];
  const grouped = new Set<unknown>();
  for (const name of request.by ?? []) {
    const column = dimensionColumn(facts, name);
    grouped.add(column);
    stages.push(dimensionStage(column.codes, column.values, compiled.masks.get(column)));
  }
  for (const [column, keep] of compiled.masks) {
    if (!grouped.has(column)) stages.push(maskStage(column.codes, keep));
  }
  const span =
    compiled.span && request.within
      ? intersectSpans(compiled.span, request.within)
      : (compiled.span ?? request.within ?? null);
  if (span || request.grain) stages.push(dayStage(facts, span, request.grain));
  return collectGroups(facts, stages, request.extras ?? []);
}

/**
 * Groups every row by one dimension and sums the whole table in the same passes: what `mpo analyze --by`
 * shows. The figures are those of `aggregate(facts, { by: [dimension] })` and of `aggregate(facts)`.
 */
export function aggregateWithTotal(
  facts: FactTable,
  dimension: string,
): { groups: Group[]; total: Group | null } {
  return groupByCodes(facts, dimensionColumn(facts, dimension), []);
}

/**
 * One dimension over every row needs no slot per row: a row's code is its group's number, and blank cells
 * join the "(not set)" group. The sums add in row order, per group and over the whole table, as the
 * general path's do.
 */
function groupByCodes(
  facts: FactTable,
  column: { codes: Int32Array; values: readonly string[] },
  extras: readonly string[],
): { groups: Group[]; total: Group | null } {
  const { codes } = column;
  const labels = [...column.values];
  let blankSlot = labels.indexOf(NOT_SET);
  if (blankSlot < 0) blankSlot = labels.push(NOT_SET) - 1;
  const measures = MEASURES.filter((measure) => facts.measures[measure]);
  const columns = [
    ...measures.map((measure) => facts.measures[measure] as MeasureValues),
    ...extras.map((name) => {
      const values = facts.extraMeasures[name];
      if (!values) throw new MetricsError(`unknown measure "${name}"`);
      return values;
    }),
  ];
  const { rows, totals, wholes } = sumPerCode(columns, codes, blankSlot, labels.length);
  const sumsOf = columns.map((values, j) => ({
    totals: totals[j] as Float64Array,
    ...unknownSums(values, codes, blankSlot, totals[j] as Float64Array, rows, wholes[j] as number),
  }));
  const measureSums = measures.map((measure, j) => ({ measure, ...(sumsOf[j] as (typeof sumsOf)[number]) }));
  const extraSums = extras.map((name, j) => ({
    name,
    ...(sumsOf[measures.length + j] as (typeof sumsOf)[number]),
  }));
  const groups: Group[] = [];
  for (let group = 0; group < labels.length; group++) {
    if (rows[group] === 0) continue;
    const sums: MeasureSums = {};
    for (const { measure, totals, blank } of measureSums) {
      sums[measure] = blank.has(group) ? null : (totals[group] as number);
    }
    const result: Group = {
      keys: [labels[group] as string],
      bucket: null,
      rows: rows[group] as number,
      sums,
    };
    if (extraSums.length > 0) {
      result.extraSums = {};
      for (const { name, totals, blank } of extraSums) {
        result.extraSums[name] = blank.has(group) ? null : (totals[group] as number);
      }
    }
    groups.push(result);
  }
  if (facts.rowCount === 0) return { groups, total: null };
  const sums: MeasureSums = {};
  for (const { measure, whole } of measureSums) sums[measure] = whole;
  return { groups, total: { keys: [], bucket: null, rows: facts.rowCount, sums } };
}

/**
 * Rows and sums per code, and each column's sum over every row, a block of rows at a time: the block's codes
 * are read from memory once for all the columns. Every sum still adds its rows in row order.
 */
function sumPerCode(columns: MeasureValues[], codes: Int32Array, blankSlot: number, card: number) {
  const rows = new Float64Array(card);
  const totals = columns.map(() => new Float64Array(card));
  const wholes = new Float64Array(columns.length);
  inBlocks(codes.length, (from, to) => {
    countPerCodeIn(codes, blankSlot, rows, from, to);
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j] as MeasureValues;
      const sums = totals[j] as Float64Array;
      wholes[j] = addPerCodeIn(column, codes, blankSlot, sums, from, to, wholes[j] as number);
    }
  });
  return { rows, totals, wholes };
}

/**
 * The groups of a column where every cell was absent, and its whole sum, null when no row has a value. As
 * in sumByGroup, only a sum of exactly zero can be all-absent, so most columns need no second pass.
 */
function unknownSums(
  column: MeasureValues,
  codes: Int32Array,
  blankSlot: number,
  totals: Float64Array,
  rows: Float64Array,
  whole: number,
) {
  const blank = new Set<number>();
  totals.forEach((total, group) => {
    if (total === 0 && (rows[group] as number) > 0) blank.add(group);
  });
  let known = whole !== 0 || codes.length === 0;
  if (blank.size > 0 || !known) {
    for (let row = 0; row < codes.length; row++) {
      if (Number.isNaN(column[row] as number)) continue;
      known = true;
      const code = codes[row] as number;
      blank.delete(code < 0 ? blankSlot : code);
    }
  }
  return { blank, whole: known ? whole : null };
}

function dimensionStage(codes: Int32Array, values: readonly string[], keep: Uint8Array | undefined): Stage {
  const labels = [...values];
  let blankSlot = labels.indexOf(NOT_SET);
  if (blankSlot < 0) blankSlot = labels.push(NOT_SET) - 1;
  const slotOfCode = new Int32Array(values.length + 1);
  for (let index = 0; index < slotOfCode.length; index++) {
    slotOfCode[index] = keep && keep[index] === 0 ? -1 : index === 0 ? blankSlot : index - 1;
  }
  const slots = new Int32Array(codes.length);
  slotsByCode(codes, slotOfCode, slots);
  return { role: "key", slots, card: labels.length, labels };
}

function maskStage(codes: Int32Array, keep: Uint8Array): Stage {
  const slotOfCode = Int32Array.from(keep, (kept) => (kept === 1 ? 0 : -1));
  const slots = new Int32Array(codes.length);
  slotsByCode(codes, slotOfCode, slots);
  return { role: "mask", slots, card: 1 };
}

function dayStage(facts: FactTable, span: DaySpan | null, grain: Grain | undefined): Stage {
  const days = facts.days;
  if (!days) throw new MetricsError("this data has no dates, so it has no trend, periods or daily series");
  const dataSpan = dayRange(facts);
  const window = dataSpan ? intersectSpans(dataSpan, span) : { first: 0, last: -1 };
  const width = Math.max(0, window.last - window.first + 1);
  // Every day of the window maps to its bucket through a table, so the row loop does no date math.
  const starts = grain ? bucketStarts(window, grain) : [window.first];
  const slotOfDay = new Int32Array(width);
  let bucket = 0;
  for (let offset = 0; offset < width; offset++) {
    while ((starts[bucket + 1] ?? Number.POSITIVE_INFINITY) <= window.first + offset) bucket++;
    slotOfDay[offset] = bucket;
  }
  const slots = new Int32Array(days.length);
  slotsByDay(days, window.first, slotOfDay, slots);
  return grain ? { role: "bucket", slots, card: starts.length, starts } : { role: "mask", slots, card: 1 };
}

function collectGroups(facts: FactTable, stages: readonly Stage[], extras: readonly string[]): Group[] {
  const rowCount = facts.rowCount;
  const { groupIds, groupCount, levels } = assignGroups(rowCount, stages);
  const rows = new Float64Array(groupCount);
  if (groupIds) countPerGroup(groupIds, rows);
  else if (groupCount > 0) rows[0] = rowCount;

  const measureSums = MEASURES.flatMap((measure) => {
    const column = facts.measures[measure];
    return column ? [{ measure, ...sumByGroup(column, groupIds, rows) }] : [];
  });
  const extraSums = extras.map((name) => {
    const column = facts.extraMeasures[name];
    if (!column) throw new MetricsError(`unknown measure "${name}"`);
    return { name, ...sumByGroup(column, groupIds, rows) };
  });
  const groups: Group[] = [];
  for (let group = 0; group < groupCount; group++) {
    if (rows[group] === 0) continue;
    const sums: MeasureSums = {};
    for (const { measure, totals, blank } of measureSums) {
      sums[measure] = blank.has(group) ? null : (totals[group] as number);
    }
    const slots = decodeGroup(group, levels);
    const keys: string[] = [];
    let bucket: number | null = null;
    stages.forEach((stage, index) => {
      const slot = slots[index] as number;
      if (stage.role === "key") keys.push(stage.labels[slot] as string);
      else if (stage.role === "bucket") bucket = stage.starts[slot] as number;
    });
    const result: Group = { keys, bucket, rows: rows[group] as number, sums };
    if (extraSums.length > 0) {
      result.extraSums = {};
      for (const { name, totals, blank } of extraSums) {
        result.extraSums[name] = blank.has(group) ? null : (totals[group] as number);
      }
    }
    groups.push(result);
  }
  return groups;
}

/**
 * Numbers each row's combination of slots. While the number of possible combinations stays small the id
 * is positional (id * card + slot), which needs no lookup; past that, ids are handed out densely through a
 * Map so that many high-cardinality dimensions cannot blow up memory.
 */
function assignGroups(rowCount: number, stages: readonly Stage[]) {
  const levels: Level[] = [];
  if (stages.length === 0) return { groupIds: null, groupCount: rowCount > 0 ? 1 : 0, levels };
  const denseLimit = Math.max(rowCount, 1 << 16);
  // The first stage's slots are already positional ids (0 * card + slot); the array is ours to reuse.
  const [first, ...rest] = stages as [Stage, ...Stage[]];
  const groupIds = first.slots;
  let groupCount = first.card;
  levels.push({ kind: "dense", card: first.card });
  for (const { slots, card } of rest) {
    if (groupCount * card <= denseLimit) {
      combineDense(groupIds, slots, card);
      groupCount *= card;
      levels.push({ kind: "dense", card });
    } else {
      const ids = new Map<number, number>();
      const parents: number[] = [];
      const chosen: number[] = [];
      for (let row = 0; row < rowCount; row++) {
        const group = groupIds[row] as number;
        if (group < 0) continue;
        const slot = slots[row] as number;
        if (slot < 0) {
          groupIds[row] = -1;
          continue;
        }
        const combined = group * card + slot;
        let id = ids.get(combined);
        if (id === undefined) {
          id = parents.push(group) - 1;
          chosen.push(slot);
          ids.set(combined, id);
        }
        groupIds[row] = id;
      }
      groupCount = parents.length;
      levels.push({ kind: "sparse", parents, slots: chosen });
    }
  }
  return { groupIds, groupCount, levels };
}

/** The slot of each stage that a group id stands for. */
function decodeGroup(group: number, levels: readonly Level[]): number[] {
  const slots: number[] = new Array(levels.length);
  let id = group;
  for (let index = levels.length - 1; index >= 0; index--) {
    const level = levels[index] as Level;
    if (level.kind === "dense") {
      slots[index] = id % level.card;
      id = Math.floor(id / level.card);
    } else {
      slots[index] = level.slots[id] as number;
      id = level.parents[id] as number;
    }
  }
  return slots;
}

/**
 * Sums a measure per group, skipping NaN (absent) cells, and names the groups where every cell was absent.
 * Counting values per group in the main loop would cost a third of its time; only a group summing to exactly
 * zero can be all-absent, so those few are checked in a second pass.
 */
function sumByGroup(column: MeasureValues, groupIds: Int32Array | null, rows: Float64Array) {
  const totals = new Float64Array(rows.length);
  if (groupIds) addPerGroup(column, groupIds, totals);
  else if (rows.length > 0) totals[0] = sumKnown(column);
  const blank = new Set<number>();
  totals.forEach((total, group) => {
    if (total === 0 && (rows[group] as number) > 0) blank.add(group);
  });
  if (blank.size > 0) {
    for (let row = 0; row < column.length; row++) {
      if (!Number.isNaN(column[row] as number)) blank.delete(groupIds ? (groupIds[row] as number) : 0);
    }
  }
  return { totals, blank };
}

// The row loops below live in small functions that allocate nothing: V8 compiles such loops reliably,
// while the same loop after an allocation in a larger function measured up to three times slower. They run
// a block of rows per call (inBlocks), each block going on from where the last stopped, so sums add in row
// order exactly as one loop would.

function sumKnown(column: MeasureValues): number {
  let total = 0;
  inBlocks(column.length, (from, to) => {
    total = sumKnownIn(column, from, to, total);
  });
  return total;
}

function sumKnownIn(column: MeasureValues, from: number, to: number, total: number): number {
  let sum = total;
  for (let row = from; row < to; row++) {
    const value = column[row] as number;
    if (!Number.isNaN(value)) sum += value;
  }
  return sum;
}

function addPerCodeIn(
  column: MeasureValues,
  codes: Int32Array,
  blankSlot: number,
  totals: Float64Array,
  from: number,
  to: number,
  total: number,
): number {
  let sum = total;
  for (let row = from; row < to; row++) {
    const value = column[row] as number;
    if (Number.isNaN(value)) continue;
    const code = codes[row] as number;
    const group = code < 0 ? blankSlot : code;
    totals[group] = (totals[group] as number) + value;
    sum += value;
  }
  return sum;
}

function countPerCodeIn(codes: Int32Array, blankSlot: number, rows: Float64Array, from: number, to: number) {
  for (let row = from; row < to; row++) {
    const code = codes[row] as number;
    const group = code < 0 ? blankSlot : code;
    rows[group] = (rows[group] as number) + 1;
  }
}

function addPerGroup(column: MeasureValues, groupIds: Int32Array, totals: Float64Array): void {
  inBlocks(column.length, (from, to) => addPerGroupIn(column, groupIds, totals, from, to));
}

function addPerGroupIn(
  column: MeasureValues,
  groupIds: Int32Array,
  totals: Float64Array,
  from: number,
  to: number,
): void {
  for (let row = from; row < to; row++) {
    const group = groupIds[row] as number;
    const value = column[row] as number;
    if (group >= 0 && !Number.isNaN(value)) totals[group] = (totals[group] as number) + value;
  }
}

function countPerGroup(groupIds: Int32Array, rows: Float64Array): void {
  inBlocks(groupIds.length, (from, to) => countPerGroupIn(groupIds, rows, from, to));
}

function countPerGroupIn(groupIds: Int32Array, rows: Float64Array, from: number, to: number): void {
  for (let row = from; row < to; row++) {
    const group = groupIds[row] as number;
    if (group >= 0) rows[group] = (rows[group] as number) + 1;
  }
}

function slotsByCode(codes: Int32Array, slotOfCode: Int32Array, slots: Int32Array): void {
  inBlocks(codes.length, (from, to) => slotsByCodeIn(codes, slotOfCode, slots, from, to));
}

function slotsByCodeIn(
  codes: Int32Array,
  slotOfCode: Int32Array,
  slots: Int32Array,
  from: number,
  to: number,
) {
  for (let row = from; row < to; row++) slots[row] = slotOfCode[(codes[row] as number) + 1] as number;
}

function slotsByDay(days: Int32Array, first: number, slotOfDay: Int32Array, slots: Int32Array): void {
  inBlocks(days.length, (from, to) => slotsByDayIn(days, first, slotOfDay, slots, from, to));
}

function slotsByDayIn(
  days: Int32Array,
  first: number,
  slotOfDay: Int32Array,
  slots: Int32Array,
  from: number,
  to: number,
): void {
  const width = slotOfDay.length;
  for (let row = from; row < to; row++) {
    const offset = (days[row] as number) - first;
    // NO_DAY is far below any real day, so the range check rejects undated rows too.
    slots[row] = offset >= 0 && offset < width ? (slotOfDay[offset] as number) : -1;
  }
}

function combineDense(groupIds: Int32Array, slots: Int32Array, card: number): void {
  inBlocks(groupIds.length, (from, to) => combineDenseIn(groupIds, slots, card, from, to));
}

function combineDenseIn(groupIds: Int32Array, slots: Int32Array, card: number, from: number, to: number) {
  for (let row = from; row < to; row++) {
    const group = groupIds[row] as number;
    if (group < 0) continue;
    const slot = slots[row] as number;
    groupIds[row] = slot < 0 ? -1 : group * card + slot;
  }
}
