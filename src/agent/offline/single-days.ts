import { type Dataset, dayRange } from "../../ingest/index.js";
import { readDatePhrases } from "./date-phrases.js";

/**
 * "which day had the highest spend", "highest spend day", "top 3 days by CPA last month", "which month had
 * the most spend": single dates (or weeks, months, quarters) of the data, ranked, not a day-of-week pattern
 * nor a ranking of campaigns. A day of the week is asked as such ("which day of the week", "weekday") or
 * as a habit ("which day do we spend most", "best day to post"); a count, a past tense or a named period
 * points at dates even then. Read on the question with its date phrases blanked, so "best campaigns last
 * 7 days" is no question about days.
 */
const RANKED_PART =
  /\b(?:which|what|best|worst|top|bottom|highest|lowest|biggest|busiest|peak|strongest|weakest|poorest|cheapest|priciest|most|least)\b((?:\s+[a-z0-9$%.]+){0,3}?)\s+(days?|dates?|weeks?|months?|quarters?)\b/;

/** The part named first, the ranking after: "month with the highest CPA", "weeks that had the most spend". */
const PART_THEN_RANKED =
  /\b(days?|dates?|weeks?|months?|quarters?)\s+(?:with|that had|that has|had|has|having)\s+(?:the\s+|our\s+)?(?:best|worst|highest|lowest|biggest|busiest|peak|strongest|weakest|poorest|cheapest|priciest|most|least|top|bottom)\b/;

export type RankedPart = "day" | "week" | "month" | "quarter";
/** A part of a day or week, not a date: "day of the week", "hour of the day", "time of day". */
const WEEKDAY_WORDS =
  /\b(?:days? of (?:the )?week|weekdays?|day of wk|dow|(?:hours?|time) of (?:the )?day)\b/;
/** Between the ranking word and "day" only a metric or a count fits; a dimension there ranks that instead. */
const OTHER_GROUPING =
  /\b(?:campaigns?|ads?|sets?|groups?|adsets?|adgroups?|keywords?|channels?|devices?|countries|country|creatives?)\b/;
const HABIT =
  /\bdays?\s+(?:to|for (?:posting|running|launching))\s+\w+|\b(?:do|does|usually|typically|tend)\b/;
const PAST = /\b(?:was|were|had|did|got|saw|ever|single|date|dates)\b/;

/** Which part of the calendar a question ranks, and where its word sits, or null. */
export function rankedTimePart(
  withoutDates: string,
  namesPeriod: boolean,
): { part: RankedPart; index: number } | null {
  // "the highest spend to date" is all the data so far, not a date.
  const words = withoutDates.replace(/\bto date\b/g, (found) => " ".repeat(found.length));
  const ranked = rankedWord(words);
  if (!ranked) return null;
  const { word, between, index } = ranked;
  const part = word.replace(/s$/, "").replace("date", "day") as RankedPart;
  if (part !== "day") return { part, index };
  if (WEEKDAY_WORDS.test(withoutDates)) return null;
  // "top 3 days": a count of days is of dates (a week has only seven weekdays to rank).
  const counted = /\b\d{1,2}\b|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b/.test(between);
  const habit = HABIT.test(withoutDates) && !PAST.test(withoutDates);
  if (!counted && habit && !namesPeriod) return null;
  return { part, index };
}

/** The calendar word ranked, the words between it and the ranking word, and where it sits. */
function rankedWord(words: string): { word: string; between: string; index: number } | null {
  const before = RANKED_PART.exec(words);
  if (before && !OTHER_GROUPING.test(before[1] ?? "")) {
    const word = before[2] ?? "";
    return { word, between: before[1] ?? "", index: before.index + before[0].length - word.length };
  }
  const after = PART_THEN_RANKED.exec(words);
  return after ? { word: after[1] ?? "", between: "", index: after.index } : null;
}

/** The same judgement on a whole question, for readers that run before the parser (the weekday pattern). */
export function asksForSingleDays(question: string, dataset: Dataset): boolean {
  const span = dayRange(dataset.facts);
  const dates = readDatePhrases(question.toLowerCase(), {
    first: span?.first ?? null,
    last: span?.last ?? null,
    // Only whether a period is named matters here, not its year.
    todayYear: 2000,
  });
  return rankedTimePart(dates.rest, dates.slots.length > 0)?.part === "day";
}
