import { formatCompact, formatFigure } from "../format/format-figures.js";
import { civilToDay, dayRange, dayToIso, type FactTable } from "../ingest/index.js";
import { type Filter, MetricsError, totals } from "../metrics/index.js";
import { HIGHER_IS_BETTER, type TargetSpec } from "./target.js";

/** How a target stands on the data: so far in its period and, for a budget, where this pace lands. */
export interface Pacing {
  /** The whole period the figure is judged over, and the last day with data in it. */
  period: { from: string; to: string };
  through: string;
  /** Spend so far for a budget; the KPI so far for the others; null when it is undefined (no conversions). */
  actual: number | null;
  /** A budget's spend at the end of the period if every remaining day spends the daily average so far. */
  projected: number | null;
  status: "over" | "under" | "on track" | "unknown";
  /** One line a marketer reads: "Budget $20,000 monthly: $14,950 spent Sep 1–20; at this pace $22.4k of $20k by Sep 30 (12% over)". */
  text: string;
}

/** Why a target cannot be paced on this data, said instead of a figure. */
export class PacingRefusal extends Error {
  override readonly name = "PacingRefusal";
}

/** Within this share of the target, a budget is on track. */
const TOLERANCE = 0.05;

/**
 * A target against the data, as of the data's last day (exports arrive days late, so "today" would count
 * days that have no data yet as days of no spend). The period is the calendar month, week (Monday to
 * Sunday) or day holding that day; KPI targets are judged over the month so far. A budget's projection
 * is linear: the spend so far divided by the days so far, times the days of the period.
 */
export function pace(facts: FactTable, target: TargetSpec, currency: string | null): Pacing {
  const range = dayRange(facts);
  if (!range)
    throw new PacingRefusal(
      "pacing needs dated rows: this data has no dates; share an export broken down by day",
    );
  const asOf = range.last;
  const [first, last] = periodAround(asOf, target.period ?? "monthly");
  const filter: Filter = {
    dateRange: { from: dayToIso(first), to: dayToIso(asOf) },
    ...(target.scope ? { where: { [target.scope.dimension]: [target.scope.value] } } : {}),
  };
  assertScopeHeld(facts, target);
  let figures: ReturnType<typeof totals>;
  try {
    figures = totals(facts, filter);
  } catch (error) {
    if (error instanceof MetricsError)
      throw new PacingRefusal(`${scopeWords(target)} cannot be paced: ${error.message}`);
    throw error;
  }
  const period = { from: dayToIso(first), to: dayToIso(last) };
  const through = dayToIso(asOf);
  const so = daySpan(period.from, through);
  const name = `${label(target)}${target.scope ? ` for ${target.scope.dimension.replace("_", " ")} ${target.scope.value}` : ""}`;
  if (target.metric === "budget") {
    const spent = figures.spend;
    if (spent === null)
      throw new PacingRefusal("pacing a budget needs spend, and this data has no spend column");
    const elapsed = asOf - first + 1;
    const days = last - first + 1;
    const projected = (spent / elapsed) * days;
    const share = projected / target.value - 1;
    const status = Math.abs(share) <= TOLERANCE ? "on track" : share > 0 ? "over" : "under";
    const money = (value: number) => formatCompact("spend", value, currency);
    const landing =
      elapsed === days
        ? `${money(spent)} of ${money(target.value)} spent over ${daySpan(period.from, period.to)}`
        : `${formatFigure("spend", spent, currency)} spent ${so}; at this pace: ${money(projected)} of ${money(target.value)} by ${shortDate(period.to)}`;
    const verdict = status === "on track" ? "on track" : `${Math.round(Math.abs(share) * 100)}% ${status}`;
    return {
      period,
      through,
      actual: spent,
      projected,
      status,
      text: `${name} ${money(target.value)} ${target.period}: ${landing} (${verdict})`,
    };
  }
  const actual = figures[target.metric];
  const goal = formatFigure(target.metric, target.value, currency);
  if (actual === null) {
    return {
      period,
      through,
      actual,
      projected: null,
      status: "unknown",
      text: `${name}: no ${label(target)} yet for ${so} (target ${goal})`,
    };
  }
  const better = HIGHER_IS_BETTER.has(target.metric) ? actual >= target.value : actual <= target.value;
  const off = Math.round(Math.abs(actual / target.value - 1) * 100);
  const status = better ? "on track" : HIGHER_IS_BETTER.has(target.metric) ? "under" : "over";
  const verdict = better ? "on target" : `${off}% ${status === "over" ? "above" : "below"} target`;
  return {
    period,
    through,
    actual,
    projected: null,
    status,
    text: `${name} ${formatFigure(target.metric, actual, currency)} for ${so} against a target of ${goal}: ${verdict}`,
  };
}

/** A campaign the data does not have would pace at zero spend: a typo must not read as "100% under". */
function assertScopeHeld(facts: FactTable, target: TargetSpec): void {
  if (!target.scope) return;
  const { dimension, value } = target.scope;
  const column = facts.dimensions[dimension];
  if (!column) return;
  const wanted = value.trim().toLowerCase();
  if (column.values.some((held) => held.trim().toLowerCase() === wanted)) return;
  const some = column.values.slice(0, 5).join(", ");
  throw new PacingRefusal(
    `this data has no ${dimension.replace("_", " ")} named "${value}"${some ? ` (it has ${some}${column.values.length > 5 ? ", …" : ""})` : ""}`,
  );
}

function periodAround(day: number, period: "daily" | "weekly" | "monthly"): [number, number] {
  if (period === "daily") return [day, day];
  if (period === "weekly") {
    // Day 0 (1970-01-01) was a Thursday: Monday-based weekday is (day + 3) mod 7.
    const monday = day - ((((day + 3) % 7) + 7) % 7);
    return [monday, monday + 6];
  }
  const iso = dayToIso(day);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const first = civilToDay(year, month, 1);
  const next = month === 12 ? civilToDay(year + 1, 1, 1) : civilToDay(year, month + 1, 1);
  return [first, next - 1];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "Sep 1–20", "Sep 29–Oct 5", "Sep 20". */
function daySpan(from: string, to: string): string {
  if (from === to) return shortDate(from);
  return from.slice(0, 7) === to.slice(0, 7)
    ? `${shortDate(from)}–${Number(to.slice(8, 10))}`
    : `${shortDate(from)}–${shortDate(to)}`;
}

const shortDate = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;

function label(target: TargetSpec): string {
  return target.metric === "budget"
    ? "Budget"
    : target.metric === "roas"
      ? "ROAS"
      : target.metric.toUpperCase();
}

function scopeWords(target: TargetSpec): string {
  return target.scope ? `the target for ${target.scope.dimension} ${target.scope.value}` : "the target";
}
