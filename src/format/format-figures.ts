import { METRIC_CATALOG, type Metric, type MetricUnit } from "../metrics/index.js";
import { currentReader } from "./reader-locale.js";

/**
 * Figures as people read them, in two named variants reading each metric's unit from the catalog:
 * `formatFigure` for text (answers, alerts, Slack views, the CLI: "$12,345.00") and `formatCompact` for
 * chart labels where space is short ("$12.3K"). Money is in the data's currency, rates are percentages,
 * ROAS is a multiple. Digits, separators and where the currency sign goes follow the reader's locale
 * (`withReader`: "R$ 118,99" in pt-BR, "1.234,50 €" in de-DE; en-US outside a reader's work); the
 * currency itself is always the data's. Data and JSON keep raw fractions.
 */

const MINUS = "\u2212";
const formatters = new Map<string, Intl.NumberFormat>();

/** The reader's locale; formats are cached per locale and options. */
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const { locale } = currentReader();
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** A plain number with exactly `digits` decimals in the reader's locale ("0.032", "0,032"). */
export function formatNumber(value: number, digits: number): string {
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * Money with its currency's minor unit, always ("$514,860.40" beside "$36.19", "₫6,099"): every amount in
 * a message has the same decimals. An unknown code is written after the amount.
 */
export function formatMoney(value: number, currency: string | null): string {
  const digits = Math.min(2, currencyStyle(currency).decimals);
  if (currency) {
    try {
      return numberFormat({
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    } catch {
      // An unknown code still reads fine written out after the amount.
    }
  }
  const amount = formatNumber(value, digits);
  return currency ? `${amount} ${currency}` : amount;
}

export function formatCount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 100 ? 2 : 1;
  return numberFormat({ maximumFractionDigits: digits }).format(value);
}

/** A fraction as a percentage with `digits` decimals: "1.23%", "1,23%" (pt-BR), "1,23 %" (de-DE). */
export function formatPercent(fraction: number, digits = 2): string {
  return numberFormat({
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

/** A figure in a sentence or table: "$12,345.00", "1.23%", "3.21x", "1,204"; "n/a" when undefined. */
export function formatFigure(metric: Metric, value: number | null, currency: string | null): string {
  if (value === null) return "n/a";
  switch (METRIC_CATALOG[metric].unit) {
    case "money":
      return formatMoney(value, currency);
    case "rate":
      // Under 0.1% (display CTRs), two decimals would show 0.024% and 0.018% both as 0.02%: a tie that is not.
      return formatPercent(value, value !== 0 && Math.abs(value) < 0.001 ? 3 : 2);
    case "multiple":
      return `${formatNumber(value, 2)}x`;
    case "count":
      return formatCount(value);
  }
}

/** A relative change with its sign, "+12.3%" or "−4.0%"; "new" when the previous value was zero. */
export function formatChange(relative: number | null, absolute: number | null): string {
  if (relative === null) return absolute !== null && absolute !== 0 ? "new" : "n/a";
  const sign = relative > 0 ? "+" : relative < 0 ? "−" : "±";
  return `${sign}${formatPercent(Math.abs(relative), 1)}`;
}

export interface CurrencyStyle {
  /** Written before the amount in the reader's locale: "$", "R$\u00a0" (pt-BR), "CHF\u00a0"; or "". */
  readonly prefix: string;
  /** Written after it: "\u00a0€" (de-DE), or "". */
  readonly suffix: string;
  /** The currency's minor-unit digits: 2 for BRL, 0 for VND. */
  readonly decimals: number;
}
const currencies = new Map<string, CurrencyStyle>();

/** Where an ISO 4217 code's sign goes in the reader's locale, and its minor unit; null -> none. */
export function currencyStyle(code: string | null): CurrencyStyle {
  if (!code) return { prefix: "", suffix: "", decimals: 2 };
  const key = `${currentReader().locale} ${code}`;
  let style = currencies.get(key);
  if (!style) {
    try {
      const format = numberFormat({ style: "currency", currency: code });
      const parts = format.formatToParts(1);
      const first = parts.findIndex((part) => part.type === "integer");
      const last = parts.findLastIndex((part) => part.type === "integer" || part.type === "fraction");
      const text = (from: number, to: number) =>
        parts
          .slice(from, to)
          .map((part) => part.value)
          .join("");
      // A sign that is just the code reads better apart: "CHF 12", not "CHF12".
      const spaced = (sign: string) => (/^[A-Z]{3}$/.test(sign) ? `${sign}\u00a0` : sign);
      style = {
        prefix: spaced(text(0, first)),
        suffix: text(last + 1, parts.length),
        decimals: format.resolvedOptions().maximumFractionDigits ?? 2,
      };
    } catch {
      style = { prefix: `${code} `, suffix: "", decimals: 2 };
    }
    currencies.set(key, style);
  }
  return style;
}

const COMPACT = [
  { divisor: 1e9, suffix: "B" },
  { divisor: 1e6, suffix: "M" },
  { divisor: 1e3, suffix: "K" },
] as const;

/** 3 significant digits with K/M/B: 12.3K, 1.25M, 240B. */
function compact(magnitude: number): string {
  const step = COMPACT.find((candidate) => magnitude >= candidate.divisor) ?? { divisor: 1, suffix: "" };
  const scaled = magnitude / step.divisor;
  const decimals = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2;
  // Rounding can carry into the next unit (999,999 -> "1,000K"); say "1M" instead.
  if (Math.round(scaled * 10 ** decimals) >= 1000 * 10 ** decimals && step.suffix !== "B")
    return compact(step.divisor * 1000);
  return `${numberFormat({ maximumFractionDigits: decimals }).format(scaled)}${step.suffix}`;
}

function compactMagnitude(magnitude: number, unit: MetricUnit, currencyDecimals: number): string {
  switch (unit) {
    case "rate": {
      const percent = magnitude * 100;
      return `${formatNumber(percent, percent >= 10 ? 1 : 2)}%`;
    }
    case "multiple": {
      return `${formatNumber(magnitude, magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2)}x`;
    }
    case "money": {
      if (magnitude >= 10_000) return compact(magnitude);
      return formatNumber(magnitude, magnitude >= 100 ? 0 : currencyDecimals);
    }
    case "count":
      if (magnitude >= 10_000) return compact(magnitude);
      return numberFormat({ maximumFractionDigits: magnitude >= 100 ? 0 : 1 }).format(magnitude);
  }
}

export interface CompactOptions {
  /** Always show the sign: "+$1.2K", "−3.0%". */
  readonly signed?: boolean;
}

/** A figure for a chart label: "$12.3K", "2.45%", "3.21x" (as many decimals as text gives a multiple), "1,204"; "n/a" when undefined. */
export function formatCompact(
  metric: Metric,
  value: number | null | undefined,
  currency: string | null,
  options: CompactOptions = {},
): string {
  if (value == null || !Number.isFinite(value)) return "n/a";
  const { unit } = METRIC_CATALOG[metric];
  const style = currencyStyle(currency);
  const body = compactMagnitude(Math.abs(value), unit, style.decimals);
  const money = unit === "money";
  const sign = value < 0 && body.match(/[1-9]/) ? MINUS : options.signed && value > 0 ? "+" : "";
  return `${sign}${money ? style.prefix : ""}${body}${money ? style.suffix : ""}`;
}

/** A relative change for a chart label, one decimal below 100%: "+12.5%", "−3.0%", "+240%". */
export function formatCompactChange(relative: number | null | undefined): string {
  if (relative == null || !Number.isFinite(relative)) return "n/a";
  const percent = Math.abs(relative * 100);
  const body = formatNumber(percent, percent >= 100 ? 0 : 1);
  const zero = !/[1-9]/.test(body);
  return `${zero ? "" : relative < 0 ? MINUS : "+"}${body}%`;
}
