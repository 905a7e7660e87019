import type { FactTable } from "../../ingest/index.js";
import { componentsOf, METRICS, type Metric, MetricsError } from "../../metrics/index.js";

/** Why a metric cannot be computed from this data, or null when it can. */
export function missingReason(facts: FactTable, metric: Metric): string | null {
  const missing = componentsOf(metric).filter((measure) => !facts.measures[measure]);
  if (missing.length === 0) return null;
  return `needs ${missing.join(" and ")}, which this data does not have`;
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
