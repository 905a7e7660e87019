import {
  type DateRange,
  type FactTable,
  isoToDay,
  NO_DAY,
  NO_VALUE,
  type ParseReceipt,
  STANDARD_DIMENSIONS,
} from "../ingest/index.js";

export interface ReportSource {
  receipt: ParseReceipt;
  facts: FactTable;
}

export interface RepeatedReports {
  /** Per source (same order), the rows already counted in another source. */
  rowsToDrop: number[][];
  notes: string[];
}

const COMPARED = ["spend", "impressions", "clicks", "conversions", "revenue"] as const;
type Sums = Partial<Record<(typeof COMPARED)[number], number>>;
interface KeyGroup {
  label: string;
  rows: number[];
  sums: Sums;
}

/**
 * The same account and period uploaded twice (a daily and a totals version of one report, or one report
 * downloaded twice) is counted once. Two files of one platform and currency whose periods meet are
 * compared at the grain they share: the dimensions both have (campaign, ad group...) and the day when
 * both have daily rows, else the undated file's stated period of the daily one. A group with the same
 * figures in both is one fact; the file kept is the finer one (daily rows, then more rows). Groups with
 * different figures for the same days are not dropped, but said: a refreshed download would double count.
 */
export function findRepeatedReports(sources: readonly ReportSource[]): RepeatedReports {
  const dropped = sources.map(() => new Set<number>());
  const notes: string[] = [];
  const order = sources
    .map((source, index) => ({ source, index }))
    .sort(
      (a, b) =>
        Number(isDaily(b.source.facts)) - Number(isDaily(a.source.facts)) ||
        b.source.facts.rowCount - a.source.facts.rowCount ||
        a.index - b.index,
    );
  for (let i = 1; i < order.length; i++) {
    const candidate = order[i] as { source: ReportSource; index: number };
    for (const kept of order.slice(0, i)) {
      if (!comparable(kept.source.receipt, candidate.source.receipt)) continue;
      const found = compare(kept.source, candidate.source);
      if (!found) continue;
      const drop = dropped[candidate.index] as Set<number>;
      for (const group of found.repeated) for (const row of group.rows) drop.add(row);
      const note = describe(kept.source.receipt.file, candidate.source, found, drop.size);
      if (note) notes.push(note);
    }
  }
  return { rowsToDrop: dropped.map((rows) => [...rows].sort((a, b) => a - b)), notes };
}

function comparable(a: ParseReceipt, b: ParseReceipt): boolean {
  if (a.platform !== b.platform || a.currency !== b.currency) return false;
  return (
    !a.dateRange || !b.dateRange || (a.dateRange.from <= b.dateRange.to && b.dateRange.from <= a.dateRange.to)
  );
}

function isDaily(facts: FactTable): boolean {
  return facts.days?.some((day) => day !== NO_DAY) ?? false;
}

interface Comparison {
  repeated: KeyGroup[];
  conflicting: Array<{ kept: KeyGroup; candidate: KeyGroup }>;
}

function compare(kept: ReportSource, candidate: ReportSource): Comparison | null {
  const dimensions = STANDARD_DIMENSIONS.filter(
    (name) => kept.facts.dimensions[name] && candidate.facts.dimensions[name],
  );
  const byDay = isDaily(kept.facts) && isDaily(candidate.facts);
  // A daily file is cut to the period an undated (totals) file states for itself.
  const period = byDay ? null : (candidate.receipt.dateRange ?? null);
  const keptGroups = groupRows(kept.facts, dimensions, byDay, isDaily(kept.facts) ? period : null);
  const candidateGroups = groupRows(candidate.facts, dimensions, byDay, null);
  const repeated: KeyGroup[] = [];
  const conflicting: Comparison["conflicting"] = [];
  for (const [key, group] of candidateGroups) {
    const other = keptGroups.get(key);
    if (!other) continue;
    const verdict = sameFigures(other.sums, group.sums);
    if (verdict === "same") repeated.push(group);
    else if (verdict === "different") conflicting.push({ kept: other, candidate: group });
  }
  return repeated.length > 0 || conflicting.length > 0 ? { repeated, conflicting } : null;
}

function groupRows(
  facts: FactTable,
  dimensions: readonly string[],
  byDay: boolean,
  period: DateRange | null,
): Map<string, KeyGroup> {
  const groups = new Map<string, KeyGroup>();
  const first = period ? isoToDay(period.from) : Number.NEGATIVE_INFINITY;
  const last = period ? isoToDay(period.to) : Number.POSITIVE_INFINITY;
  const columns = dimensions.map((name) => facts.dimensions[name]);
  for (let row = 0; row < facts.rowCount; row++) {
    const day = facts.days ? (facts.days[row] as number) : NO_DAY;
    if (period && (day === NO_DAY || day < first || day > last)) continue;
    const parts = columns.map((column) => {
      const code = column ? (column.codes[row] as number) : NO_VALUE;
      return code === NO_VALUE || !column ? "" : (column.values[code] as string).trim().toLowerCase();
    });
    if (byDay) parts.push(String(day));
    const key = parts.join("\u0001");
    let group = groups.get(key);
    if (!group) {
      group = { label: labelOf(columns, row), rows: [], sums: {} };
      groups.set(key, group);
    }
    group.rows.push(row);
    for (const measure of COMPARED) {
      const value = facts.measures[measure]?.[row];
      if (value !== undefined && !Number.isNaN(value))
        group.sums[measure] = (group.sums[measure] ?? 0) + value;
    }
  }
  return groups;
}

function labelOf(columns: ReadonlyArray<FactTable["dimensions"][string] | undefined>, row: number): string {
  const values = columns.flatMap((column) => {
    const code = column ? (column.codes[row] as number) : NO_VALUE;
    return code === NO_VALUE || !column ? [] : [column.values[code] as string];
  });
  return values.length > 0 ? values.join(" / ") : "all rows";
}

/**
 * "same" when every measure both have agrees: money to rounding (the two downloads print cents, or the
 * daily rows sum what the totals round), counts within 2% (impressions keep settling for days after a
 * download). At least one figure must be non-zero, or an empty row would match every empty row.
 */
function sameFigures(a: Sums, b: Sums): "same" | "different" | "unknown" {
  const shared = COMPARED.filter((measure) => a[measure] !== undefined && b[measure] !== undefined);
  if (shared.length === 0) return "unknown";
  if (shared.every((measure) => a[measure] === 0 && b[measure] === 0)) return "unknown";
  const close = shared.every((measure) => {
    const x = a[measure] as number;
    const y = b[measure] as number;
    const size = Math.max(Math.abs(x), Math.abs(y));
    const money = measure === "spend" || measure === "revenue";
    return Math.abs(x - y) <= (money ? Math.max(0.015, 5e-4 * size) : Math.max(1, 0.02 * size));
  });
  return close ? "same" : "different";
}

function describe(
  keptFile: string,
  candidate: ReportSource,
  found: Comparison,
  dropped: number,
): string | null {
  const file = candidate.receipt.file;
  const parts: string[] = [];
  if (found.repeated.length > 0) {
    const whole = dropped === candidate.facts.rowCount;
    parts.push(
      whole
        ? `${file} repeats ${keptFile} (the same report for the same period): it is counted once`
        : `${file} repeats ${keptFile} for ${listed(found.repeated.map((g) => g.label))}: counted once`,
    );
  }
  if (found.conflicting.length > 0) {
    parts.push(
      `${file} and ${keptFile} both hold ${listed(found.conflicting.map((c) => c.candidate.label))} for the same days with different figures: if they are two downloads of one report, remove the older one; both are counted`,
    );
  }
  return parts.length > 0 ? parts.join("; ") : null;
}

function listed(labels: string[]): string {
  const unique = [...new Set(labels)];
  const shown = unique.slice(0, 3).join(", ");
  return unique.length > 3 ? `${shown} and ${unique.length - 3} more` : shown;
}
