import { type Dataset, dayRange } from "../../ingest/index.js";
import { readDatePhrases } from "./date-phrases.js";

/**
 * "which day had the highest spend", "highest spend day", "top 3 days by CPA last month": single dates of
 * the data, ranked, not a day-of-week pattern. A day of the week is asked as such ("which day of the
 * week", "weekday") or as a habit ("which day do we spend most", "best day to post"); a count, a past
 * tense or a named period points at dates even then. Read on the question with its date phrases blanked, so "best
 * campaigns last 7 days" is no question about days.
 */
const RANKED_DAY =
  /\b(?:which|what|best|worst|top|highest|lowest|biggest|busiest|peak|strongest|weakest|most|least)\b((?:\s+[a-z0-9$%.]+){0,3}?)\s+(days?|dates?)\b/;
/** A part of a day or week, not a date: "day of the week", "hour of the day", "time of day". */
const WEEKDAY_WORDS =
  /\b(?:days? of (?:the )?week|weekdays?|day of wk|dow|(?:hours?|time) of (?:the )?day)\b/;
/** Between the ranking word and "day" only a metric or a count fits; a dimension there ranks that instead. */
const OTHER_GROUPING =
  /\b(?:campaigns?|ads?|sets?|groups?|adsets?|adgroups?|keywords?|channels?|devices?|countries|country|creatives?)\b/;
const HABIT =
  /\bdays?\s+(?:to|for (?:posting|running|launching))\s+\w+|\b(?:do|does|usually|typically|tend)\b/;
const PAST = /\b(?:was|were|had|did|got|saw|ever|single|date|dates)\b/;

/** Where "day" sits in a question asking for single dates ranked, or null. */
export function rankedDayIndex(withoutDates: string, namesPeriod: boolean): number | null {
  if (WEEKDAY_WORDS.test(withoutDates)) return null;
  // "the highest spend to date" is all the data so far, not a date.
  const match = RANKED_DAY.exec(withoutDates.replace(/\bto date\b/g, (words) => " ".repeat(words.length)));
  if (!match || OTHER_GROUPING.test(match[1] ?? "")) return null;
  // "top 3 days": a count of days is of dates (a week has only seven weekdays to rank).
  const counted = /\b\d{1,2}\b|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b/.test(match[1] ?? "");
  const habit = HABIT.test(withoutDates) && !PAST.test(withoutDates);
  if (!counted && habit && !namesPeriod) return null;
  return (match.index ?? 0) + match[0].length - (match[2]?.length ?? 0);
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
  return rankedDayIndex(dates.rest, dates.slots.length > 0) !== null;
}
