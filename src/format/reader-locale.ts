import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who a message is written for: their locale decides how figures look ("R$ 118,99" for a Brazilian
 * reader, "R$118.99" for an American one; the currency is always the data's), and their time zone the
 * hours a chart shows. The words stay English.
 *
 * It is held for the duration of one piece of work (answering a question, replying to an upload, posting
 * an alert) rather than passed down: every writer of figures, from the analyst's sentences to a chart's
 * labels and the check that reads those figures back, must agree on it, and they sit many calls deep.
 * Outside any such work (the CLI, the REST API) the reader is en-US in UTC.
 */
export interface Reader {
  /** A BCP 47 tag Intl can format with, Latin digits forced ("pt-BR-u-nu-latn"). */
  readonly locale: string;
  /** An IANA zone ("America/Sao_Paulo"), or null when unknown (hours are then shown in UTC, and said). */
  readonly timeZone: string | null;
}

export const DEFAULT_READER: Reader = { locale: "en-US", timeZone: null };

const current = new AsyncLocalStorage<Reader>();

/** Runs `work` writing for `reader`: every figure formatted inside it, however deep, follows them. */
export function withReader<T>(reader: Reader, work: () => T): T {
  return current.run(reader, work);
}

/** The reader of the work in progress; en-US in UTC outside any. */
export function currentReader(): Reader {
  return current.getStore() ?? DEFAULT_READER;
}

/**
 * A reader from what Slack says of a person (`users.info` with `include_locale`): a locale Intl does not
 * know falls back to en-US, and a time zone it does not know to none. Digits are always Latin, so the
 * figure checker reads every answer ("١٢٣" would pass unread).
 */
export function readerFrom(locale: string | null | undefined, timeZone: string | null | undefined): Reader {
  return { locale: numberLocale(locale), timeZone: knownTimeZone(timeZone) };
}

function numberLocale(tag: string | null | undefined): string {
  // Slack writes some tags with an underscore ("en_US") in older payloads.
  const cleaned = tag?.trim().replace(/_/g, "-");
  if (!cleaned) return DEFAULT_READER.locale;
  try {
    const [supported] = Intl.NumberFormat.supportedLocalesOf([cleaned]);
    if (!supported) return DEFAULT_READER.locale;
    const digits = new Intl.NumberFormat(supported).resolvedOptions().numberingSystem;
    return digits === "latn" ? supported : new Intl.Locale(supported, { numberingSystem: "latn" }).toString();
  } catch {
    return DEFAULT_READER.locale;
  }
}

function knownTimeZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}
