import { parseDateText } from "./date-text.js";
import { looksLikeDateHeader } from "./header-names.js";
import { parseNumberText } from "./number-text.js";

/** What the sample rows say about one column's values. */
export interface ColumnProfile {
  filled: number;
  numbers: number;
  buckets: number;
  dates: number;
  scientific: number;
  /** Numbers a 32-bit float holds exactly (counts, most integers): such a column is read into half the memory. */
  singlePrecision: number;
  /** Integers written with leading zeros ("007"), a sign of codes rather than quantities. */
  leadingZeros: number;
  distinct: number;
  examples: string[];
}

export function profileColumn(header: string, values: string[]): ColumnProfile {
  const profile: ColumnProfile = {
    filled: 0,
    numbers: 0,
    buckets: 0,
    dates: 0,
    scientific: 0,
    singlePrecision: 0,
    leadingZeros: 0,
    distinct: 0,
    examples: [],
  };
  const compactDates = looksLikeDateHeader(header);
  const seen = new Set<string>();
  for (const raw of values) {
    const value = raw.trim();
    const number = parseNumberText(value);
    if (number.kind === "blank") continue;
    profile.filled++;
    if (!seen.has(value)) {
      seen.add(value);
      if (profile.examples.length < 3) profile.examples.push(value);
    }
    if (number.kind === "bucket") profile.buckets++;
    if (number.kind === "number") {
      profile.numbers++;
      if (number.scientific) profile.scientific++;
      if (Math.fround(number.value) === number.value) profile.singlePrecision++;
      if (/^0\d/.test(value)) profile.leadingZeros++;
    }
    if (parseDateText(value, compactDates).kind !== "invalid") profile.dates++;
  }
  profile.distinct = seen.size;
  return profile;
}

/** Mostly numbers or "< 10%" buckets, with a little room for stray text. */
export const isNumeric = (profile: ColumnProfile) =>
  profile.filled > 0 && profile.numbers + profile.buckets >= 0.9 * profile.filled;

export const isDateLike = (profile: ColumnProfile) =>
  profile.filled > 0 && profile.dates >= 0.8 * profile.filled;
