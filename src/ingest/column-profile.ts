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
  // Samples repeat values (dates, channels, small counts): each distinct value is read once.
  const readings = new Map<string, ValueReading>();
  for (const raw of values) {
    const value = raw.trim();
    let reading = readings.get(value);
    if (!reading) {
      reading = readValue(value, compactDates);
      readings.set(value, reading);
      if (reading !== BLANK) {
        profile.distinct++;
        if (profile.examples.length < 3) profile.examples.push(value);
      }
    }
    if (reading === BLANK) continue;
    profile.filled++;
    if (reading.bucket) profile.buckets++;
    if (reading.number) {
      profile.numbers++;
      if (reading.scientific) profile.scientific++;
      if (reading.singlePrecision) profile.singlePrecision++;
      if (reading.leadingZeros) profile.leadingZeros++;
    }
    if (reading.date) profile.dates++;
  }
  return profile;
}

/** What one value of a sample is. */
interface ValueReading {
  bucket: boolean;
  number: boolean;
  scientific: boolean;
  singlePrecision: boolean;
  leadingZeros: boolean;
  date: boolean;
}

const BLANK: ValueReading = {
  bucket: false,
  number: false,
  scientific: false,
  singlePrecision: false,
  leadingZeros: false,
  date: false,
};

function readValue(value: string, compactDates: boolean): ValueReading {
  const number = parseNumberText(value);
  if (number.kind === "blank") return BLANK;
  const isNumber = number.kind === "number";
  return {
    bucket: number.kind === "bucket",
    number: isNumber,
    scientific: isNumber && number.scientific,
    singlePrecision: isNumber && Math.fround(number.value) === number.value,
    leadingZeros: isNumber && /^0\d/.test(value),
    date: parseDateText(value, compactDates).kind !== "invalid",
  };
}

/** Mostly numbers or "< 10%" buckets, with a little room for stray text. */
export const isNumeric = (profile: ColumnProfile) =>
  profile.filled > 0 && profile.numbers + profile.buckets >= 0.9 * profile.filled;

export const isDateLike = (profile: ColumnProfile) =>
  profile.filled > 0 && profile.dates >= 0.8 * profile.filled;
