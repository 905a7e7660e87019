import { type ColumnProfile, isDateLike, isNumeric, profileColumn } from "./column-profile.js";
import { KNOWN_EXTRA_MEASURES } from "./extra-measures.js";
import { MEASURES, type Measure } from "./fact-table.js";
import {
  currencyInHeader,
  HEADER_SYNONYMS,
  headerKey,
  isNotAdditive,
  looksLikeIdentifier,
  type Target,
} from "./header-names.js";
import { detectPlatform } from "./platform.js";
import type { Platform } from "./receipt.js";
import { summaryLabel } from "./summary-rows.js";

export type ColumnRole =
  | { kind: "measure"; measure: Measure }
  /** A platform ROAS column: revenue is derived from it when the file has no revenue column. */
  | { kind: "roas" }
  | { kind: "date" }
  | { kind: "currency" }
  | { kind: "dimension"; name: string }
  | { kind: "extra"; name: string }
  /** Empty in the sample: read as text, and turned into an extra measure at the end if it held numbers. */
  | { kind: "flexible"; name: string }
  | { kind: "ignored" };

export interface PlannedColumn {
  index: number;
  header: string;
  role: ColumnRole;
  profile: ColumnProfile;
}

export interface ColumnPlan {
  platform: Platform;
  columns: PlannedColumn[];
  /** Canonical name -> header, for the receipt. */
  mapping: Record<string, string>;
  /** Currency named in a measure header, e.g. "Amount spent (USD)". */
  headerCurrency: string | null;
}

const MAPPED_TARGETS: Target[] = [
  ...MEASURES,
  "roas",
  "date",
  "currency",
  "campaign",
  "ad_group",
  "ad",
  "channel",
  "device",
  "country",
  "keyword",
];
const MEASURE_TARGETS = new Set<Target>([...MEASURES, "roas"]);

/**
 * Decides what each column is: a canonical measure or dimension (by its header, in any of the languages and
 * platforms we know), the date, the currency, a known extra measure (reach, landing-page views...) under
 * its common name, or, for any other column, a dimension or an extra measure by the type of its values.
 * Columns of platform-computed ratios are ignored: KPIs are recomputed from sums.
 */
export function planColumns(header: string[], sample: string[][], preamble: string[]): ColumnPlan {
  const names = uniqueNames(header);
  const rows = dataRowsOf(sample);
  const profiles = header.map((name, index) =>
    profileColumn(
      name,
      rows.map((row) => row[index] ?? ""),
    ),
  );
  const keys = header.map(headerKey);
  const roles: Array<ColumnRole | null> = header.map(() => null);
  const mapping: Record<string, string> = {};

  for (const target of MAPPED_TARGETS) {
    for (const synonym of HEADER_SYNONYMS[target]) {
      const index = keys.findIndex(
        (key, i) => key === synonym && roles[i] === null && fits(target, key, profiles[i] as ColumnProfile),
      );
      if (index < 0) continue;
      roles[index] = roleFor(target);
      if (target !== "currency") mapping[target] = header[index] as string;
      break;
    }
  }
  for (const extra of KNOWN_EXTRA_MEASURES) {
    const index = extra.headers
      .map((synonym) => keys.findIndex((key, i) => key === synonym && roles[i] === null))
      .find((found) => found >= 0 && holdsNumbers(profiles[found] as ColumnProfile));
    if (index === undefined) continue;
    const profile = profiles[index] as ColumnProfile;
    roles[index] = { kind: profile.filled === 0 ? "flexible" : "extra", name: extra.name };
    mapping[extra.name] = header[index] as string;
  }
  // Google Ads repeats "Currency code" in some reports; every copy is the currency, none a dimension.
  keys.forEach((key, index) => {
    if (roles[index] === null && HEADER_SYNONYMS.currency.includes(key)) roles[index] = { kind: "currency" };
  });

  const columns = header.map((raw, index): PlannedColumn => {
    const profile = profiles[index] as ColumnProfile;
    const name = names[index] as string;
    const role = roles[index] ?? classify(raw, name, profile, keys[index] as string);
    return { index, header: raw, role, profile };
  });
  const headerCurrency =
    header
      .filter((_, index) => {
        const role = roles[index];
        return role?.kind === "measure" || role?.kind === "roas";
      })
      .map(currencyInHeader)
      .find((code) => code !== null) ?? null;
  return { platform: detectPlatform(header, preamble), columns, mapping, headerCurrency };
}

function roleFor(target: Target): ColumnRole {
  if (target === "roas") return { kind: "roas" };
  if (target === "date") return { kind: "date" };
  if (target === "currency") return { kind: "currency" };
  if (MEASURE_TARGETS.has(target)) return { kind: "measure", measure: target as Measure };
  return { kind: "dimension", name: target };
}

/** A header match only counts when the values agree: a "Sales" column of names is not revenue. */
function fits(target: Target, key: string, profile: ColumnProfile): boolean {
  if (profile.filled === 0) return target !== "date";
  if (MEASURE_TARGETS.has(target)) return isNumeric(profile);
  // GA4 writes its Week dimension as a bare week number ("02"); ga4-week.ts turns it into dates.
  if (target === "date") return isDateLike(profile) || (key === "week" && profile.numbers === profile.filled);
  return true;
}

/**
 * The sample rows that can tell a column's type: a small export's "Total" row or copyright footer would
 * otherwise outvote its few dated rows, and its date column would be read as text.
 */
function dataRowsOf(sample: string[][]): string[][] {
  const rows = sample.filter(
    (row) =>
      !row.some((cell) => summaryLabel(cell) !== null) && row.filter((cell) => cell.trim() !== "").length > 1,
  );
  return rows.length > 0 ? rows : sample;
}

/** Empty in the sample (decided once read) or numeric: what a measure column must be. */
function holdsNumbers(profile: ColumnProfile): boolean {
  return profile.filled === 0 || isNumeric(profile);
}

function classify(raw: string, name: string, profile: ColumnProfile, key: string): ColumnRole {
  if (key === "") return profile.filled === 0 ? { kind: "ignored" } : { kind: "dimension", name };
  if (profile.filled === 0) return isNotAdditive(raw) ? { kind: "ignored" } : { kind: "flexible", name };
  if (isDateLike(profile) && !isNumeric(profile)) return { kind: "dimension", name };
  if (!isNumeric(profile)) return { kind: "dimension", name };
  if (looksLikeIdentifier(raw) || profile.scientific > 0 || profile.leadingZeros > 0) {
    return { kind: "dimension", name };
  }
  if (isNotAdditive(raw)) return { kind: "ignored" };
  return { kind: "extra", name };
}

/** Headers as names, made unique: Shopify repeats headers that differ only by a trailing space. */
function uniqueNames(header: string[]): string[] {
  const used = new Map<string, number>();
  return header.map((raw, index) => {
    const base = raw.replace(/^\ufeff/, "").trim() || `Column ${index + 1}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
