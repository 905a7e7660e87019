import type { Dataset } from "../../ingest/index.js";
import { dimensionWords } from "./answer-wording.js";
import { blankOut, escapeRegExp, wordPattern } from "./text-spans.js";
import type { ValueFilter } from "./value-matcher.js";

/**
 * Everyday words for platform values: "mobile" is Google's `Mobile phones` (and `Mobile devices with full
 * browsers`), "women" is Meta's `female`. Each names the kind of column it needs, so a file without one is
 * told so instead of answered for everyone.
 */
const VALUE_WORDS: ReadonlyArray<{ words: string[]; column: string; value: RegExp }> = [
  {
    words: ["mobile", "phones", "phone", "smartphones", "smartphone"],
    column: "device",
    value: /mobile|phone/i,
  },
  { words: ["desktops", "desktop", "computers", "computer"], column: "device", value: /desktop|computer/i },
  { words: ["tablets", "tablet", "ipad"], column: "device", value: /tablet/i },
  // Google's campaign type, as marketers shorten it.
  { words: ["pmax", "p max"], column: "campaign type", value: /^(?:performance max|pmax)$/i },
  { words: ["women", "woman", "female", "females"], column: "gender", value: /^(?:female|women|woman|f)$/i },
  { words: ["men", "man", "male", "males"], column: "gender", value: /^(?:male|men|man|m)$/i },
  // Countries as people say them, for exports that hold ISO codes (or the names themselves).
  { words: ["united states", "usa", "america"], column: "country", value: /^(?:us|usa|united states)$/i },
  { words: ["canada"], column: "country", value: /^(?:ca|canada)$/i },
  { words: ["united kingdom", "britain", "uk"], column: "country", value: /^(?:gb|uk|united kingdom)$/i },
  { words: ["germany"], column: "country", value: /^(?:de|germany|deutschland)$/i },
  { words: ["france"], column: "country", value: /^(?:fr|france)$/i },
  { words: ["australia"], column: "country", value: /^(?:au|australia)$/i },
  { words: ["brazil", "brasil"], column: "country", value: /^(?:br|brazil|brasil)$/i },
];

export interface ValueWordMatch {
  filters: ValueFilter[];
  /** Words that need a column this file does not have: "mobile" of a file without devices. */
  missing: Array<{ word: string; column: string }>;
  rest: string;
}

export function matchValueWords(text: string, dataset: Dataset): ValueWordMatch {
  let rest = text;
  const filters: ValueFilter[] = [];
  const missing: Array<{ word: string; column: string }> = [];
  for (const entry of VALUE_WORDS) {
    const word = entry.words.find((candidate) => wordPattern(candidate).test(rest));
    if (!word) continue;
    rest = rest.replace(wordPattern(word), (span) => " ".repeat(span.length));
    const found = Object.entries(dataset.facts.dimensions)
      .map(([dimension, column]) => ({
        dimension,
        values: column.values.filter((value) => entry.value.test(value)),
      }))
      .find((filter) => filter.values.length > 0);
    if (found) filters.push({ ...found, described: `${dimensionWords(found.dimension)} = ${word}` });
    else missing.push({ word, column: entry.column });
  }
  return { filters, missing, rest };
}

const DIMENSION_WORD = "(campaigns?|ad sets?|adsets?|ad groups?|ads|ad|keywords?|creatives?)";
const TERM = `["'“‘]?([\\p{L}\\p{N}][\\p{L}\\p{N} &_-]*?)["'”’]?`;
const CONTAINS = [
  new RegExp(
    `\\b${DIMENSION_WORD}?\\s*(?:with|that have|having)\\s+${TERM}\\s+in (?:(?:the|their|its) names?|them|it)\\b`,
    "giu",
  ),
  new RegExp(
    `\\b${DIMENSION_WORD}?\\s*(?:named like|whose names? contains?|names? containing|containing|that contain|contains?)\\s+${TERM}(?=[\\s?.!,]|$)`,
    "giu",
  ),
];
const EXCLUDES = new RegExp(
  `\\b(?:excluding|excludes?|excl\\.?|exc\\.?|except(?: for)?|not counting|other than|leaving out|minus)\\s+${DIMENSION_WORD}?\\s*${TERM}(?=[\\s?.!,]|$)`,
  "giu",
);
/** "non-brand", "non brand campaigns": the names without that word. */
const NON = new RegExp(`\\bnon[\\s-]+()${TERM}(?=[\\s?.!,]|$)`, "giu");

/**
 * "campaigns with 'brand' in the name", "excluding brand": a part of a name, as the values that contain it
 * (or do not), on the dimension named, else the first one with a value containing it.
 */
export function matchNameParts(
  text: string,
  dataset: Dataset,
): { filters: ValueFilter[]; unmatched: string[]; rest: string } {
  let rest = text;
  const filters: ValueFilter[] = [];
  const unmatched: string[] = [];
  const read = (pattern: RegExp, exclude: boolean) => {
    for (const match of [...rest.matchAll(pattern)]) {
      const found = match[2]?.trim();
      if (!found) continue;
      const end = (match.index ?? 0) + match[0].length;
      const { term, length } = longestPart(found, rest.slice(end), dataset);
      const filter = partFilter(term, match[1] ?? null, exclude, dataset);
      if (filter) filters.push(filter);
      else unmatched.push(term);
      rest = blankOut(rest, match.index ?? 0, match[0].length + length);
    }
  };
  for (const pattern of CONTAINS) read(pattern, false);
  read(EXCLUDES, true);
  read(NON, true);
  return { filters, unmatched, rest };
}

/**
 * "excluding brand search": the part runs on while the words after it still continue a name, so the whole
 * "brand search" is left out, not "brand" with "search" then read as a name to keep.
 */
function longestPart(term: string, after: string, dataset: Dataset): { term: string; length: number } {
  const values = Object.values(dataset.facts.dimensions).flatMap((column) =>
    column.values.length <= 5000 ? column.values.map((value) => value.toLowerCase()) : [],
  );
  let best = { term, length: 0 };
  for (const match of after.matchAll(/\s+([\p{L}\p{N}][\p{L}\p{N}&_-]*)/guy)) {
    const longer = `${best.term} ${match[1]}`;
    if (!values.some((value) => value.includes(longer.toLowerCase()))) break;
    best = { term: longer, length: (match.index ?? 0) + match[0].length };
  }
  return best;
}

function partFilter(
  term: string,
  dimensionWord: string | null,
  exclude: boolean,
  dataset: Dataset,
): ValueFilter | null {
  const named = dimensionWord ? canonical(dimensionWord) : null;
  const part = new RegExp(escapeRegExp(term), "i");
  const entries = Object.entries(dataset.facts.dimensions).filter(
    ([name]) => named === null || name === named,
  );
  for (const [dimension, column] of entries) {
    const containing = column.values.filter((value) => part.test(value));
    if (containing.length === 0) continue;
    const values = exclude ? column.values.filter((value) => !part.test(value)) : containing;
    if (values.length === 0) continue;
    return {
      dimension,
      values,
      described: `${dimensionWords(dimension)} ${exclude ? "not containing" : "containing"} “${term}”`,
    };
  }
  return null;
}

function canonical(word: string): string {
  const lower = word.toLowerCase().replace(/s$/, "");
  if (/^(?:ad ?set|ad group)$/.test(lower)) return "ad_group";
  if (lower === "creative") return "ad";
  return lower;
}

/** Two words as one part of a name, when both hold a letter and together at least five. */
function namePair(first: string | undefined, second: string | undefined): string | null {
  if (!first || !second || !/\p{L}/u.test(first) || !/\p{L}/u.test(second)) return null;
  const pair = `${first} ${second}`;
  return pair.replace(/\P{L}/gu, "").length >= 5 ? pair : null;
}

/** Dimensions searched for a word of a name, most likely meant first. */
const NAME_PART_ORDER = ["campaign", "ad_group", "ad", "channel"];
const MIN_NAME_PART = 4;

/**
 * Words no other slot took that are whole words of names ("retargeting" of "Retargeting - Cart
 * abandoners"): each becomes the values containing it, on the first dimension (campaign first) that has
 * any; the rest stay unread. Several words on one dimension must all hold, so the values are intersected.
 */
export function wordsInNames(
  words: readonly string[],
  dataset: Dataset,
): { filters: ValueFilter[]; unread: string[] } {
  const rank = (name: string) => {
    const index = NAME_PART_ORDER.indexOf(name);
    return index < 0 ? NAME_PART_ORDER.length : index;
  };
  const dimensions = Object.entries(dataset.facts.dimensions)
    .filter(([, column]) => column.values.length > 1 && column.values.length <= 5_000)
    .sort(([a], [b]) => rank(a) - rank(b));
  const filters: ValueFilter[] = [];
  const unread: string[] = [];
  const holding = (pattern: RegExp) =>
    dimensions.find(([, column]) => column.values.some((value) => pattern.test(value)));
  for (let index = 0; index < words.length; index += 1) {
    // "hon hop" of "11_Q7_Hon hop": two words next to each other, found together in names, are one part.
    const pair = namePair(words[index], words[index + 1]);
    const paired = pair ? holding(new RegExp(wordPattern(pair).source, "iu")) : undefined;
    if (paired) index += 1;
    const word = paired && pair ? pair : (words[index] ?? "");
    // One flagless pattern per word: a global one would carry its lastIndex from one value to the next.
    const pattern = new RegExp(wordPattern(word).source, "iu");
    // A bare number is never a name part here: "2024" is a year, and ids need their dimension's word.
    const found =
      paired ?? (word.length < MIN_NAME_PART || !/\p{L}/u.test(word) ? undefined : holding(pattern));
    const values = found ? found[1].values.filter((value) => pattern.test(value)) : [];
    const earlier = found && filters.find((filter) => filter.dimension === found[0]);
    const both = earlier ? earlier.values.filter((value) => values.includes(value)) : values;
    if (!found || both.length === 0) {
      unread.push(word);
      continue;
    }
    const described = `${dimensionWords(found[0])} containing “${word}”`;
    if (!earlier) filters.push({ dimension: found[0], values, described });
    else {
      earlier.values = both;
      earlier.described = `${earlier.described} and “${word}”`;
    }
  }
  return { filters, unread };
}
