/**
 * Tick labels for quantitative axes. Vega's d3 formats cannot say "$20K" (they say "$20k", and "G" for
 * billions, which VND or IDR budgets reach), so axes use a custom Vega-Lite format type: the spec carries
 * plain-JSON parameters chosen from the data's extent, and a Vega expression function registered by
 * chartView formats each tick with them. Every tick on an axis gets the same suffix and decimals.
 */
import * as vega from "vega";
import { currencyStyle } from "../format/format-figures.js";
import { currentReader } from "../format/reader-locale.js";
import type { MetricUnit } from "../metrics/index.js";

export const AXIS_FORMAT_TYPE = "chartAxisNumber";

export interface AxisNumberFormat {
  /** Digits and separators: the reader's locale when the spec was built ("pt-BR": "1,5K"). */
  readonly locale: string;
  /** Prefix for money ("$", "R$"); empty otherwise. */
  readonly prefix: string;
  /** Appended after the number: "%", "x", a currency written after amounts (" €" in de-DE), or nothing. */
  readonly postfix: string;
  /** Ticks are divided by this and given `suffix` ("K", "M", "B"). */
  readonly divisor: number;
  readonly suffix: string;
  readonly decimals: number;
  /** 100 for rates (fractions shown as percentages), else 1. */
  readonly multiplier: number;
}

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** d3-array's tickStep: the 1/2/5 x 10^k step Vega uses for `count` ticks over [start, stop]. */
export function tickStep(start: number, stop: number, count: number): number {
  const rough = Math.abs(stop - start) / Math.max(1, count);
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  let step = 10 ** Math.floor(Math.log10(rough));
  const error = rough / step;
  if (error >= E10) step *= 10;
  else if (error >= E5) step *= 5;
  else if (error >= E2) step *= 2;
  return step;
}

/** Money and counts switch to K from 10,000 ("$9,500" reads better than "$9.5K"), to M and B at a million and a billion. */
const SCALES = [
  { from: 1e9, divisor: 1e9, suffix: "B" },
  { from: 1e6, divisor: 1e6, suffix: "M" },
  { from: 1e4, divisor: 1e3, suffix: "K" },
] as const;

/**
 * Format parameters for an axis over `extent` with about `tickCount` ticks, mirroring Vega's nice
 * domain (10 steps) and tick choice so the decimals match the actual tick step.
 */
export function axisNumberFormat(
  unit: MetricUnit,
  currency: string | null,
  extent: readonly [number, number],
  tickCount: number,
): AxisNumberFormat {
  const low = Math.min(0, extent[0]);
  const high = Math.max(0, extent[1]);
  const niceStep = tickStep(low, high, 10);
  const step = tickStep(
    Math.floor(low / niceStep) * niceStep,
    Math.ceil(high / niceStep) * niceStep,
    tickCount,
  );
  const multiplier = unit === "rate" ? 100 : 1;
  const largest = Math.max(Math.abs(low), Math.abs(high));
  const scaled = unit === "money" || unit === "count";
  const scale = scaled ? SCALES.find((candidate) => largest >= candidate.from) : undefined;
  const divisor = scale?.divisor ?? 1;
  const decimals = Math.max(0, -Math.floor(Math.log10((step * multiplier) / divisor) + 1e-9));
  const money = unit === "money" ? currencyStyle(currency) : null;
  return {
    locale: currentReader().locale,
    prefix: money?.prefix ?? "",
    postfix: unit === "rate" ? "%" : unit === "multiple" ? "x" : (money?.suffix ?? ""),
    divisor,
    suffix: scale?.suffix ?? "",
    // Money below a whole unit reads as cents ("$0.50"), not "$0.5".
    decimals: unit === "money" && divisor === 1 && decimals === 1 ? 2 : decimals,
    multiplier,
  };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatAxisNumber(value: number, format: AxisNumberFormat): string {
  if (value == null || !Number.isFinite(value)) return "";
  // Specs from before the locale was carried have none.
  const locale = format.locale ?? "en-US";
  const key = `${locale} ${format.decimals}`;
  let numberFormat = numberFormats.get(key);
  if (!numberFormat) {
    numberFormat = new Intl.NumberFormat(locale, {
      minimumFractionDigits: format.decimals,
      maximumFractionDigits: format.decimals,
    });
    numberFormats.set(key, numberFormat);
  }
  const scaled = (Math.abs(value) * format.multiplier) / format.divisor;
  const body = numberFormat.format(scaled);
  const zero = !/[1-9]/.test(body);
  const sign = value < 0 && !zero ? "\u2212" : "";
  return `${sign}${format.prefix}${body}${zero ? "" : format.suffix}${format.postfix}`;
}

let registered = false;

/** Makes the format type known to Vega; chartView calls it before compiling any spec. */
export function registerAxisFormat(): void {
  if (registered) return;
  vega.expressionFunction(AXIS_FORMAT_TYPE, formatAxisNumber);
  registered = true;
}
