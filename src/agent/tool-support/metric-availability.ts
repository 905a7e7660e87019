import type { FactTable } from "../../ingest/index.js";
import {
  componentsOf,
  isKpi,
  METRIC_CATALOG,
  METRICS,
  type Metric,
  MetricsError,
  unreportedMeasures,
} from "../../metrics/index.js";

/** What a file that tracks none of an outcome reports, in a marketer's words. */
const UNREPORTED_WORDS: Partial<Record<string, string>> = {
  revenue: "no conversion value",
  conversions: "no conversions",
};

/** Why a metric cannot be computed from this data, or null when it can. */
export function missingReason(facts: FactTable, metric: Metric): string | null {
  const missing = componentsOf(metric).filter((measure) => !facts.measures[measure]);
  if (missing.length > 0) return `needs ${missing.join(" and ")}, which this data does not have`;
  // A ratio over a value that is 0 on every row (ROAS 0.00x everywhere) would read as a result. Untracked
  // conversions are not refused: a cost per conversion over none already reads "no conversions".
  if (!isKpi(metric)) return null;
  const untracked = componentsOf(metric).filter(
    (measure) => measure === "revenue" && unreportedMeasures(facts).includes(measure),
  );
  if (untracked.length === 0) return null;
  return `needs ${untracked.join(" and ")}, and this file reports ${untracked.map((measure) => UNREPORTED_WORDS[measure] ?? `no ${measure}`).join(" and ")} (zero on every row though it spent)`;
}

export function availableMetrics(facts: FactTable): Metric[] {
  return METRICS.filter((metric) => missingReason(facts, metric) === null);
}

/**
 * Refuses metrics the data cannot give, instead of answering with nulls the model might read as zero:
 * "no revenue column, so no ROAS" is an answer a marketer can act on.
 */
export function requireMetrics(facts: FactTable, metrics: readonly Metric[]): void {
  for (const metric of metrics) {
    const reason = missingReason(facts, metric);
    if (reason !== null) {
      throw new MetricsError(
        `${metric} cannot be computed: it ${reason}; available metrics: ${availableMetrics(facts).join(", ")}`,
      );
    }
  }
}

/**
 * Said beside any answer on a file that exports an outcome column it does not track, so that its 0 is
 * read as "not tracked", not as a result; null when the file has none.
 */
export function unreportedNote(facts: FactTable): string | null {
  const untracked = unreportedMeasures(facts);
  if (untracked.length === 0) return null;
  const words = untracked.map((measure) => UNREPORTED_WORDS[measure] ?? `no ${measure}`).join(" and ");
  const lost = METRICS.filter(
    (metric) =>
      isKpi(metric) &&
      componentsOf(metric).some((measure) => untracked.includes(measure)) &&
      componentsOf(metric).every((measure) => facts.measures[measure]),
  ).map((metric) => METRIC_CATALOG[metric].label);
  return `this file reports ${words} (zero on every row though it spent), so performance is not judged by ${lost.length > 1 ? `${lost.slice(0, -1).join(", ")} or ${lost.at(-1)}` : lost.join("")}`;
}
