import { METRIC_CATALOG, type Metric, type MetricUnit } from "../metrics/index.js";

/**
 * Figures as people read them, in two named variants reading each metric's unit from the catalog:
 * `formatFigure` for text (answers, alerts, Slack views, the CLI: "$12,345.00") and `formatCompact` for
 * chart labels where space is short ("$12.3K"). Money is in the data's currency, rates are percentages,
 * ROAS is a multiple. Always English grouping (the bot writes English); data and JSON keep raw fractions.
 */

const MINUS = "\u2212";
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", options);
    formatters.set(key, format);
  }
  return format;
}

/** Large sums without cents; below that, the currency's own minor unit ("₫6,099", not "₫6,098.70"). */
export function formatMoney(value: number, currency: string | null): string {
  const digits = Math.abs(value) >= 100_000 ? 0 : Math.min(2, currencyStyle(currency).decimals);
  if (currency) {
    try {
      return new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    } catch {
      // An unknown code still reads fine written out after the amount.
    }
  }
  const amount = numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return currency ? `${amount} ${currency}` : amount;
}

export function formatCount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 100 ? 2 : 1;
  return numberFormat({ maximumFractionDigits: digits }).format(value);
}

export function formatPercent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A figure in a sentence or table: "$12,345.00", "1.23%", "3.21x", "1,204"; "n/a" when undefined. */
export function formatFigure(metric: Metric, value: number | null, currency: string | null): string {
  if (value === null) return "n/a";
  switch (METRIC_CATALOG[metric].unit) {
    case "money":
      return formatMoney(value, currency);
    case "rate":
      return formatPercent(value);
    case "multiple":
      return `${value.toFixed(2)}x`;
    case "count":
      return formatCount(value);
  }
}

/** A relative change with its sign, "+12.3%" or "−4.0%"; "new" when the previous value was zero. */
export function formatChange(relative: number | null, absolute: number | null): string {
  if (relative === null) return absolute !== null && absolute !== 0 ? "new" : "n/a";
  const sign = relative > 0 ? "+" : relative < 0 ? "−" : "±";
  return `${sign}${Math.abs(relative * 100).toFixed(1)}%`;
}

interface CurrencyStyle {
  readonly symbol: string;
  readonly decimals: number;
}
const currencies = new Map<string, CurrencyStyle>();

/** Symbol and minor-unit digits of an ISO 4217 code ("BRL" -> R$, 2; "VND" -> ₫, 0); null -> none. */
export function currencyStyle(code: string | null): CurrencyStyle {
  if (!code) return { symbol: "", decimals: 2 };
  let style = currencies.get(code);
  if (!style) {
    try {
      const format = numberFormat({ style: "currency", currency: code });
      const symbol = format.formatToParts(1).find((part) => part.type === "currency")?.value ?? code;
      // A symbol that is just the code reads better with a space: "CHF 12", not "CHF12".
      style = {
        symbol: /^[A-Z]{3}$/.test(symbol) ? `${symbol} ` : symbol,
        decimals: format.resolvedOptions().maximumFractionDigits ?? 2,
      };
    } catch {
      style = { symbol: `${code} `, decimals: 2 };
    }
    currencies.set(code, style);
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
  const text = numberFormat({ maximumFractionDigits: decimals }).format(scaled);
  // Rounding can carry into the next unit (999,999 -> "1,000K"); say "1M" instead.
  if (text === "1,000" && step.suffix !== "B") return compact(step.divisor * 1000);
  return `${text}${step.suffix}`;
}

function compactMagnitude(magnitude: number, unit: MetricUnit, currencyDecimals: number): string {
  switch (unit) {
    case "rate": {
      const percent = magnitude * 100;
      const decimals = percent >= 10 ? 1 : 2;
      return `${numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(percent)}%`;
    }
    case "multiple": {
      const decimals = magnitude >= 100 ? 0 : magnitude >= 0.095 ? 1 : 2;
      return `${numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(magnitude)}x`;
    }
    case "money": {
      if (magnitude >= 10_000) return compact(magnitude);
      const decimals = magnitude >= 100 ? 0 : currencyDecimals;
      return numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
        magnitude,
      );
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

/** A figure for a chart label: "$12.3K", "2.45%", "3.2x", "1,204"; "n/a" when undefined. */
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
  const symbol = unit === "money" ? style.symbol : "";
  const sign = value < 0 && body.match(/[1-9]/) ? MINUS : options.signed && value > 0 ? "+" : "";
  return `${sign}${symbol}${body}`;
}

/** A relative change for a chart label, one decimal below 100%: "+12.5%", "−3.0%", "+240%". */
export function formatCompactChange(relative: number | null | undefined): string {
  if (relative == null || !Number.isFinite(relative)) return "n/a";
  const percent = Math.abs(relative * 100);
  const decimals = percent >= 100 ? 0 : 1;
  const body = numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    percent,
  );
  const zero = !/[1-9]/.test(body);
  return `${zero ? "" : relative < 0 ? MINUS : "+"}${body}%`;
}
