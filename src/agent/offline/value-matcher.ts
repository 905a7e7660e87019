import type { Dataset } from "../../ingest/index.js";
import { componentsOf } from "../../metrics/index.js";
import { dimensionWords } from "./answer-wording.js";
import { blankOut, escapeRegExp, wordPattern } from "./text-spans.js";
import { matchNameParts, matchValueWords } from "./value-words.js";
import {
  DIMENSION_PHRASES,
  METRIC_PHRASES,
  PLATFORM_ALIASES,
  PLATFORM_GROUP_OF_EXPORT,
  PLATFORM_NAMES,
} from "./vocabulary.js";

export interface ValueFilter {
  dimension: string;
  values: string[];
  /** How the question named them when not by name: "device = mobile", "campaign containing “brand”". */
  described?: string;
}

export interface ValueMatches {
  filters: ValueFilter[];
  /** Said in the answer when a platform was named that the filters cannot express. */
  platformNote: string | null;
  /** Words naming a kind of value this file has no column for ("mobile" without a device column). */
  missing: Array<{ word: string; column: string }>;
  /** Parts of names asked for that no value contains. */
  unmatchedParts: string[];
  /** The question with the matched names blanked out. */
  rest: string;
}

const AGE_BAND = /^\d{2}\s?[-–]\s?\d{2}$/;
/** Dimensions with more values than this (keywords, search terms) are not scanned for names. */
const MAX_VALUES_SCANNED = 5_000;
const NOT_NAMES = new Set([
  "all",
  "other",
  "others",
  "total",
  "none",
  "unknown",
  "(not set)",
  "yes",
  "no",
  "n/a",
]);
const VOCABULARY = new Set([...METRIC_PHRASES, ...DIMENSION_PHRASES].map(([phrase]) => phrase));

interface Hit {
  dimension: string;
  value: string;
  index: number;
  length: number;
}

/**
 * The dimension values a question names ("for Brand Search", "in the US", "Meta vs Google"), as filters.
 * Longer names win over names inside them; names of three letters or fewer must match their case ("US"
 * is a country, "us" is not). Platform names also match channel values that contain them ("Meta" finds
 * "Facebook Ads" through its aliases), and a platform named of a one-platform export is the whole file.
 */
export function matchValues(question: string, dataset: Dataset): ValueMatches {
  const parts = matchNameParts(question, dataset);
  // Whole names before everyday words, so the "UK" of "Lead Gen UK" is not read as a country.
  let rest = parts.rest;
  const hits = [...nameHits(rest, dataset), ...pairedNumberHits(rest, dataset)].sort(
    (a, b) => b.length - a.length,
  );
  const kept: Hit[] = [];
  for (const hit of hits) {
    // Several names can share the words said ("performance max" of two PMax campaigns): all are meant.
    const same = (other: Hit) =>
      other.index === hit.index && other.length === hit.length && other.dimension === hit.dimension;
    if (
      kept.some(
        (other) =>
          !same(other) && hit.index < other.index + other.length && other.index < hit.index + hit.length,
      )
    )
      continue;
    kept.push(hit);
    rest = blankOut(rest, hit.index, hit.length);
  }
  const words = matchValueWords(rest, dataset);
  rest = words.rest;
  const filters: ValueFilter[] = [];
  // "desktop vs mobile" is one filter with two values, so it reads as a comparison of the two.
  for (const filter of [...parts.filters, ...words.filters]) addFilter(filters, filter);
  for (const filter of groupFilters(kept.sort((a, b) => a.index - b.index))) addFilter(filters, filter);
  let platformNote: string | null = null;
  for (const [group, aliases] of Object.entries(PLATFORM_ALIASES)) {
    const alias = aliases.find((word) => wordPattern(word).test(rest));
    if (!alias) continue;
    rest = rest.replace(wordPattern(alias), (span) => " ".repeat(span.length));
    const platformFilter = platformValues(dataset, aliases);
    if (platformFilter) addFilter(filters, platformFilter);
    else platformNote = wholeFileNote(dataset, group);
  }
  return { filters, platformNote, missing: words.missing, unmatchedParts: parts.unmatched, rest };
}

/** A name's words but its last, when at least two of them and six letters are left ("Performance Max"). */
function leadingWords(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 3) return null;
  const leading = words.slice(0, -1).join(" ");
  // "Ad group paused" (a status) is not what "which ad group" names: a word for a column is not a name.
  if (VOCABULARY.has(leading.toLowerCase())) return null;
  return leading.replace(/[^\p{L}]/gu, "").length >= 6 ? leading : null;
}

/** A number is a name only right after its dimension's word: "campaign 936", "interest 16". */
function numberNameHits(question: string, dimension: string, value: string): Hit[] {
  const word = escapeRegExp(dimension.toLowerCase().replace(/[_-]+/g, " "));
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${word}s?(?:\\s+id)?\\s+${escapeRegExp(value.trim())}(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return [...question.matchAll(pattern)].map((match) => {
    const length = value.trim().length;
    return { dimension, value, index: (match.index ?? 0) + match[0].length - length, length };
  });
}

const PAIRED_NUMBERS =
  /(?<![\p{L}\p{N}.,$€£])(\d+)\s+(?:vs\.?|versus|and|or|against|compared (?:to|with))\s+(?:\p{L}+\s+)?(\d+)(?![\p{L}\p{N}%]|[.,]\d)/giu;

/**
 * "cpc 916 vs 936": two numbers set against each other are ids when one column (and only one) holds both,
 * as "campaign 936" is; a number alone stays a number.
 */
function pairedNumberHits(question: string, dataset: Dataset): Hit[] {
  const hits: Hit[] = [];
  for (const match of question.matchAll(PAIRED_NUMBERS)) {
    const [first, second] = [match[1] ?? "", match[2] ?? ""];
    const holders = Object.entries(dataset.facts.dimensions).filter(
      ([, column]) =>
        column.values.length <= MAX_VALUES_SCANNED &&
        [first, second].every((id) => column.values.some((value) => value.trim() === id)),
    );
    const [holder] = holders;
    if (holders.length !== 1 || !holder) continue;
    const [dimension, column] = holder;
    const start = match.index ?? 0;
    for (const [id, index] of [
      [first, start],
      [second, start + match[0].length - second.length],
    ] as const) {
      const value = column.values.find((item) => item.trim() === id) ?? id;
      hits.push({ dimension, value, index, length: id.length });
    }
  }
  return hits;
}

function nameHits(question: string, dataset: Dataset): Hit[] {
  const hits: Hit[] = [];
  const uncomputable = metricWordsWithoutData(dataset);
  const spoken = flatten(question);
  for (const [dimension, column] of Object.entries(dataset.facts.dimensions)) {
    if (column.values.length > MAX_VALUES_SCANNED) continue;
    for (const value of column.values) {
      const name = value.trim();
      const loose = name.toLowerCase();
      // Numbers are not names, but age bands ("25-34", "65+") are.
      const numeric = /^[\d\s.,%-]+$/.test(name) && !AGE_BAND.test(name);
      if (name.length < 2 || NOT_NAMES.has(loose) || (VOCABULARY.has(loose) && !uncomputable.has(loose))) {
        continue;
      }
      // A plain substring test first: compiling a Unicode-aware pattern for each of thousands of names is slow.
      if (!spoken.includes(flatten(numeric ? name : (leadingWords(name) ?? name)))) continue;
      if (numeric) {
        hits.push(...numberNameHits(question, dimension, value));
        continue;
      }
      let found = false;
      for (const match of question.matchAll(wordPattern(name, name.length <= 3))) {
        hits.push({ dimension, value, index: match.index ?? 0, length: match[0].length });
        found = true;
      }
      // "performance max" names "Performance Max 2024": the leading words of a longer name.
      const leading = found ? null : leadingWords(name);
      if (leading === null) continue;
      for (const match of question.matchAll(wordPattern(leading))) {
        hits.push({ dimension, value, index: match.index ?? 0, length: match[0].length });
      }
    }
  }
  return hits;
}

/**
 * Metric words this file cannot compute ("engagement" without sessions): a value so named ("Engagement",
 * a Meta objective) is what the word means here, rather than a metric the tools would refuse.
 */
function metricWordsWithoutData(dataset: Dataset): Set<string> {
  const { measures } = dataset.facts;
  return new Set(
    METRIC_PHRASES.filter(
      ([, metric]) => metric !== "efficiency" && componentsOf(metric).some((measure) => !measures[measure]),
    ).map(([phrase]) => phrase),
  );
}

/** Lower case, and any run of spaces, dashes or underscores as one space, as wordPattern matches them. */
function flatten(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, " ");
}

function groupFilters(hits: readonly Hit[]): ValueFilter[] {
  const filters: ValueFilter[] = [];
  for (const hit of hits) addFilter(filters, { dimension: hit.dimension, values: [hit.value] });
  return filters;
}

function addFilter(filters: ValueFilter[], filter: ValueFilter): void {
  const existing = filters.find((item) => item.dimension === filter.dimension);
  if (!existing) {
    filters.push({ ...filter, values: [...filter.values] });
    return;
  }
  for (const value of filter.values) if (!existing.values.includes(value)) existing.values.push(value);
  // The words that named values ("device = desktop, mobile"); values named as they are need no words.
  const words = [existing.described, filter.described]
    .filter((text): text is string => text !== undefined)
    .map((text) => text.replace(`${dimensionWords(filter.dimension)} = `, ""));
  if (words.length > 0) existing.described = `${dimensionWords(filter.dimension)} = ${words.join(", ")}`;
}

/** Values naming a platform, preferably in the channel dimension, then in a blend's platform dimension. */
function platformValues(dataset: Dataset, aliases: readonly string[]): ValueFilter | null {
  // The channel column first, then a blend's own platform column, before names that merely mention one.
  const rank = (name: string) => (name === "channel" ? 0 : name === "platform" ? 1 : 2);
  const dimensions = Object.entries(dataset.facts.dimensions).sort(([a], [b]) => rank(a) - rank(b));
  for (const [dimension, column] of dimensions) {
    if (column.values.length > MAX_VALUES_SCANNED) continue;
    const values = column.values.filter((value) => aliases.some((alias) => wordPattern(alias).test(value)));
    if (values.length > 0) return { dimension, values };
  }
  return null;
}

function wholeFileNote(dataset: Dataset, group: string): string {
  const name = PLATFORM_NAMES[group] ?? group;
  const exportGroup = PLATFORM_GROUP_OF_EXPORT[dataset.receipt.platform];
  if (exportGroup === group) return `this file is a ${name} export, so all of it is ${name}`;
  const exportName = exportGroup ? `a ${PLATFORM_NAMES[exportGroup]} export` : "this data";
  return `${exportName} has no ${name} rows that can be told apart, so the figures cover all of it`;
}
