import { BlendError } from "./blend-error.js";

/** Rates the user gave: 1 unit of `from` is `rate` units of `to`. */
export interface CurrencyRate {
  from: string;
  to: string;
  rate: number;
}

/**
 * "GBP:USD=1.27" (1 GBP is 1.27 USD). Rates are only ever the user's: a rate we looked up ourselves would
 * be a guess about which day's rate the marketer's finance team uses.
 */
export function parseCurrencyRate(text: string): CurrencyRate {
  const match = /^\s*([A-Za-z]{3})\s*[:/]\s*([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  const rate = match ? Number(match[3]) : Number.NaN;
  if (!match || !(rate > 0)) {
    throw new BlendError(
      `"${text}" is not a currency rate: write it as FROM:TO=RATE, e.g. GBP:USD=1.27 for 1 GBP = 1.27 USD`,
    );
  }
  return { from: (match[1] as string).toUpperCase(), to: (match[2] as string).toUpperCase(), rate };
}
