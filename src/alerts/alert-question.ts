import { dimensionValueLabel } from "../format/dimension-value.js";
import { dayRange, type FactTable } from "../ingest/index.js";
import type { AlertRecord } from "../store/index.js";
import { parseRule, RuleSyntaxError } from "./parse-rule.js";

/** Dimensions the first answer breaks the alert's rows down by, most useful first. */
const BREAKDOWNS = ["campaign", "channel", "ad_group", "ad"];

/**
 * The analyst's first question under an alert, about the rows that fired it: the rule's scope and the
 * alert's segment as filters. Live data of several days asks why the metric changed; live data of one
 * day (a tool pushing today's figures hour by hour) has no earlier period to compare with, so it asks for
 * the metric broken down, which shows where the problem sits. Channels are named as in
 * `withPlatformNames`, which the alert's live data is read with.
 */
export function alertQuestion(alert: AlertRecord, live: FactTable): string {
  const metric = typeof alert.details.metric === "string" ? alert.details.metric : "spend";
  const filters = alertFilters(alert);
  const scope =
    filters.length > 0
      ? ` for ${filters.map(({ dimension, value }) => `${dimension} ${dimensionValueLabel(dimension, value)}`).join(" and ")}`
      : "";
  const days = dayRange(live);
  if (days && days.last > days.first) return `Why did ${metric} change${scope}?`;
  const filtered = new Set(filters.map((filter) => filter.dimension));
  const by = BREAKDOWNS.find(
    (name) => !filtered.has(name) && (live.dimensions[name]?.values.length ?? 0) > 0,
  );
  return `What is ${metric}${by ? ` by ${by}` : ""}${scope}?`;
}

function alertFilters(alert: AlertRecord): { dimension: string; value: string }[] {
  const definition = typeof alert.details.rule === "string" ? alert.details.rule : "";
  try {
    const rule = parseRule(definition);
    return [
      ...(rule.scope ? [rule.scope] : []),
      ...(rule.by ? [{ dimension: rule.by, value: alert.key }] : []),
    ];
  } catch (error) {
    if (error instanceof RuleSyntaxError) return [];
    throw error;
  }
}
