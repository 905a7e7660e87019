/**
 * Numbers as marketers read them: money in the data's currency ("$12.3K", "R$1,240", "₫2.1B"), rates as
 * percentages, ROAS as "3.2x". Always English grouping (the bot writes English), whatever the currency.
 */
import { METRICS, type MetricName, type MetricUnit } from "./metric-catalog.js";

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

function magnitudeText(magnitude: number, unit: MetricUnit, currencyDecimals: number): string {
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

export interface ValueFormatOptions {
  /** Always show the sign: "+$1.2K", "−3.0%". */
  readonly signed?: boolean;
}

/** A single figure for a label: "$12.3K", "2.45%", "3.2x", "1,204"; "n/a" when the metric is undefined. */
function formatValue(
  value: number | null | undefined,
  unit: MetricUnit,
  currency: string | null,
  options: ValueFormatOptions = {},
): string {
  if (value == null || !Number.isFinite(value)) return "n/a";
  const style = currencyStyle(currency);
  const body = magnitudeText(Math.abs(value), unit, style.decimals);
  const symbol = unit === "money" ? style.symbol : "";
  const sign = value < 0 && body.match(/[1-9]/) ? MINUS : options.signed && value > 0 ? "+" : "";
  return `${sign}${symbol}${body}`;
}

export function formatMetric(
  value: number | null | undefined,
  metric: MetricName,
  currency: string | null,
  options: ValueFormatOptions = {},
): string {
  return formatValue(value, METRICS[metric].unit, currency, options);
}

/** A relative change as a signed percentage with one decimal: "+12.5%", "−3.0%", "+240%". */
export function formatChange(relative: number | null | undefined): string {
  if (relative == null || !Number.isFinite(relative)) return "n/a";
  const percent = Math.abs(relative * 100);
  const decimals = percent >= 100 ? 0 : 1;
  const body = numberFormat({ minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    percent,
  );
  const zero = !/[1-9]/.test(body);
  return `${zero ? "" : relative < 0 ? MINUS : "+"}${body}%`;
}
