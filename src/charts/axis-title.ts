import { METRIC_CATALOG, type Metric } from "../metrics/index.js";

/** Axis title with its unit: "Spend (USD)", "CPC (BRL per click)", "CTR (%)", "ROAS (revenue ÷ spend)". */
export function metricAxisTitle(metric: Metric, currency: string | null): string {
  const facts = METRIC_CATALOG[metric];
  if (facts.unit === "rate") return `${facts.label} (%)`;
  if (facts.unit === "multiple" && "ratio" in facts)
    return `${facts.label} (${facts.ratio.numerator} ÷ ${facts.ratio.denominator})`;
  if (facts.unit === "money" && currency)
    return `${facts.label} (${currency}${facts.per ? ` per ${facts.per}` : ""})`;
  return facts.label;
}
