import { decodeValue, dictionarySize, type TextDictionary } from "./text-dictionary.js";

/**
 * The canonical data model in memory: one fact per row, stored column by column.
 *
 * Columns are typed arrays rather than arrays of objects because a million-row export must be analysed in
 * well under a second: dimensions are dictionary-encoded (a code per row into a list of distinct values),
 * measures are float arrays with NaN for an absent cell (absent is not zero), and dates are day numbers.
 */

/**
 * A measure's values, one per row, NaN where absent. 32-bit only when every value of the column is exactly
 * what the file wrote in 32 bits (counts such as impressions and clicks): half the memory for a big file.
 * Read it as numbers; sums are taken in 64 bits like any JavaScript arithmetic.
 */
export type MeasureValues = Float64Array | Float32Array;

/**
 * Ad-platform measures, then GA4's own: sessions, engaged sessions and key events are counted by the site,
 * not by an ad platform, so key events are never added to ad-platform conversions as if one measure.
 * Users are not here: they do not add up across rows (a user of two weeks is one user).
 */
export const MEASURES = [
  "spend",
  "impressions",
  "clicks",
  "conversions",
  "revenue",
  "sessions",
  "engaged_sessions",
  "key_events",
] as const;
export type Measure = (typeof MEASURES)[number];

/** Dimensions every platform mapping aims for; any other text column is kept under its header name. */
export const STANDARD_DIMENSIONS = [
  "campaign",
  "ad_group",
  "ad",
  "channel",
  "device",
  "country",
  "keyword",
] as const;

/** Code of a blank dimension cell. */
export const NO_VALUE = -1;
/** Day number of a row without a date. */
export const NO_DAY = -2147483648;

export interface DimensionColumn {
  /** One code per row into `values`, or NO_VALUE. */
  codes: Int32Array;
  /** Distinct values, in order of first appearance. */
  values: string[];
  /** The same values as UTF-8 bytes, for a column read from a file: `values` is decoded from it on first use. */
  text?: TextDictionary;
}

/**
 * A text column with more distinct values than grouping is useful for (search terms, click ids): kept as
 * bytes, one code per row, for showing a row, never grouped, filtered or offered to the analyst.
 */
export interface IdentifierColumn {
  codes: Int32Array;
  text: TextDictionary;
}

export interface FactTable {
  rowCount: number;
  /** Days since 1970-01-01 (UTC) per row, NO_DAY where the row has no date; null when the data has no dates. */
  days: Int32Array | null;
  /** Canonical measures present in the source; a measure missing here is absent, not zero. */
  measures: Partial<Record<Measure, MeasureValues>>;
  /** Canonical dimensions (campaign, channel...) and any other text column, keyed by name. */
  dimensions: Record<string, DimensionColumn>;
  /** Numeric columns that are not canonical measures (reach, sessions...), keyed by their header. */
  extraMeasures: Record<string, MeasureValues>;
  /** Text columns beyond the distinct-value cap, keyed by name (see IdentifierColumn). */
  identifiers?: Record<string, IdentifierColumn>;
}

export interface DateRange {
  from: string;
  to: string;
}

const MS_PER_DAY = 86_400_000;

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of an ISO date (YYYY-MM-DD), or NO_DAY when it is not one. */
export function isoToDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return NO_DAY;
  return civilToDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Day number of a calendar date, or NO_DAY when the date does not exist (31 April, 29 Feb 2023).
 * Integer arithmetic (H. Hinnant's days_from_civil) rather than Date objects: it runs once per dated row.
 */
export function civilToDay(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1) return NO_DAY;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return NO_DAY;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The first and last dated day of a table, or null when it has no dated rows. */
export function dayRange(table: FactTable): { first: number; last: number } | null {
  const days = table.days;
  if (!days) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number;
    if (day === NO_DAY) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return first === Number.POSITIVE_INFINITY ? null : { first, last };
}

export function dateRangeOf(table: FactTable): DateRange | null {
  const range = dayRange(table);
  return range ? { from: dayToIso(range.first), to: dayToIso(range.last) } : null;
}

/** The value of a dimension (or identifier) at a row, or null when blank; decodes that value alone. */
export function dimensionValue(column: DimensionColumn | IdentifierColumn, row: number): string | null {
  const code = column.codes[row] as number;
  if (code === NO_VALUE) return null;
  return column.text ? decodeValue(column.text, code) : ((column as DimensionColumn).values[code] as string);
}

/** How many distinct values a dimension has, without decoding them. */
export function distinctCount(column: DimensionColumn): number {
  return column.text ? dictionarySize(column.text) : column.values.length;
}
