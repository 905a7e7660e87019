/**
 * Finds the figures a reply states ("$1.2M", "−4.0%", "3.2x", "2.1 pp", "1,234") and what each could
 * stand for, leaving out numbers that are not figures: dates, years, period lengths ("last 7 days"),
 * counts of listed items ("top 3"), ordinals, list markers and digits inside names. Figures are read
 * with the separators of the locale they were written for (the reader's: "R$ 1.234,56" in pt-BR).
 */
import { currentReader } from "../../format/reader-locale.js";

export type FigureKind = "percent" | "points" | "multiple" | "amount";

export interface Figure {
  /** As written, e.g. "−$1.2k". */
  text: string;
  /** Its value as written: sign applied, k/M/B expanded, percent not divided. */
  value: number;
  kind: FigureKind;
  /** Half a unit of the last digit written (trailing zeros of round numbers count as rounding). */
  tolerance: number;
  /** Offset in the text. */
  index: number;
}

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const ORDINAL = "(?:st|nd|rd|th)?";
const LISTED = "(?:top|bottom|best|worst|first|last|these|those|other|all|next|previous|remaining)";
const COUNTED_NOUNS =
  "(?:campaigns?|ad ?sets?|ad ?groups?|ads|creatives?|keywords?|channels?|platforms?|countries|devices?|segments?|values?|items?|rows?|anomal(?:y|ies)|actions?|steps?|ideas?|options?|things?|ways?|points? to)";

/** Spans that hold numbers which are not figures; they are blanked out before scanning. */
const NOT_FIGURES: readonly RegExp[] = [
  // A date may end an italic line ("…to 2024-03-31_"), where `_` leaves no word boundary.
  /\b\d{4}-\d{2}(?:-\d{2})?(?!\d)/g,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  new RegExp(`\\b${MONTH}\\.? \\d{1,2}${ORDINAL}(?:\\s?[–-]\\s?\\d{1,2}${ORDINAL})?(?:,? \\d{4})?\\b`, "gi"),
  new RegExp(`\\b\\d{1,2}${ORDINAL}(?:\\s?[–-]\\s?\\d{1,2}${ORDINAL})? ${MONTH}\\b\\.?(?:,? \\d{4})?`, "gi"),
  new RegExp(`\\b${MONTH}\\.? \\d{4}\\b`, "gi"),
  /\b\d+(?:\.\d+)?[ \t]?(?:-[ \t]?)?(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|seconds?|secs?)\b/gi,
  new RegExp(`\\b${LISTED}\\s+\\d{1,3}\\b`, "gi"),
  /\b\d{1,3}\s+(?:best|worst|top|bottom|largest|biggest|smallest|highest|lowest|most|least)\b/gi,
  new RegExp(`\\b\\d{1,2}\\s+(?:more |other )?(?:of (?:the|your|these|those) )?${COUNTED_NOUNS}\\b`, "gi"),
  /\b(?:step|option|tip|phase|rank|no\.|number|priority|week|quarter)\s*#?\d{1,3}\b/gi,
  /^\s*\d{1,2}[.)]\s/gm,
  /#\d+/g,
  /\b\d{1,2}:\d{2}\b/g,
];

const CURRENCY = "(?:US\\$|A\\$|C\\$|NZ\\$|HK\\$|R\\$|S\\$|\\$|€|£|¥|₹|₩|₫|₺|₽)";

/** How a locale writes 1,234.5: its thousands and decimal marks. */
interface Separators {
  group: string;
  decimal: string;
}

interface FigureSyntax extends Separators {
  pattern: RegExp;
}

const syntaxes = new Map<string, FigureSyntax>();

function figureSyntax(locale: string): FigureSyntax {
  let syntax = syntaxes.get(locale);
  if (!syntax) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    const group = parts.find((part) => part.type === "group")?.value ?? ",";
    const decimal = parts.find((part) => part.type === "decimal")?.value ?? ".";
    const g = escapeRegExp(group);
    const d = escapeRegExp(decimal);
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}_.,#/])(?<sign>[+\\-\\u2212])?\\(?(?<currency>${CURRENCY})?\\s?(?<digits>\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d+)?|\\d+(?:${d}\\d+)?)(?:\\s?(?<scale>k|K|M|B|bn|mn|thousand|million|billion)(?![\\p{L}]))?(?<unit>\\s?%|\\s?(?:x|×)(?![\\p{L}])|\\s?(?:pp|p\\.p\\.|pts|percentage points?|points?)(?![\\p{L}]))?`,
      "gu",
    );
    syntax = { group, decimal, pattern };
    syntaxes.set(locale, syntax);
  }
  return syntax;
}

/** "1.234,5" in pt-BR -> "1234.5": digits with a dot for the decimal mark and no thousands marks. */
function plainDigits(digits: string, separators: Separators): string {
  return digits.split(separators.group).join("").replace(separators.decimal, ".");
}

const SCALES: Record<string, number> = {
  k: 1e3,
  K: 1e3,
  thousand: 1e3,
  M: 1e6,
  mn: 1e6,
  million: 1e6,
  B: 1e9,
  bn: 1e9,
  billion: 1e9,
};

/**
 * Figures in a text, skipping number-like things that are not figures and the given names, read as
 * `locale` writes numbers (the reader's by default).
 */
export function scanFigures(
  text: string,
  names: readonly string[] = [],
  locale: string = currentReader().locale,
): Figure[] {
  const syntax = figureSyntax(locale);
  const masked = maskNames(maskNonFigures(text), names, locale);
  const figures: Figure[] = [];
  for (const match of masked.matchAll(syntax.pattern)) {
    const groups = match.groups ?? {};
    const end = (match.index ?? 0) + match[0].length;
    // "1st", "5pm", "GA4x": digits glued to a word are part of it.
    if (/\p{L}/u.test(masked.charAt(end)) && !groups.unit && !groups.scale) continue;
    const digits = plainDigits(groups.digits as string, syntax);
    const written = Number(digits);
    const scale = groups.scale ? (SCALES[groups.scale] ?? 1) : 1;
    const negative = groups.sign === "-" || groups.sign === "\u2212";
    if (isYear(digits, groups)) continue;
    figures.push({
      text: text.slice(match.index, end).trim(),
      value: (negative ? -1 : 1) * written * scale,
      kind: kindOf(groups.unit),
      tolerance: halfUnit(digits) * scale,
      index: match.index ?? 0,
    });
  }
  return figures;
}

function kindOf(unit: string | undefined): FigureKind {
  const trimmed = unit?.trim();
  if (!trimmed) return "amount";
  if (trimmed === "%") return "percent";
  if (trimmed === "x" || trimmed === "×") return "multiple";
  return "points";
}

/** A bare four-digit number from 1900 to 2100, with nothing that makes it an amount, is a year. */
function isYear(digits: string, groups: Record<string, string | undefined>): boolean {
  if (groups.currency || groups.scale || groups.unit || groups.sign || !/^\d{4}$/.test(digits)) return false;
  const year = Number(digits);
  return year >= 1900 && year <= 2100;
}

/**
 * Half a unit of the last digit written: "3.2" is 3.15 to 3.25. An integer ending in zeros with at least
 * two significant digits ("1,200", "45,000") is read as rounded to its last non-zero digit; "100" is not.
 */
function halfUnit(plain: string): number {
  const dot = plain.indexOf(".");
  if (dot >= 0) return 0.5 * 10 ** -(plain.length - dot - 1);
  const zeros = plain.length - plain.replace(/0+$/, "").length;
  const significant = plain.length - zeros;
  return significant >= 2 && zeros > 0 ? 0.5 * 10 ** zeros : 0.5;
}

function maskNonFigures(text: string): string {
  return NOT_FIGURES.reduce((masked, pattern) => masked.replace(pattern, blank), text);
}

/**
 * Names that hold digits ("Summer Sale 2024", "Lookalike 1%") are not figures. A name only counts as a
 * whole word, so the "860" of "$514,860" stays part of the amount. A name that is itself nothing but a
 * figure ("100x", "$50", "60") is never masked: names are data anyone can set, and masking it would let
 * the same figure pass unchecked wherever the answer states it.
 */
/** A character escaped for Markdown ("\\_"), as the reader sees it. */
const MARKDOWN_ESCAPE = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;

function maskNames(text: string, names: readonly string[], locale: string): string {
  let masked = text;
  // Names reach the answer escaped for Markdown ("07\_HEAD" for "07_HEAD"): look for them as the reader sees them.
  const lowered = text.replace(MARKDOWN_ESCAPE, "$1").toLowerCase();
  const present = names.filter(
    (name) => /\d/.test(name) && lowered.includes(name.toLowerCase()) && !isBareFigure(name, locale),
  );
  for (const name of [...new Set(present)].sort((a, b) => b.length - a.length)) {
    const written = [...name].map((char) => `\\\\?${escapeRegExp(char)}`).join("");
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}.,])${written}(?![\\p{L}\\p{N}]|[.,]\\d)`, "giu");
    masked = masked.replace(pattern, blank);
  }
  return maskNumberLabels(masked, names);
}

/**
 * Ids that are whole numbers (campaign "1178", interest "16") are masked only where they label something:
 * a list item's label ("- 1178:", "2. 936:") or right after a word the data uses as a name ("campaign
 * 1178", "by campaign: 1178"). Anywhere else they stay figures that a tool must back.
 */
function maskNumberLabels(text: string, names: readonly string[]): string {
  const ids = new Set(names.filter((name) => /^\d+$/.test(name.trim())).map((name) => name.trim()));
  if (ids.size === 0) return text;
  const words = names
    .filter((name) => !/\d/.test(name) && name.trim().length > 1 && name.length <= 30)
    .map((name) => escapeRegExp(name.trim().toLowerCase().replace(/_/g, " ")));
  const label = (digits: string) => (ids.has(digits) ? blank(digits) : digits);
  // The marker itself may already be blanked as a list number ("1. ").
  let masked = text.replace(
    /(^|\n)([ \t]*(?:(?:[-•*]|\d+\.)[ \t]+)?)(\d+)(?=:)/g,
    (_, start, marker, digits) => {
      return `${start}${marker}${label(digits)}`;
    },
  );
  if (words.length > 0) {
    const after = new RegExp(
      `((?:${[...new Set(words)].join("|")})s?:?[ \\t]+)(\\d+)(?![\\p{L}\\p{N}.,%x])`,
      "giu",
    );
    masked = masked.replace(after, (_, prefix, digits) => `${prefix}${label(digits)}`);
  }
  return masked;
}

function isBareFigure(name: string, locale: string): boolean {
  const trimmed = name.trim();
  return scanFigures(trimmed, [], locale).some((figure) => figure.text === trimmed);
}

function blank(span: string): string {
  return " ".repeat(span.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
