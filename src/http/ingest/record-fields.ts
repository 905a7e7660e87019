import { z } from "zod";
import { isoToDay, NO_DAY } from "../../ingest/index.js";

/**
 * One schema per kind of field a webhook record carries, each with a message that says the expected form
 * and what was sent instead. Automation tools often send numbers as text ("12.50"), so amounts accept
 * both; everything else is strict, because a guess here would become a wrong figure in a report.
 */

/** What was sent, shortened, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** The figure a measure or money amount states (null: unknown), or NaN when it is not one. */
export function amountOf(value: unknown): number | null {
  if (value === null) return null;
  const number =
    typeof value === "number"
      ? value
      : typeof value === "string" && NUMBER_TEXT.test(value.trim())
        ? Number(value.trim())
        : Number.NaN;
  return Number.isFinite(number) && number >= 0 ? number : Number.NaN;
}

/** A measure or money amount: a number ≥ 0 (or its digits as text); null or missing means unknown. */
export const amount = z
  .unknown()
  .transform((value, ctx): number | null => {
    const number = amountOf(value);
    if (number === null || !Number.isNaN(number)) return number;
    ctx.addIssue({
      code: "custom",
      message: `expected a number ≥ 0 such as 12.5 (no currency sign or thousands separator), got ${describeValue(value)}`,
    });
    return z.NEVER;
  })
  .optional();

export const label = z
  .string({ error: (issue) => `expected text, got ${describeValue(issue.input)}` })
  .trim()
  .max(300, "expected at most 300 characters")
  .transform((value) => (value === "" ? null : value))
  .nullish();

export const externalId = z
  .union([z.string().trim().min(1).max(200), z.number().int()], {
    error: (issue) =>
      `expected an id: text of 1 to 200 characters or a whole number, got ${describeValue(issue.input)}`,
  })
  .transform(String)
  .nullish();

export const currency = z
  .string({
    error: (issue) => `expected a 3-letter currency code such as USD, got ${describeValue(issue.input)}`,
  })
  .trim()
  .regex(/^[A-Za-z]{3}$/, "expected a 3-letter currency code such as USD, EUR or BRL")
  .transform((code) => code.toUpperCase())
  .nullish();

export const email = z
  .email({
    error: (issue) => `expected an email address such as ana@example.com, got ${describeValue(issue.input)}`,
  })
  .nullish();

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The day a metrics row is about: YYYY-MM-DD, or a date-time whose date (as written) is taken. */
export function dayOf(value: unknown): string | undefined {
  const match = typeof value === "string" ? ISO_DAY.exec(value.trim()) : null;
  const iso = match?.[1];
  return iso !== undefined && isoToDay(iso) !== NO_DAY ? iso : undefined;
}

export const day = z.unknown().transform((value, ctx): string => {
  const iso = dayOf(value);
  if (iso !== undefined) return iso;
  ctx.addIssue({
    code: "custom",
    message: `expected a date as YYYY-MM-DD such as 2025-05-01, got ${describeValue(value)}`,
  });
  return z.NEVER;
});

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * When a lead or order happened: an ISO 8601 date-time (kept as written, so its date is the sender's
 * local day) or Unix time in seconds or milliseconds (taken as UTC). Missing means "now".
 */
export const timestamp = z
  .unknown()
  .transform((value, ctx): string | null => {
    if (value === null) return null;
    if (typeof value === "string" && ISO_TIMESTAMP.test(value.trim())) {
      const text = value.trim();
      if (isoToDay(text.slice(0, 10)) !== NO_DAY && !Number.isNaN(Date.parse(text))) return text;
    }
    if (typeof value === "number" && Number.isFinite(value) && value > 0) {
      const ms = value < 1e12 ? value * 1000 : value;
      if (ms < 8.64e15) return new Date(ms).toISOString();
    }
    ctx.addIssue({
      code: "custom",
      message: `expected an ISO 8601 date-time such as 2025-05-01T14:30:00Z (or Unix seconds), got ${describeValue(value)}`,
    });
    return z.NEVER;
  })
  .optional();
