import { type DateRange, dayToIso, type FactTable, isoToDay } from "../ingest/index.js";
import { breakdown, explainChange, MetricsError, type TrendPoint, trend } from "../metrics/index.js";
import type { AlertRule } from "./alert-rule.js";
import { ruleFilter, type Verdict } from "./evaluate-rule.js";

export interface AlertDriver {
  key: string;
  current: number | null;
  previous: number | null;
  /** The segment's part of the change in the metric (driver decomposition); null without a comparison. */
  contribution: number | null;
  spend: number | null;
}

/** What an alert shows besides its figure: who drives it, and the recent days for the chart. */
export interface AlertExplanation {
  /** The dimension the drivers are values of, or null when the data has none worth splitting by. */
  dimension: string | null;
  /** The period the drivers' change is measured against, or null when they are only ranked. */
  previous: DateRange | null;
  drivers: AlertDriver[];
  /** Daily figures of the rule's rows over the last two weeks. */
  trend: TrendPoint[];
  currency: string | null;
}

const DRIVER_DIMENSIONS = ["campaign", "channel", "ad_group", "ad", "country", "device", "keyword"];
const MAX_DRIVERS = 3;
const TREND_DAYS = 14;

export function explainVerdict(
  rule: AlertRule,
  verdict: Verdict,
  facts: FactTable,
  window: DateRange,
  today: number,
): AlertExplanation {
  const current = verdict.anomaly ? { from: verdict.anomaly.date, to: verdict.anomaly.date } : window;
  const length = isoToDay(current.to) - isoToDay(current.from) + 1;
  const previous = {
    from: dayToIso(isoToDay(current.from) - length),
    to: dayToIso(isoToDay(current.from) - 1),
  };
  const dimension = driverDimension(rule, facts);
  const trendRange = { from: dayToIso(today - TREND_DAYS + 1), to: dayToIso(today) };
  return {
    dimension,
    ...(dimension
      ? drivers(rule, verdict, facts, dimension, current, previous)
      : { previous: null, drivers: [] }),
    trend: safely(() => trend(facts, "day", { filter: ruleFilter(rule, verdict.segment, trendRange) }), []),
    currency: soleCurrency(facts),
  };
}

/** Campaigns, else channels (and so on): the first dimension the rule does not already fix or split by. */
function driverDimension(rule: AlertRule, facts: FactTable): string | null {
  const taken = new Set([rule.by, rule.scope?.dimension]);
  return (
    DRIVER_DIMENSIONS.find((name) => !taken.has(name) && (facts.dimensions[name]?.values.length ?? 0) >= 2) ??
    null
  );
}

/**
 * The segments behind the figure: by their contribution to its change against the previous period of the
 * same length (explainChange), or, when there is no previous period to compare with, by size.
 */
function drivers(
  rule: AlertRule,
  verdict: Verdict,
  facts: FactTable,
  dimension: string,
  current: DateRange,
  previous: DateRange,
): Pick<AlertExplanation, "previous" | "drivers"> {
  const filter = ruleFilter(rule, verdict.segment);
  const change = safely(
    () => explainChange(facts, { metric: rule.metric, dimension, current, previous, filter }),
    null,
  );
  const moved = (change?.contributions ?? []).filter((each) => each.total !== null && each.total !== 0);
  if (change && change.change !== null && moved.length > 0) {
    const spendNow = new Map(
      safely(() => breakdown(facts, dimension, { filter: { ...filter, dateRange: current } }), []).map(
        (row) => [row.key, row.spend],
      ),
    );
    return {
      previous,
      drivers: moved.slice(0, MAX_DRIVERS).map((each) => ({
        key: each.key,
        current: each.current,
        previous: each.previous,
        contribution: each.total,
        spend: spendNow.get(each.key) ?? null,
      })),
    };
  }
  const largest = safely(
    () => breakdown(facts, dimension, { filter: { ...filter, dateRange: current }, limit: MAX_DRIVERS }),
    [],
  );
  return {
    previous: null,
    drivers: largest.map((row) => ({
      key: row.key,
      current: row[rule.metric],
      previous: null,
      contribution: null,
      spend: row.spend,
    })),
  };
}

/** Money is shown in the live rows' currency when they agree on one. */
export function soleCurrency(facts: FactTable): string | null {
  const values = facts.dimensions.currency?.values ?? [];
  return values.length === 1 ? (values[0] as string) : null;
}

/** The explanation is a courtesy: data that cannot be split or charted leaves that part out. */
function safely<T>(compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof MetricsError) return fallback;
    throw error;
  }
}
