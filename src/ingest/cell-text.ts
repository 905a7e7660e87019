import type { CellValue } from "exceljs";

/**
 * A workbook cell as the text a CSV of the same sheet would hold, so one set of reader rules serves both:
 * numbers at full precision with a decimal point, dates as ISO YYYY-MM-DD, formulas as the result Excel
 * saved with them, rich text and links as their text, empty and merged-away cells blank.
 */
export function cellText(value: CellValue, numFmt = ""): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return numberText(value);
  if (typeof value === "string") return oneLine(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return oneLine(value.richText.map((run) => run.text).join(""));
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) {
    // The streaming reader hands a saved result over as a bare number, even in a cell formatted as a date.
    if (typeof value.result === "number" && isDateFormat(numFmt)) return dateText(fromSerial(value.result));
    return value.result === undefined ? "" : cellText(value.result);
  }
  if ("text" in value) return cellText(value.text as CellValue);
  return "";
}

/**
 * Shortest round-trip digits, never an exponent. A value such as 1.234 would be the only cell form a
 * locale guess could misread (as 1234 with a thousands dot, in a German report), so it gains a trailing
 * zero that says "decimal point" without changing the value.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return "";
  let text = String(value);
  if (text.includes("e")) {
    text =
      Math.abs(value) >= 1
        ? BigInt(Math.round(value)).toString()
        : value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
  }
  return /^-?\d{1,3}\.\d{3}$/.test(text) ? `${text}0` : text;
}

/** Day 0 of the 1900 date system: a time or a duration (a "[h]:mm:ss" cell) is a count from here. */
const DAY_ZERO = Date.UTC(1899, 11, 30);
/**
 * No report is dated before March 1900 (Excel's serials are off by a day before it, for its leap day that
 * never was), so anything earlier is a duration of up to 60 days.
 */
const FIRST_DATE = Date.UTC(1900, 2, 1);

/**
 * Excel stores a date as a day count that the library turns into a UTC instant. A time of day is kept
 * only when there is one, so daily reports read as plain dates; a time or duration alone reads as h:mm:ss,
 * as a CSV of it would.
 */
function dateText(date: Date): string {
  const instant = date.getTime();
  if (Number.isNaN(instant)) return "";
  if (instant < FIRST_DATE) return durationText(Math.round((instant - DAY_ZERO) / 1000));
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? day : `${day} ${time}`;
}

function durationText(seconds: number): string {
  const two = (value: number) => String(value).padStart(2, "0");
  return `${Math.floor(seconds / 3600)}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

/** Excel's test: a number format with day, month, year or time parts, outside quoted text and [...] codes. */
const isDateFormat = (numFmt: string) =>
  /[ymdhsb]/i.test(numFmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** Day 25569 of the 1900 date system is 1970-01-01 (the 1904 system is left to the library's own dates). */
const fromSerial = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));

/**
 * Line breaks inside a cell become spaces, so each sheet row is one line and "line 7" in the receipt is
 * row 7 of the sheet a person opens.
 */
const oneLine = (text: string) => text.replace(/\r\n?|\n/g, " ");
