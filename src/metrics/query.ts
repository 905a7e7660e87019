import { dayToIso, type FactTable, isoToDay, MEASURES } from "../ingest/fact-table.js";
import { aggregate } from "./aggregate.js";
import { PAIR_SEPARATOR } from "./breakdown.js";
import type { Filter } from "./filter.js";
import { type Figures, figuresFromSums, type MeasureSums } from "./kpis.js";
import { isLowerBetter, type Metric } from "./metric-catalog.js";
import { MetricsError } from "./metrics-error.js";
import { compareKeys, descendingNullsLast } from "./ordering.js";
import { rankRows, spentWithNoResults } from "./rank.js";
import { partialPeriods } from "./trend.js";

/** Parts of a row's date a query can group by, beside the data's dimensions. */
export const TIME_PARTS = ["day", "week", "month", "quarter", "weekday"] as const;
export type TimePart = (typeof TIME_PARTS)[number];

export interface QueryLimit {
  metric: Metric;
  above?: number;
  below?: number;
}

export interface QueryRequest {
  /** Up to two dimensions or time parts; none gives one row, the total. */
  by: readonly string[];
  filter?: Filter;
  /** Rows that spent less are left out. */
  minSpend?: number;
  /** Rows must be past every limit; a row without the metric never passes. */
  limits?: readonly QueryLimit[];
  /** By default rows come largest spend first, or in calendar order when grouped by a time part first. */
  sort?: { metric: Metric; direction: "desc" | "asc" };
  limit?: number;
}

export type QueryRow = { key: string } & Figures;

export interface QueryResult {
  rows: QueryRow[];
  /** Rows before `limit`. */
  rowsTotal: number;
  /**
   * `spentWithoutResults`: rows sorted by a cost ratio, lowest (best) first, that spent with none of its
   * results: they have no value, and are the worst, not the best.
   */
  leftOut: {
    belowMinSpend: number;
    outsideLimits: number;
    withoutSortMetric: number;
    spentWithoutResults: number;
  };
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const SIZE_ORDER = ["spend", "revenue", "conversions", "clicks", "impressions"] as const;

export function isTimePart(name: string): name is TimePart {
  return (TIME_PARTS as readonly string[]).includes(name);
}

/**
 * Figures grouped by up to two dimensions or parts of the date (day, week, month, quarter, weekday), each
 * row's KPIs computed from its sums. Time parts are folded from daily groups, so "weekday" sums every
 * Monday of the period; undated rows are then left out.
 */
export function query(facts: FactTable, request: QueryRequest): QueryResult {
  if (request.by.length > 2) throw new MetricsError("a query groups by two dimensions or time parts at most");
  const times = request.by.filter(isTimePart);
  const dimensions = request.by.filter((name) => !isTimePart(name));
  if (times.length > 0 && !facts.days) {
    throw new MetricsError("this data has no dates, so it cannot be grouped by day, week, month or weekday");
  }
  const groups = aggregate(facts, {
    by: dimensions,
    filter: request.filter,
    ...(times.length > 0 ? { grain: "day" as const } : {}),
  });
  const folded = new Map<string, { parts: Part[]; sums: MeasureSums }>();
  for (const group of groups) {
    let dimension = 0;
    const parts = request.by.map((name): Part => {
      if (isTimePart(name)) return timePart(name, group.bucket ?? 0);
      const label = group.keys[dimension++] ?? "";
      return { label, order: null };
    });
    const id = parts.map((part) => part.label).join(PAIR_SEPARATOR);
    const seen = folded.get(id);
    if (seen) addSums(seen.sums, group.sums);
    else folded.set(id, { parts, sums: { ...group.sums } });
  }
  const all = [...folded.values()].map((entry) => ({
    parts: entry.parts,
    row: { key: entry.parts.map((part) => part.label).join(PAIR_SEPARATOR), ...figuresFromSums(entry.sums) },
  }));
  const floor = request.minSpend;
  if (floor !== undefined && !facts.measures.spend) {
    throw new MetricsError("a minimum spend needs spend, and this data has no spend column");
  }
  const funded =
    floor === undefined ? all : all.filter(({ row }) => row.spend !== null && row.spend >= floor);
  const limited = funded.filter(({ row }) => passes(row, request.limits ?? []));
  const { rows, excluded } = request.sort
    ? sortedByMetric(limited, request.sort)
    : { rows: inNaturalOrder(limited, facts, request.by), excluded: { noValue: 0, spentWithoutResults: 0 } };
  return {
    rows: request.limit === undefined ? rows : rows.slice(0, request.limit),
    rowsTotal: rows.length,
    leftOut: {
      belowMinSpend: all.length - funded.length,
      outsideLimits: funded.length - limited.length,
      withoutSortMetric: excluded.noValue,
      spentWithoutResults: excluded.spentWithoutResults,
    },
  };
}

/**
 * Sorted by a metric, rows are a ranking: the one every answer uses, so a row that spent with no
 * conversions leads "highest CPA first" instead of dropping out.
 */
function sortedByMetric(
  entries: readonly { row: QueryRow }[],
  sort: NonNullable<QueryRequest["sort"]>,
): { rows: QueryRow[]; excluded: { noValue: number; spentWithoutResults: number } } {
  const order = (sort.direction === "asc") === isLowerBetter(sort.metric) ? "top" : "bottom";
  const ranking = rankRows(
    entries.map(({ row }) => row),
    { metric: sort.metric, order, minSpend: null },
  );
  return {
    rows: ranking.rows.map(({ rank: _, withoutResults: __, ...row }) => row),
    excluded: ranking.excluded,
  };
}

/** Calendar order when grouped by a time part first, else largest first. */
function inNaturalOrder(
  entries: { parts: Part[]; row: QueryRow }[],
  facts: FactTable,
  by: readonly string[],
): QueryRow[] {
  const size = SIZE_ORDER.find((measure) => facts.measures[measure]);
  const calendar = isTimePart(by[0] ?? "");
  entries.sort((a, b) => {
    if (calendar) {
      const byTime = chronological(a.parts, b.parts);
      if (byTime !== 0) return byTime;
    }
    return (size ? descendingNullsLast(a.row[size], b.row[size]) : 0) || compareKeys(a.row.key, b.row.key);
  });
  return entries.map(({ row }) => row);
}

/** One part of a row's key; time parts carry an order so weeks and weekdays come in calendar order. */
interface Part {
  label: string;
  order: number | null;
}

/**
 * The keys of the weeks or months of a query that the data covers only in part (the first and last, as
 * the trend tool names them), so a ranking of whole weeks against a 2-day one says so.
 */
export function partialTimeKeys(facts: FactTable, part: "week" | "month", filter?: Filter): string[] {
  return partialPeriods(facts, part, { filter }).map((iso) => timePart(part, isoToDay(iso)).label);
}

function timePart(part: TimePart, day: number): Part {
  const iso = dayToIso(day);
  const month = Number(iso.slice(5, 7));
  switch (part) {
    case "day":
      return { label: iso, order: day };
    case "week": {
      const monday = day - mod(day + 3, 7); // day 0, 1970-01-01, was a Thursday
      return { label: `week of ${dayToIso(monday)}`, order: monday };
    }
    case "month":
      return { label: iso.slice(0, 7), order: Number(iso.slice(0, 4)) * 12 + month };
    case "quarter": {
      const quarter = Math.ceil(month / 3);
      return { label: `${iso.slice(0, 4)} Q${quarter}`, order: Number(iso.slice(0, 4)) * 4 + quarter };
    }
    case "weekday": {
      const index = mod(day + 3, 7);
      return { label: WEEKDAYS[index] ?? "", order: index };
    }
  }
}

function chronological(a: readonly Part[], b: readonly Part[]): number {
  for (let index = 0; index < a.length; index++) {
    const left = a[index]?.order;
    const right = b[index]?.order;
    if (left === null || right === null || left === undefined || right === undefined) continue;
    if (left !== right) return left - right;
  }
  return 0;
}

function addSums(into: MeasureSums, more: MeasureSums): void {
  for (const measure of MEASURES) {
    const value = more[measure];
    if (value === undefined || value === null) continue;
    into[measure] = (into[measure] ?? 0) + value;
  }
}

function passes(row: Figures, limits: readonly QueryLimit[]): boolean {
  return limits.every(({ metric, above, below }) => {
    const value = row[metric];
    // Spent with no conversions: a CPA past any figure, so over every "above" and under no "below".
    if (value === null) return below === undefined && above !== undefined && spentWithNoResults(row, metric);
    return (above === undefined || value > above) && (below === undefined || value < below);
  });
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
