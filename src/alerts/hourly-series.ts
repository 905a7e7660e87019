import type { DateRange, FactTable } from "../ingest/index.js";
import { MetricsError, type TrendPoint, totals } from "../metrics/index.js";
import type { LiveFactsOptions } from "../store/store.js";
import type { AlertRule } from "./alert-rule.js";
import { ruleFilter } from "./evaluate-rule.js";

const HOUR_MS = 3_600_000;
/** The hours an alert's chart looks back over. */
export const HOURS_SHOWN = 24;

/** What the series reads: the store's live figures as they stood at a moment. */
export type LiveFactsAt = (options: LiveFactsOptions) => FactTable | Promise<FactTable>;

/**
 * The rule's figures over its window as they stood at the end of each of the last 24 hours (and now):
 * live rows are pushed hour by hour, each push replacing the day's figures so far, so this is the line the
 * alert's threshold was crossed on. Hours before the first push are left out; an empty series means the
 * store keeps no push history (the chart then shows days).
 */
export async function hourlySeries(
  liveFacts: LiveFactsAt,
  rule: AlertRule,
  segment: string | null,
  window: DateRange,
  now: Date,
): Promise<TrendPoint[]> {
  const lastHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const moments = Array.from(
    { length: HOURS_SHOWN },
    (_, index) => lastHour - (HOURS_SHOWN - 1 - index) * HOUR_MS,
  );
  if (now.getTime() > lastHour) moments.push(now.getTime());
  const points: TrendPoint[] = [];
  for (const moment of moments) {
    const facts = await liveFacts({ since: window.from, until: window.to, asOf: new Date(moment) });
    if (facts.rowCount === 0) continue;
    try {
      points.push({ period: new Date(moment).toISOString(), ...totals(facts, ruleFilter(rule, segment)) });
    } catch (error) {
      if (!(error instanceof MetricsError)) throw error;
    }
  }
  return points;
}
