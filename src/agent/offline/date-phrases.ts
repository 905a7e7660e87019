import { civilToDay, type DateRange, dayToIso, isoToDay, NO_DAY } from "../../ingest/index.js";
import {
  RELATIVE_PERIODS,
  type RelativePeriod,
  relativePeriod,
  spanToRange,
} from "../tool-support/relative-periods.js";
import { type DataDays, MONTH_WORD, monthNumber, monthRange, yearFor } from "./calendar-months.js";
import { readDayRanges } from "./day-ranges.js";
import {
  DAYS_OF_MONTH,
  daysOfMonth,
  type MonthPart,
  THIRD_OF_MONTH,
  thirdOfMonth,
  WEEK_BY_DAY,
  weekByDay,
} from "./month-parts.js";
import { NAMED_DAY_PATTERN, namedDay } from "./named-days.js";
import { NUMERIC_DATES, readNumericDates } from "./numeric-dates.js";
import { spelledOverPeriods } from "./period-over-period.js";
import { relativeDates, SAME_PERIOD_BEFORE, samePeriodBefore, sameSpanBack } from "./same-period-before.js";
import { blankOut } from "./text-spans.js";
import { NUMBER_WORDS } from "./vocabulary.js";

/** A period a question names: relative to the anchor day, or explicit dates. */
export type PeriodSlot =
  | { kind: "relative"; period: RelativePeriod; index: number }
  | {
      kind: "range";
      range: DateRange;
      index: number;
      /** "from February to March": the two months, for a question that compares them. */
      ends?: [DateRange, DateRange];
    };

export type { DataDays };

export interface DatePhrases {
  slots: PeriodSlot[];
  /** "as of today": relative periods count back from today instead of the data's last date. */
  relativeTo: "data" | "today";
  /** A comparison was named ("week over week", "the week before") even if only one period was. */
  comparison: boolean;
  /**
   * "is Prospecting getting worse month over month": the period over period named with words for a series,
   * read as the series' grain; a question that turns out to compare instead compares that period.
   */
  over: OverGrain | null;
  /** The text with the date phrases blanked out. */
  rest: string;
  /** What the reading must say about a date it worked out ("Black Friday 2024 is 2024-11-29"). */
  notes: string[];
  /** Dates that fit two readings equally ("3/11-9/11"): the question is declined, naming both. */
  unclear: string | null;
}

const ISO = "(\\d{4}-\\d{2}-\\d{2})";
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")})`;
const ORDINAL = "(?:st|nd|rd|th)?";
const MS_PER_DAY = 86_400_000;

type OverGrain = "day" | "week" | "month";

/**
 * The period "day/week/month over day/week/month" compares with the one before: the latest day, the last 7
 * days (as "wow" is read on a daily export), the last complete month.
 */
const OVER_PERIOD: Readonly<Record<OverGrain, RelativePeriod>> = {
  day: "latest_day",
  week: "last_7_days",
  month: "last_month",
};

/** The period a comparison over a grain means when the question names no other. */
export function overPeriodSlot(grain: OverGrain): PeriodSlot {
  return { kind: "relative", period: OVER_PERIOD[grain], index: 0 };
}

/**
 * Named periods, whether the words themselves ask for a comparison, and the period they mean when nothing
 * else in the question names one ("spend vs the previous month": the last month against the one before);
 * null: no period of its own.
 */
const NAMED: ReadonlyArray<readonly [RegExp, RelativePeriod | null, boolean, RelativePeriod?]> = [
  [/\b(?:week over week|wow)\b/g, OVER_PERIOD.week, true],
  [/\b(?:month over month|mom)\b/g, OVER_PERIOD.month, true],
  [/\bday over day\b/g, OVER_PERIOD.day, true],
  [/\b(?:the )?(?:week before(?: that)?|previous week|prior week)\b/g, null, true, OVER_PERIOD.week],
  [/\b(?:the )?(?:month before(?: that)?|previous month|prior month)\b/g, null, true, OVER_PERIOD.month],
  [/\b(?:the )?(?:day before(?: that)?|previous day|prior day)\b/g, null, true, OVER_PERIOD.day],
  [/\b(?:the )?(?:previous|prior) period\b/g, null, true],
  [/\bthis week\b/g, "this_week", false],
  [/\b(?:last|past) week\b/g, "last_week", false],
  [/\bthis month\b|\bmonth to date\b|\bmtd\b/g, "this_month", false],
  [/\blast month\b/g, "last_month", false],
  [/\bpast month\b/g, "last_30_days", false],
  [/\b(?:yesterday|today|latest day|last day|most recent day)\b/g, "latest_day", false],
  // "this week vs last", "q3 vs the one before": the period before, its unit left unsaid.
  [
    /\b(?:vs\.?|versus|against|compared (?:to|with))\s+(?:the\s+)?(?:(?:last|previous|prior)(?:\s+one)?|one before)(?![\s-]*(?:\d|days?|weeks?|months?|quarters?|years?)\b)/g,
    null,
    true,
  ],
];

/** Chat shorthand for periods: "l7d", "last 30d", "last wk", "yday". */
const SHORTHAND: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bl(\d{1,3})d\b/g, "last $1 days"],
  [/\b(\d{1,3})d\b/g, "$1 days"],
  [/\bwk\b/g, "week"],
  [/\bwks\b/g, "weeks"],
  [/\b(?:yday|yest|ystdy)\b/g, "yesterday"],
  [/\bfortnight\b/g, "2 weeks"],
  [/\bthru\b/g, "through"],
  [/\bqtrs?\b/g, "quarter"],
];

function shorthand(lowered: string): string {
  return SHORTHAND.reduce((text, [pattern, words]) => text.replace(pattern, words), lowered);
}

/** A series, or a direction asked of one ("is CPA going up month over month?"): either wants every period. */
const SERIES_WORDS =
  /\b(?:trend\w*|over time|series|history|chart|graph|plot|going (?:up|down)|rising|increasing|falling|decreasing|climbing|growing|declining|dropping|improving|worsening|getting (?:better|worse))\b/;
const OVER_PERIODS: ReadonlyArray<readonly [RegExp, string, OverGrain]> = [
  [/\b(?:week over week|wow)\b/g, "weekly", "week"],
  [/\b(?:month over month|mom)\b/g, "monthly", "month"],
  [/\b(?:day over day|dod)\b/g, "daily", "day"],
];

/**
 * "CTR trend week over week" asks for the series by week, not for the last 7 days against the 7 before:
 * with a word for a series or a direction, "week over week" (or "wow", "mom", "day over day") is the series' grain.
 */
function seriesOverPeriods(lowered: string): { text: string; over: OverGrain | null } {
  if (!SERIES_WORDS.test(lowered)) return { text: lowered, over: null };
  let over: OverGrain | null = null;
  let text = lowered;
  for (const [pattern, words, grain] of OVER_PERIODS) {
    text = text.replace(pattern, () => {
      over ??= grain;
      return words;
    });
  }
  return { text, over };
}

const NTH_WEEK: Readonly<Record<string, number>> = {
  first: 0,
  "1st": 0,
  second: 1,
  "2nd": 1,
  third: 2,
  "3rd": 2,
  fourth: 3,
  "4th": 3,
};

/**
 * Reads the periods a question names, in the order it names them: ISO dates and ranges, "since", "last
 * N days/weeks/months", this/last week or month, yesterday, quarters and halves, "week of", ranges of
 * days in words (by chrono-node), halves of a month, year to date, month names (with or without a year;
 * without one, the latest year of the data that has that month).
 */
export function readDatePhrases(lowered: string, data: DataDays): DatePhrases {
  // "nov 3–9": a dash is a dash, whichever one the keyboard typed.
  const series = seriesOverPeriods(spelledOverPeriods(shorthand(lowered.replace(/[–—]/g, "-"))));
  let rest = series.text;
  const slots: PeriodSlot[] = [];
  const notes: string[] = [];
  let unclear: string | null = null;
  let relativeTo: "data" | "today" = "data";
  let comparison = false;
  const take = (pattern: RegExp, read: (match: RegExpMatchArray) => PeriodSlot | "marker" | null) => {
    for (const match of [...rest.matchAll(pattern)]) {
      const slot = read(match);
      if (slot === null) continue;
      if (slot !== "marker") slots.push(slot);
      rest = blankOut(rest, match.index ?? 0, match[0].length);
    }
  };
  const last = data.last;
  take(/\b(?:as of|relative to|until|up to|compared to) today\b|\bcalendar\b/g, () => {
    relativeTo = "today";
    return "marker";
  });
  // Parts of a month, before the dates and "last N weeks" they contain.
  const part = (m: RegExpMatchArray, read: MonthPart | null): PeriodSlot | null => {
    if (read === null) return null;
    if (read.note) notes.push(read.note);
    return { kind: "range", range: read.range, index: m.index ?? 0 };
  };
  take(WEEK_BY_DAY, (m) => part(m, weekByDay(m, data)));
  take(THIRD_OF_MONTH, (m) => part(m, thirdOfMonth(m, data)));
  take(DAYS_OF_MONTH, (m) => {
    const read = daysOfMonth(m, data);
    if (read === null)
      unclear ??= `a part of a month the month can hold, and “${m[0].trim()}” is more days than it has`;
    return read === null ? "marker" : part(m, read);
  });
  take(new RegExp(`\\b(?:from|between)\\s+${ISO}\\s+(?:to|and|until|through|till)\\s+${ISO}`, "g"), (m) =>
    range(m, m[1], m[2]),
  );
  take(new RegExp(`${ISO}\\s*(?:to|–|—|-|until|through|till)\\s*${ISO}`, "g"), (m) => range(m, m[1], m[2]));
  take(new RegExp(`\\bsince\\s+${ISO}`, "g"), (m) => (last === null ? null : range(m, m[1], dayToIso(last))));
  take(new RegExp(ISO, "g"), (m) => range(m, m[1], m[1]));
  // Before chrono-node, which would read "3/11" as March 11 whatever the writer meant.
  take(NUMERIC_DATES, (m) => {
    const reading = readNumericDates(m, (month) => yearFor(month, data, 1), data);
    if (reading === null) return null;
    if ("unclear" in reading) {
      unclear ??= reading.unclear;
      return "marker";
    }
    return { kind: "range", range: reading.range, index: m.index ?? 0 };
  });
  take(NAMED_DAY_PATTERN, (m) => {
    const [, since, weekOf, around, name, year, span] = m;
    const day = namedDay(name ?? "", year, last, data.todayYear);
    if (day === null) return null;
    // "Black Friday week" may be its Monday to Sunday, the days up to it, or through Cyber Monday.
    if (around || span) {
      unclear ??= `the days “${m[0].trim()}” covers, which it does not say: ask for the day itself (e.g. “spend on ${name}”), the week of it (Monday to Sunday, e.g. “spend the week of ${name}”), or the dates`;
      return "marker";
    }
    if (weekOf) {
      const monday = day.from - ((new Date(day.from * MS_PER_DAY).getUTCDay() + 6) % 7);
      const range = { from: dayToIso(monday), to: dayToIso(monday + 6) };
      notes.push(`${day.note}; the week of it read as ${range.from} to ${range.to} (Monday to Sunday)`);
      return { kind: "range", range, index: m.index ?? 0 };
    }
    notes.push(day.note);
    const to = since && last !== null ? Math.max(last, day.to) : day.to;
    return { kind: "range", range: { from: dayToIso(day.from), to: dayToIso(to) }, index: m.index ?? 0 };
  });
  // "last 7 days vs previous 7": the default comparison, said once; against a period of another length,
  // totals would read as a fall or a rise the days alone make, so that is declined.
  take(ROLLING_AGAINST_ROLLING, (m) => {
    const unit = m[2] ?? "days";
    const before = countOf(m[3] ?? m[5]) * unitDays(m[4] ?? m[6] ?? unit);
    if (before !== countOf(m[1]) * unitDays(unit)) {
      unclear ??=
        "two periods of the same length, so totals are not a rise or a fall the extra days make: ask for a period against as many days right before it (e.g. “spend this week vs last week”), or name both periods as dates";
      return "marker";
    }
    comparison = true;
    return rolling(m, countOf(m[1]), unit, last);
  });
  take(new RegExp(`\\b(?:last|past|previous|trailing)\\s+${COUNT}\\s+(days?|weeks?|months?)\\b`, "g"), (m) =>
    rolling(m, countOf(m[1]), m[2] ?? "days", last),
  );
  // "the second week of september": days 8 to 14 of the month (the reading line shows the dates), the
  // last week its final seven days; before "last week", which it contains.
  take(
    new RegExp(
      `\\b(?:the\\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|last)\\s+week\\s+(?:of|in)\\s+(${MONTH_WORD})\\.?(?:\\s+(\\d{4}))?\\b`,
      "g",
    ),
    (m) => {
      const whole = monthRange(monthNumber(m[2]), m[3], data);
      const start = isoToDay(whole.from);
      const end = isoToDay(whole.to);
      const nth = NTH_WEEK[m[1] ?? ""];
      const first = nth === undefined ? end - 6 : start + nth * 7;
      return {
        kind: "range",
        range: { from: dayToIso(first), to: dayToIso(Math.min(first + 6, end)) },
        index: m.index ?? 0,
      };
    },
  );
  let sameDayWeekBefore = false;
  take(
    /\b(?:the\s+)?same (?:day|weekday) (?:last|previous|the previous|a|one|the) week(?: before)?\b/g,
    () => {
      sameDayWeekBefore = true;
      comparison = true;
      return "marker";
    },
  );
  let monthsBack: number | null = null;
  take(SAME_PERIOD_BEFORE, (m) => {
    comparison = true;
    monthsBack = sameSpanBack(m[1] ?? "", m[2] ?? "");
    if (monthsBack === null) unclear ??= SAME_PERIOD_HELP;
    return "marker";
  });
  // "the week before last": the whole week (or month) before the last complete one, said in a note.
  take(/\b(?:the\s+)?(week|month) before last\b/g, (m) => {
    if (last === null || relativeTo === "today") return null;
    const unit = m[1] === "week" ? "last_week" : "last_month";
    const range = spanToRange(relativePeriod(unit, last).previous);
    notes.push(`the ${m[1]} before last read as ${range.from} to ${range.to}`);
    return { kind: "range", range, index: m.index ?? 0 };
  });
  let alone: RelativePeriod | null = null;
  for (const [pattern, period, compares, meant] of NAMED) {
    take(pattern, (m) => {
      if (compares) comparison = true;
      alone ??= meant ?? null;
      return period === null ? "marker" : { kind: "relative", period, index: m.index ?? 0 };
    });
  }
  // "cpa qoq": the last complete quarter against the one before, both whole; "yoy" names no two periods
  // this reader can be sure of (the last year, or this part of the year against the same part before).
  take(/\bquarter over quarter\b/g, (m) => {
    if (last === null) return null;
    const current = wholePeriod(last, 3, "last");
    const previous = wholePeriod(isoToDay(current.from) - 1, 3, "this");
    comparison = true;
    notes.push(
      `quarter over quarter read as the last complete quarter, ${current.from} to ${current.to}, against the one before`,
    );
    slots.push({ kind: "range", range: previous, index: m.index ?? 0 });
    return { kind: "range", range: current, index: (m.index ?? 0) + 1 };
  });
  take(/\byear over year\b/g, () => {
    unclear ??= "two periods a year apart, named: e.g. “spend 2024 vs 2023” or “spend Q4 2024 vs Q4 2023”";
    return "marker";
  });
  // "2024 ytd", "ytd 2024": that year up to the data's last day in it, one period, not two to compare.
  take(/\b(?:((?:19|20)\d{2})\s+)?(?:year to date|ytd|this year)(?:\s+((?:19|20)\d{2}))?\b/g, (m) => {
    const end = last ?? null;
    if (end === null) return null;
    const named = m[1] ?? m[2];
    const year = named ? Number(named) : new Date(end * MS_PER_DAY).getUTCFullYear();
    const to = Math.min(end, civilToDay(year, 12, 31));
    return { kind: "range", range: { from: `${year}-01-01`, to: dayToIso(to) }, index: m.index ?? 0 };
  });
  take(/\b(?:(this|last|past|previous|prior)\s+quarter|qtd|quarter to date)\b/g, (m) =>
    last === null
      ? null
      : { kind: "range", range: wholePeriod(last, 3, m[1] ?? "this"), index: m.index ?? 0 },
  );
  take(/\b(?:last|past|previous|prior)\s+year\b/g, (m) =>
    last === null ? null : { kind: "range", range: wholePeriod(last, 12, "last"), index: m.index ?? 0 },
  );
  take(/\bq([1-4])(?:\s+(\d{4}))?\b/g, (m) => {
    const first = Number(m[1]) * 3 - 2;
    return monthsSlot(m, first, 3, m[2], data);
  });
  take(/\bh([12])(?:\s+(\d{4}))?\b/g, (m) => monthsSlot(m, m[1] === "1" ? 1 : 7, 6, m[2], data));
  take(
    new RegExp(
      `\\b(?:the\\s+)?week\\s+(?:of|starting|beginning)\\s+(?:${ISO}|(${MONTH_WORD})\\.?\\s+(\\d{1,2})${ORDINAL})`,
      "g",
    ),
    (m) => {
      const day = m[1]
        ? isoToDay(m[1])
        : civilToDay(yearFor(monthNumber(m[2]), data, 1), monthNumber(m[2]), Number(m[3]));
      if (day === NO_DAY) return null;
      // Weeks run Monday to Sunday, as the metrics engine's weekly grain does.
      const monday = day - ((new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7);
      return {
        kind: "range",
        range: { from: dayToIso(monday), to: dayToIso(monday + 6) },
        index: m.index ?? 0,
      };
    },
  );
  for (const phrase of readDayRanges(rest, (month) => yearFor(month, data, 1))) {
    slots.push({ kind: "range", range: phrase.range, index: phrase.index });
    rest = blankOut(rest, phrase.index, phrase.length);
  }
  let lastHalfMonth: number | null = null;
  take(
    new RegExp(
      `\\b(?:the\\s+)?(first|1st|second|2nd|last)\\s+half(?:\\s+of\\s+(${MONTH_WORD})(?:\\s+(\\d{4}))?)?\\b`,
      "g",
    ),
    (m) => {
      const month = m[2] ? monthNumber(m[2]) : lastHalfMonth;
      if (month === null) return null;
      lastHalfMonth = month;
      const whole = monthRange(month, m[3], data);
      const middle = isoToDay(whole.from) + 14;
      const first = m[1] === "first" || m[1] === "1st";
      const range = first
        ? { from: whole.from, to: dayToIso(middle) }
        : { from: dayToIso(middle + 1), to: whole.to };
      return { kind: "range", range, index: m.index ?? 0 };
    },
  );
  take(
    new RegExp(
      `\\b(?:from|between)\\s+(${MONTH_WORD})\\.?(?:\\s+(\\d{4}))?\\s+(?:to|and|until|through|till)\\s+(${MONTH_WORD})\\.?(?:\\s+(\\d{4}))?\\b`,
      "g",
    ),
    (m) => {
      const start = monthRange(monthNumber(m[1]), m[2], data);
      const end = monthRange(monthNumber(m[3]), m[4], data);
      const slot = range(m, start.from, end.to);
      return slot && { ...slot, ends: [start, end] };
    },
  );
  // "between march 1 and march 15", "from sept 3 to 17": one range, not two days to compare.
  take(
    new RegExp(
      `\\b(?:from|between)\\s+(${MONTH_WORD})\\.?\\s+(\\d{1,2})${ORDINAL}\\s+(?:to|and|until|through|till|-)\\s+(?:(${MONTH_WORD})\\.?\\s+)?(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?\\b`,
      "g",
    ),
    (m) => {
      const start = dayOf(m, monthNumber(m[1]), Number(m[2]), m[5], data);
      const end = dayOf(m, monthNumber(m[3] ?? m[1]), Number(m[4]), m[5], data);
      return start?.kind === "range" && end?.kind === "range"
        ? range(m, start.range.from, end.range.to)
        : null;
    },
  );
  take(new RegExp(`\\b(${MONTH_WORD})\\.?\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?\\b`, "g"), (m) =>
    dayOf(m, monthNumber(m[1]), Number(m[2]), m[3], data),
  );
  take(new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_WORD})\\b(?:,?\\s+(\\d{4}))?`, "g"), (m) =>
    dayOf(m, monthNumber(m[2]), Number(m[1]), m[3], data),
  );
  take(
    new RegExp(
      `\\b(?:(in|for|during|of|from|since|and|vs|versus|with)\\s+)?(${MONTH_WORD})\\b\\.?(?:\\s+(\\d{4}))?`,
      "g",
    ),
    (m) => {
      // "may" is a month only where a month is expected: after a preposition or before a year.
      if (m[2] === "may" && !m[1] && !m[3]) return null;
      const month = monthRange(monthNumber(m[2]), m[3], data);
      const to = m[1] === "since" && last !== null ? dayToIso(last) : month.to;
      return { kind: "range", range: { from: month.from, to }, index: m.index ?? 0 };
    },
  );
  // A year on its own ("spend in 2024"), once month names with years are read.
  take(/\b(?:(in|for|during|of|since)\s+)?((?:19|20)\d{2})\b/g, (m) => {
    const to = m[1] === "since" && last !== null ? dayToIso(last) : `${m[2]}-12-31`;
    return range(m, `${m[2]}-01-01`, to);
  });
  if (slots.length === 0 && alone !== null) slots.push({ kind: "relative", period: alone, index: 0 });
  slots.sort((a, b) => a.index - b.index);
  if (sameDayWeekBefore) unclear ??= weekBefore(slots, last);
  if (monthsBack !== null) unclear ??= sameDatesBefore(slots, monthsBack, last, relativeTo);
  if (relativeTo === "data") asDatesBeside(slots, last);
  if (overlapping(slots)) unclear ??= OVERLAP_HELP;
  return { slots, relativeTo, comparison, over: series.over, rest, notes, unclear };
}

/**
 * "last 7 days vs february": a named period beside dates is turned into its dates, so both periods are
 * compared as asked; the tools would otherwise compare the named one with the days before it and drop
 * the dates.
 */
function asDatesBeside(slots: PeriodSlot[], last: number | null): void {
  if (!slots.some((slot) => slot.kind === "range")) return;
  slots.forEach((slot, index) => {
    if (slot.kind !== "relative") return;
    const range = relativeDates(slot.period, last);
    if (range) slots[index] = { kind: "range", range, index: slot.index };
  });
}

const OVERLAP_HELP =
  "two periods that share no days, and those named share some: ask e.g. “spend this week vs last week” or “spend march vs february”";

/** "l7d vs march": two periods sharing days, whose totals would differ by the days one has more of. */
function overlapping(slots: readonly PeriodSlot[]): boolean {
  const [a, b] = slots;
  if (slots.length !== 2 || a?.kind !== "range" || b?.kind !== "range" || a.ends || b.ends) return false;
  return a.range.from <= b.range.to && b.range.from <= a.range.to;
}

const SAME_PERIOD_HELP =
  "one period set against the same dates a month, quarter or year before, e.g. “spend last month vs same month last year” or “cpa last 30 days vs same period last year”";

/** "last month vs same month last year": the one period named and the same dates before it, or why not. */
function sameDatesBefore(
  slots: PeriodSlot[],
  months: number,
  last: number | null,
  relativeTo: "data" | "today",
): string | null {
  const [slot] = slots;
  const pair =
    slots.length === 1 && slot && relativeTo === "data" ? samePeriodBefore(slot, months, last) : null;
  if (pair === null || !slot) return SAME_PERIOD_HELP;
  const [current, previous] = pair;
  slots.splice(
    0,
    1,
    { kind: "range", range: previous, index: slot.index },
    { kind: "range", range: current, index: slot.index + 1 },
  );
  return null;
}

/**
 * "yesterday vs same day last week": the one day named, as dates, and the same weekday seven days before
 * it as the period to compare with; without exactly one day named, why not.
 */
function weekBefore(slots: PeriodSlot[], last: number | null): string | null {
  const [slot] = slots;
  const day =
    slots.length !== 1 || !slot
      ? null
      : slot.kind === "relative"
        ? slot.period === "latest_day" && last !== null
          ? last
          : null
        : slot.range.from === slot.range.to
          ? isoToDay(slot.range.from)
          : null;
  if (day === null) {
    return "one day to set against the same day a week before, e.g. “spend yesterday vs same day last week”";
  }
  slots.splice(
    0,
    1,
    { kind: "range", range: { from: dayToIso(day), to: dayToIso(day) }, index: slot?.index ?? 0 },
    {
      kind: "range",
      range: { from: dayToIso(day - 7), to: dayToIso(day - 7) },
      index: (slot?.index ?? 0) + 1,
    },
  );
  return null;
}

/**
 * The quarter (or year) holding the data's last day, to that day ("this"), or the last complete one
 * ("last"), as "last month" is the last complete month: a quarter ending on the last day is that quarter.
 */
function wholePeriod(last: number, months: number, which: string): DateRange {
  const [year, month] = dayToIso(last).split("-").map(Number) as [number, number];
  const firstMonth = month - ((month - 1) % months);
  const start = civilToDay(year, firstMonth, 1);
  const next =
    firstMonth + months > 12 ? civilToDay(year + 1, 1, 1) : civilToDay(year, firstMonth + months, 1);
  if (which === "this") return { from: dayToIso(start), to: dayToIso(last) };
  if (last === next - 1) return { from: dayToIso(start), to: dayToIso(last) };
  const previousFirst = firstMonth - months < 1 ? firstMonth - months + 12 : firstMonth - months;
  const previousYear = firstMonth - months < 1 ? year - 1 : year;
  return { from: dayToIso(civilToDay(previousYear, previousFirst, 1)), to: dayToIso(start - 1) };
}

/** Months `first` to `first + count - 1` of one year: a quarter or a half. */
function monthsSlot(
  match: RegExpMatchArray,
  first: number,
  count: number,
  yearText: string | undefined,
  data: DataDays,
): PeriodSlot {
  const year = yearText ? Number(yearText) : yearFor(first, data, count);
  const start = monthRange(first, String(year), data);
  const end = monthRange(first + count - 1, String(year), data);
  return { kind: "range", range: { from: start.from, to: end.to }, index: match.index ?? 0 };
}

function range(
  match: RegExpMatchArray,
  from: string | undefined,
  to: string | undefined,
): Extract<PeriodSlot, { kind: "range" }> | null {
  if (!from || !to) return null;
  const [first, last] = from <= to ? [from, to] : [to, from];
  return { kind: "range", range: { from: first, to: last }, index: match.index ?? 0 };
}

/** "last 7 days" is a named period; "last 10 days" becomes dates counted back from the data's last day. */
function rolling(
  match: RegExpMatchArray,
  count: number,
  unit: string,
  last: number | null,
): PeriodSlot | null {
  const days = count * unitDays(unit);
  const named = `last_${days}_days`;
  if ((RELATIVE_PERIODS as readonly string[]).includes(named)) {
    return { kind: "relative", period: named as RelativePeriod, index: match.index ?? 0 };
  }
  if (days === 1) return { kind: "relative", period: "latest_day", index: match.index ?? 0 };
  if (last === null) return { kind: "relative", period: "last_30_days", index: match.index ?? 0 };
  return {
    kind: "range",
    range: { from: dayToIso(last - days + 1), to: dayToIso(last) },
    index: match.index ?? 0,
  };
}

function dayOf(
  match: RegExpMatchArray,
  month: number,
  day: number,
  yearText: string | undefined,
  data: DataDays,
): PeriodSlot | null {
  const year = yearText ? Number(yearText) : yearFor(month, data, 1);
  const number = civilToDay(year, month, day);
  if (number === NO_DAY) return null;
  return { kind: "range", range: { from: dayToIso(number), to: dayToIso(number) }, index: match.index ?? 0 };
}

const ROLLING_AGAINST_ROLLING = new RegExp(
  `\\b(?:last|past|trailing)\\s+${COUNT}\\s+(days?|weeks?|months?)\\s+(?:vs\\.?|versus|against|compared (?:to|with)|than)\\s+(?:the\\s+)?(?:(?:previous|prior|preceding|last|past)\\s+${COUNT}(?:\\s+(days?|weeks?|months?))?|${COUNT}\\s+(days?|weeks?|months?)\\s+(?:before|prior|earlier))(?![\\w-])`,
  "g",
);

/** Days in a unit of "last N days/weeks/months", as the rolling periods count them. */
function unitDays(unit: string): number {
  return unit.startsWith("week") ? 7 : unit.startsWith("month") ? 30 : 1;
}

function countOf(text: string | undefined): number {
  if (!text) return 0;
  return NUMBER_WORDS[text] ?? Number(text);
}
