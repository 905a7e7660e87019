import { civilToDay, type DateRange, dayToIso } from "../../ingest/index.js";

const MS_PER_DAY = 86_400_000;

/** Month names in English and the languages the reader takes exports in (Portuguese, Spanish, French, German). */
const MONTHS = [
  ["january", "jan", "janeiro", "enero", "janvier", "januar"],
  ["february", "feb", "fevereiro", "febrero", "février", "fevrier", "februar"],
  ["march", "mar", "março", "marco", "marzo", "mars", "märz", "marz"],
  ["april", "apr", "abril", "avril"],
  ["may", "maio", "mayo", "mai"],
  ["june", "jun", "junho", "junio", "juin", "juni"],
  ["july", "jul", "julho", "julio", "juillet", "juli"],
  ["august", "aug", "agosto", "août", "aout"],
  ["september", "sept", "sep", "setembro", "septiembre", "septembre"],
  ["october", "oct", "outubro", "octubre", "octobre", "oktober"],
  ["november", "nov", "novembro", "noviembre", "novembre"],
  ["december", "dec", "dezembro", "diciembre", "décembre", "decembre", "dezember"],
] as const;

// Longest first, so "março" is not read as "mar" followed by a stray "ço".
export const MONTH_WORD = MONTHS.flat()
  .sort((a, b) => b.length - a.length)
  .join("|");

/** The data's dated span in day numbers, to pick the year of "March" and the end of "since ...". */
export interface DataDays {
  first: number | null;
  last: number | null;
  /** Used when the data has no dates. */
  todayYear: number;
}

export function monthNumber(word: string | undefined): number {
  return MONTHS.findIndex((names) => (names as readonly string[]).includes(word ?? "")) + 1;
}

/** A calendar month's dates; without a year, the latest year the data has that month. */
export function monthRange(month: number, yearText: string | undefined, data: DataDays): DateRange {
  const year = yearText ? Number(yearText) : yearFor(month, data, 1);
  const from = civilToDay(year, month, 1);
  const to = civilToDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
  return { from: dayToIso(from), to: dayToIso(to) };
}

/**
 * The year of a month named without one: the latest year in which that month (spanning `months` months)
 * overlaps the data, else the data's last year, else this year.
 */
export function yearFor(month: number, data: DataDays, months: number): number {
  if (data.first === null || data.last === null) return data.todayYear;
  const firstYear = new Date(data.first * MS_PER_DAY).getUTCFullYear();
  const lastYear = new Date(data.last * MS_PER_DAY).getUTCFullYear();
  for (let year = lastYear; year >= firstYear; year--) {
    const start = civilToDay(year, month, 1);
    const endMonth = month + months;
    const end = civilToDay(endMonth > 12 ? year + 1 : year, endMonth > 12 ? endMonth - 12 : endMonth, 1) - 1;
    if (start <= data.last && end >= data.first) return year;
  }
  return lastYear;
}
