import { headerKey } from "./header-names.js";

/**
 * Platform measures that are not among the five canonical ones but that people ask about: kept under one
 * name whatever the platform calls them, so "landing page views" finds Meta's "Website landing page views"
 * as well as its "Landing page views". A measure that counts unique people (reach) or is a ratio of one
 * (frequency) is not additive: the sum of two days' reach double-counts everyone reached on both days.
 */
export const KNOWN_EXTRA_MEASURES: ReadonlyArray<{
  name: string;
  headers: string[];
  additive: boolean;
  /** Columns that say what a row's figure counts, when that changes from row to row. */
  unitColumns?: string[];
}> = [
  // Meta and X count "Results" in the unit of each row's objective: link clicks on one row, purchases on the next.
  { name: "results", headers: ["results"], additive: true, unitColumns: ["result type", "result indicator"] },
  { name: "reach", headers: ["reach", "paid reach", "accounts center accounts reached"], additive: false },
  { name: "frequency", headers: ["frequency", "paid frequency"], additive: false },
  {
    name: "landing_page_views",
    headers: ["landing page views", "website landing page views"],
    additive: true,
  },
  {
    name: "messaging_conversations_started",
    headers: ["messaging conversations started"],
    additive: true,
  },
  { name: "new_messaging_connections", headers: ["new messaging connections"], additive: true },
];

/**
 * Words of a header that make its numbers counts of unique people, or averages per person. Users are
 * people too: GA4's "Total users" of two days counts twice whoever came on both.
 */
const PER_PERSON = /\b(reach|reached|unique|uniques|frequency|users)\b/;

/** An extra measure as the receipt names it: `mpo analyze --json` lists these under `source.extraMeasures`. */
export interface ExtraMeasureNote {
  /** The key in FactTable.extraMeasures and in questions. */
  name: string;
  /** The column it was read from. */
  header: string;
  /** False when rows cannot be summed (reach, frequency, unique counts): answered row by row only. */
  additive: boolean;
}

export function isKnownExtraMeasure(name: string): boolean {
  return KNOWN_EXTRA_MEASURES.some((measure) => measure.name === name);
}

/** Whether an extra measure may be summed across rows, by its name (or the header it is kept under). */
export function isAdditiveMeasure(name: string): boolean {
  const known = KNOWN_EXTRA_MEASURES.find((measure) => measure.name === name);
  if (known) return known.additive;
  return !PER_PERSON.test(headerKey(name.replace(/_/g, " ")));
}

/** The dimension that says what each row of a measure counts (Results: "Result type"), if the data has one. */
export function unitDimensionOf(name: string, dimensions: readonly string[]): string | null {
  const known = KNOWN_EXTRA_MEASURES.find((measure) => measure.name === name);
  for (const unit of known?.unitColumns ?? []) {
    const found = dimensions.find((dimension) => headerKey(dimension) === unit);
    if (found) return found;
  }
  return null;
}

/** The receipt's list of extra measures, in the file's column order. */
export function describeExtraMeasures(
  names: readonly string[],
  headerOf: (name: string) => string | undefined,
): ExtraMeasureNote[] {
  return names.map((name) => ({
    name,
    header: headerOf(name) ?? name,
    additive: isAdditiveMeasure(name),
  }));
}
