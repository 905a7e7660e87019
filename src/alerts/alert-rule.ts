import type { Metric } from "../metrics/index.js";

export type Comparison = "<" | "<=" | ">" | ">=";

interface RuleBasics {
  metric: Metric;
  /** Days the figure is taken over, ending today: 1 is today so far. */
  windowDays: number;
  /** Only rows with this dimension value ("for channel meta"). */
  scope?: { dimension: string; value: string };
  /** One verdict (and one alert) per value of this dimension ("by campaign"). */
  by?: string;
  /** Segments that spent less than this in the window are too small to judge. */
  minSpend?: number;
}

/** "roas < 2 window 24h": the metric over the window against a fixed threshold. */
export interface ThresholdRule extends RuleBasics {
  kind: "threshold";
  comparison: Comparison;
  threshold: number;
}

/** "spend today > 1.3 x daily average": today against a multiple of the previous days' daily average. */
export interface DailyAverageRule extends RuleBasics {
  kind: "daily-average";
  comparison: Comparison;
  factor: number;
  /** Days before today the average is taken over. */
  baselineDays: number;
}

/** "anomaly cpa": a day in the window the metrics engine's detector finds unusual. */
export interface AnomalyRule extends RuleBasics {
  kind: "anomaly";
}

export type AlertRule = ThresholdRule | DailyAverageRule | AnomalyRule;

export function compare(value: number, comparison: Comparison, limit: number): boolean {
  switch (comparison) {
    case "<":
      return value < limit;
    case "<=":
      return value <= limit;
    case ">":
      return value > limit;
    case ">=":
      return value >= limit;
  }
}
