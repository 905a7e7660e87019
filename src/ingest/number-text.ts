/**
 * Reads one cell as a number the way a person reads a report: thousands separators, decimal commas,
 * currency symbols and codes, percent signs, accounting negatives, and the placeholders platforms print for
 * "nothing here". A cell alone cannot always say which separator is the decimal one ("1,234" is 1234 in
 * English and 1.234 in Portuguese), so the parse reports its evidence and, when ambiguous, both readings;
 * the column decides (see number-column.ts).
 */

export type DecimalStyle = "dot" | "comma";

export type NumberEvidence = DecimalStyle | "ambiguous" | "none";

export type ParsedNumber =
  | { kind: "blank" }
  | { kind: "bucket" }
  | { kind: "invalid" }
  | {
      kind: "number";
      /** The value when the decimal separator is a dot (or when the cell is unambiguous). */
      value: number;
      /** The value when the decimal separator is a comma; differs only for ambiguous cells. */
      commaValue: number;
      evidence: NumberEvidence;
      percent: boolean;
      currency: string | null;
      /** Written in scientific notation, as Excel does to long IDs. */
      scientific: boolean;
    };

const PLACEHOLDERS = new Set([
  "",
  "-",
  "--",
  "---",
  "—",
  "–",
  "n/a",
  "na",
  "nan",
  "null",
  "none",
  "#n/a",
  "undefined",
]);

/** Currency symbols and the ISO code they most often mean in ad exports. */
const SYMBOLS: Array<[string, string]> = [
  ["R$", "BRL"],
  ["US$", "USD"],
  ["A$", "AUD"],
  ["C$", "CAD"],
  ["NZ$", "NZD"],
  ["HK$", "HKD"],
  ["S$", "SGD"],
  ["MX$", "MXN"],
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["¥", "JPY"],
  ["₹", "INR"],
  ["₫", "VND"],
  ["₩", "KRW"],
  ["₺", "TRY"],
  ["₱", "PHP"],
  ["zł", "PLN"],
  ["kr", "SEK"],
  ["Rp", "IDR"],
  ["RM", "MYR"],
  ["CHF", "CHF"],
];

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const CURRENCY_CODE = /^[A-Z]{3}$/;

const PLAIN = /^-?\d{1,15}(\.\d+)?$/;

export function parseNumberText(raw: string): ParsedNumber {
  if (PLAIN.test(raw)) return readPlain(raw);
  let text = raw.replace(SPACES, " ").trim();
  if (PLACEHOLDERS.has(text.toLowerCase())) return { kind: "blank" };
  if (/^[<>≤≥]\s*\d/.test(text)) return { kind: "bucket" };

  let negative = false;
  if (text.startsWith("(") && text.endsWith(")")) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  let currency: string | null = null;
  const stripped = stripCurrency(text);
  if (stripped) {
    currency = stripped.currency;
    text = stripped.rest;
  }
  if (text.startsWith("-") || text.startsWith("−")) {
    negative = !negative;
    text = text.slice(1).trim();
  } else if (text.startsWith("+")) {
    text = text.slice(1).trim();
  } else if (text.endsWith("-") && text.length > 1) {
    negative = !negative;
    text = text.slice(0, -1).trim();
  }
  if (!currency) {
    const again = stripCurrency(text);
    if (again) {
      currency = again.currency;
      text = again.rest;
    }
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }

  const scientific = /^\d+(?:[.,]\d+)?[eE][+-]?\d+$/.test(text);
  const reading = scientific
    ? { dot: text.replace(",", "."), comma: null, evidence: "none" as const }
    : readDigits(text);
  if (!reading) return { kind: "invalid" };
  const scale = percent ? "e-2" : "";
  const sign = negative ? "-" : "";
  const value = Number(`${sign}${reading.dot}${scale}`);
  const commaValue = reading.comma === null ? value : Number(`${sign}${reading.comma}${scale}`);
  if (!Number.isFinite(value) || !Number.isFinite(commaValue)) return { kind: "invalid" };
  return { kind: "number", value, commaValue, evidence: reading.evidence, percent, currency, scientific };
}

/** The common case, "1234" or "-12.5", without the general machinery. */
function readPlain(text: string): ParsedNumber {
  const value = Number(text);
  const dot = text.indexOf(".");
  if (dot < 0)
    return {
      kind: "number",
      value,
      commaValue: value,
      evidence: "none",
      percent: false,
      currency: null,
      scientific: false,
    };
  const whole = text.slice(text[0] === "-" ? 1 : 0, dot);
  const ambiguous = text.length - dot - 1 === 3 && whole.length <= 3 && !/^0+$/.test(whole);
  const commaValue = ambiguous ? Number(text.replace(".", "")) : value;
  return {
    kind: "number",
    value,
    commaValue,
    evidence: ambiguous ? "ambiguous" : "dot",
    percent: false,
    currency: null,
    scientific: false,
  };
}

function stripCurrency(text: string): { currency: string; rest: string } | null {
  for (const [symbol, code] of SYMBOLS) {
    if (text.startsWith(symbol)) return { currency: code, rest: text.slice(symbol.length).trim() };
    if (text.endsWith(symbol) && text.length > symbol.length) {
      return { currency: code, rest: text.slice(0, -symbol.length).trim() };
    }
  }
  const leading = text.slice(0, 3);
  if (CURRENCY_CODE.test(leading) && /^[A-Z]{3}\s*[\d(+-]/.test(text)) {
    return { currency: leading, rest: text.slice(3).trim() };
  }
  const trailing = text.slice(-3);
  if (CURRENCY_CODE.test(trailing) && /\d\s*[A-Z]{3}$/.test(text)) {
    return { currency: trailing, rest: text.slice(0, -3).trim() };
  }
  return null;
}

interface DigitsReading {
  /** Normalised number text under the dot-decimal reading. */
  dot: string;
  /** Under the comma-decimal reading, when it differs. */
  comma: string | null;
  evidence: NumberEvidence;
}

/** Digits with optional grouping and decimal separators, e.g. "1,234.50", "1.683,00", "1 234,56", "1'234". */
function readDigits(text: string): DigitsReading | null {
  if (/^\d+$/.test(text)) return { dot: text, comma: null, evidence: "none" };
  if (!/^\d[\d.,' ]*$/.test(text) && !/^[.,]\d+$/.test(text)) return null;
  if (/^[.,]\d+$/.test(text)) {
    return { dot: `0.${text.slice(1)}`, comma: null, evidence: text[0] === "," ? "comma" : "dot" };
  }
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const whole = text.slice(0, Math.max(lastDot, lastComma));
    const fraction = text.slice(Math.max(lastDot, lastComma) + 1);
    if (!/^\d+$/.test(fraction) || !isGrouped(whole, group)) return null;
    const normal = `${whole.replace(/[.,' ]/g, "")}.${fraction}`;
    return { dot: normal, comma: null, evidence: decimal === "." ? "dot" : "comma" };
  }
  const separator = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
  if (separator === null) {
    // Only spaces or apostrophes: grouping without decimals.
    return isGrouped(text, null) ? { dot: text.replace(/[' ]/g, ""), comma: null, evidence: "none" } : null;
  }
  const parts = text.split(separator);
  const lastPart = parts[parts.length - 1] as string;
  const firstPart = parts[0] as string;
  if (parts.length > 2) {
    // Several of the same separator can only be grouping.
    if (!isGrouped(text, separator)) return null;
    return { dot: text.replace(/[.,' ]/g, ""), comma: null, evidence: separator === "," ? "dot" : "comma" };
  }
  if (!/^\d+$/.test(lastPart)) return null;
  const asDecimal = `${firstPart.replace(/[' ]/g, "")}.${lastPart}`;
  const asGroup = `${firstPart.replace(/[' ]/g, "")}${lastPart}`;
  const couldBeGroup = lastPart.length === 3 && isGrouped(firstPart, null) && !/^0+$/.test(firstPart);
  if (!couldBeGroup) {
    if (!isGrouped(firstPart, null)) return null;
    return { dot: asDecimal, comma: null, evidence: separator === "." ? "dot" : "comma" };
  }
  // "1,234" or "1.234": a group separator in one convention, the decimal point in the other.
  return separator === "."
    ? { dot: asDecimal, comma: asGroup, evidence: "ambiguous" }
    : { dot: asGroup, comma: asDecimal, evidence: "ambiguous" };
}

/** Whether digits are grouped in threes by `group` (or spaces/apostrophes), e.g. "1,234,567". */
function isGrouped(text: string, group: string | null): boolean {
  if (/^\d+$/.test(text)) return true;
  const separators = group ? `[${group === "." ? "\\." : group}' ]` : "[' ]";
  return new RegExp(`^\\d{1,3}(?:${separators}\\d{3})+$`).test(text);
}
