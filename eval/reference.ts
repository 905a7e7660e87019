import { formatChange, formatFigure } from "../src/format/format-figures.js";
import type { Metric } from "../src/metrics/index.js";
import type { FixtureRecord } from "./fixtures/fixture.js";

/**
 * Expected figures computed straight from the fixture's records with the textbook formulas, independently
 * of the metrics engine: the eval checks that the analyst picked the right slice and said it right.
 */
export interface Slice {
  where?: Record<string, string[]>;
  /** Days of the week, "Monday" to "Sunday", of the record's date. */
  weekdays?: string[];
  /** Names holding this text, any case ("brand" keeps "0-D-GO-Brand"). */
  contains?: Record<string, string>;
  /** Names not holding this text. */
  excludes?: Record<string, string>;
  from?: string;
  to?: string;
}

const RATIOS: Partial<Record<Metric, [keyof FixtureRecord, keyof FixtureRecord, number]>> = {
  ctr: ["clicks", "impressions", 1],
  cpc: ["spend", "clicks", 1],
  cpm: ["spend", "impressions", 1000],
  cvr: ["conversions", "clicks", 1],
  cpa: ["spend", "conversions", 1],
  roas: ["revenue", "spend", 1],
  aov: ["revenue", "conversions", 1],
};

export function referenceValue(
  records: readonly FixtureRecord[],
  metric: Metric,
  slice: Slice = {},
): number | null {
  const rows = records.filter((record) => inSlice(record, slice));
  const sum = (field: keyof FixtureRecord) => rows.reduce((total, row) => total + Number(row[field] ?? 0), 0);
  const ratio = RATIOS[metric];
  if (!ratio) return sum(metric as keyof FixtureRecord);
  const denominator = sum(ratio[1]);
  return denominator === 0 ? null : (sum(ratio[0]) / denominator) * ratio[2];
}

/** The figure as the analyst must write it. */
export function referenceText(
  records: readonly FixtureRecord[],
  metric: Metric,
  slice: Slice,
  currency: string | null,
): string {
  return formatFigure(metric, referenceValue(records, metric, slice), currency);
}

/** A change between two slices as the analyst must write it ("+19.1%"). */
export function referenceChange(
  records: readonly FixtureRecord[],
  metric: Metric,
  current: Slice,
  previous: Slice,
): string {
  const now = referenceValue(records, metric, current);
  const before = referenceValue(records, metric, previous);
  if (now === null || before === null) return formatChange(null, null);
  const absolute = now - before;
  return formatChange(before === 0 ? null : absolute / Math.abs(before), absolute);
}

/** A change under this share either way is "about flat": the threshold the plain answer promises. */
const FLAT_CHANGE = 0.02;

/** How a plain answer to "did it go up?" (or down) must open, from the change between two slices. */
export function referenceVerdict(
  records: readonly FixtureRecord[],
  metric: Metric,
  asked: "up" | "down",
  current: Slice,
  previous: Slice,
): string | null {
  const now = referenceValue(records, metric, current);
  const before = referenceValue(records, metric, previous);
  if (now === null || before === null) return null;
  const relative = before === 0 ? null : (now - before) / Math.abs(before);
  if (relative === null ? now === before : Math.abs(relative) < FLAT_CHANGE) return "**About flat: ";
  return now > before === (asked === "up") ? "**Yes: " : "**No: ";
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function inSlice(record: FixtureRecord, slice: Slice): boolean {
  if (slice.weekdays) {
    const weekday = record.date ? WEEKDAYS[new Date(`${record.date}T00:00:00Z`).getUTCDay()] : undefined;
    if (!weekday || !slice.weekdays.includes(weekday)) return false;
  }
  if (slice.from && (!record.date || record.date < slice.from)) return false;
  if (slice.to && (!record.date || record.date > slice.to)) return false;
  const holds = (dimension: string, part: string) =>
    (record.dimensions[dimension] ?? "").toLowerCase().includes(part.toLowerCase());
  for (const [dimension, part] of Object.entries(slice.contains ?? {})) {
    if (!holds(dimension, part)) return false;
  }
  for (const [dimension, part] of Object.entries(slice.excludes ?? {})) {
    if (holds(dimension, part)) return false;
  }
  for (const [dimension, values] of Object.entries(slice.where ?? {})) {
    const value = record.dimensions[dimension]?.toLowerCase();
    if (!values.some((wanted) => wanted.toLowerCase() === value)) return false;
  }
  return true;
}
