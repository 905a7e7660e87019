/**
 * Reads one cell as a calendar date. Numeric dates with the day and month in an order the cell alone
 * cannot tell ("03/05/2025") come back as ambiguous parts; the column decides the order (date-column.ts).
 */

export type ParsedDate =
  | { kind: "date"; year: number; month: number; day: number }
  /** Two small numbers that are day and month in some order; `separator` hints at the convention. */
  | { kind: "ambiguous"; year: number; first: number; second: number; separator: string }
  | { kind: "invalid" };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ["january", "jan", "janeiro", "enero", "ene", "januar", "janvier", "janv", "gennaio", "gen", "januari"],
  [
    "february",
    "feb",
    "fevereiro",
    "fev",
    "febrero",
    "februar",
    "fevrier",
    "fevr",
    "fev",
    "febbraio",
    "februari",
  ],
  ["march", "mar", "marco", "marzo", "marz", "maerz", "mars", "maart", "mrz"],
  ["april", "apr", "abril", "abr", "avril", "avr", "aprile"],
  ["may", "maio", "mai", "mayo", "maggio", "mag", "mei"],
  ["june", "jun", "junho", "junio", "juni", "juin", "giugno", "giu"],
  ["july", "jul", "julho", "julio", "juli", "juillet", "juil", "luglio", "lug"],
  ["august", "aug", "agosto", "ago", "aout", "agosto", "augustus"],
  ["september", "sep", "sept", "setembro", "set", "septiembre", "septembre", "settembre"],
  ["october", "oct", "outubro", "out", "octubre", "oktober", "okt", "octobre", "ottobre", "ott"],
  ["november", "nov", "novembro", "noviembre", "novembre"],
  ["december", "dec", "dezembro", "dez", "diciembre", "dic", "dezember", "decembre", "dicembre", "december"],
];
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

/** Lower case without accents, so "Março", "März" and "août" match the table above. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function monthFromName(name: string): number | undefined {
  return MONTHS[foldText(name).replace(/\.$/, "")];
}

const fullYear = (year: number) => (year < 100 ? 2000 + year : year);

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T\s,])/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const DAY_NAME_YEAR = /^(\d{1,2})(?:\.|\s+de)?[\s-]+([a-zà-ÿ]+\.?)(?:\s+de)?[\s,-]+(\d{4}|\d{2})$/i;
const NAME_DAY_YEAR = /^([a-zà-ÿ]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const NAME_YEAR = /^([a-zà-ÿ]+\.?)\s+(?:de\s+)?(\d{4})$/i;

/**
 * @param compactAllowed whether "20240105" may be read as a date (only in a column whose header says date,
 *   since eight-digit numbers are often IDs)
 */
export function parseDateText(raw: string, compactAllowed = false): ParsedDate {
  const text = raw.trim();
  let match = ISO.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  match = NUMERIC.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    const year = fullYear(Number(match[4]));
    if (first > 12 && second <= 12) return checked(year, second, first);
    if (second > 12 && first <= 12) return checked(year, first, second);
    if (first > 12 || second > 12 || first < 1 || second < 1) return { kind: "invalid" };
    return { kind: "ambiguous", year, first, second, separator: match[2] as string };
  }
  if (compactAllowed) {
    match = COMPACT.exec(text);
    if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  match = YEAR_MONTH.exec(text);
  if (match) return checked(Number(match[1]), Number(match[2]), 1);
  match = DAY_NAME_YEAR.exec(text);
  if (match) {
    const month = monthFromName(match[2] as string);
    if (month) return checked(fullYear(Number(match[3])), month, Number(match[1]));
  }
  match = NAME_DAY_YEAR.exec(text);
  if (match) {
    const month = monthFromName(match[1] as string);
    if (month) return checked(Number(match[3]), month, Number(match[2]));
  }
  match = NAME_YEAR.exec(text);
  if (match) {
    const month = monthFromName(match[1] as string);
    if (month) return checked(Number(match[2]), month, 1);
  }
  return { kind: "invalid" };
}

function checked(year: number, month: number, day: number): ParsedDate {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return { kind: "invalid" };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { kind: "date", year, month, day } : { kind: "invalid" };
}

/** "27 January 2026 - 23 February 2026", "August 8, 2020 - August 14, 2020", "5 de maio de 2026 - ...". */
export function parseDateRangeText(raw: string): { from: ParsedDate; to: ParsedDate } | null {
  const text = raw.trim().replace(/^"|"$/g, "");
  let parts = text.split(/\s+[-–—]\s+|\s+(?:to|a|até|bis|au)\s+/i);
  // Legacy AdWords titles close up the dash: "Oct 25, 2016-Oct 31, 2016".
  if (parts.length !== 2) parts = text.split(/(?<=\d)[-–—](?=\p{L})/u);
  if (parts.length !== 2) return null;
  const from = parseDateText(parts[0] as string, true);
  const to = parseDateText(parts[1] as string, true);
  return from.kind === "invalid" || to.kind === "invalid" ? null : { from, to };
}
