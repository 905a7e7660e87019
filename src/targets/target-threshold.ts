import { formatFigure } from "../format/format-figures.js";
import type { TargetRecord } from "./target.js";

/** The word an alert rule uses for the channel's own target: `cpa > target for campaign Brand`. */
const TARGET_WORD = /(^|\s)(?:the\s+)?target(?=\s|$)/i;
const KPI_OF_RULE = /^\s*(cpa|roas|cpc|ctr|cvr)\b/i;

export type TargetThreshold =
  | { kind: "none" }
  | { kind: "resolved"; rule: string; note: string }
  | { kind: "missing"; message: string };

/**
 * `cpa > target` with the channel's CPA target (for the campaign the rule names, when it names one) written
 * in as the number: the rule then reads and runs as any other. The target is taken when the rule is added;
 * a later `/target set` does not move it, and the reply says which target it used.
 */
export function withTargetThreshold(
  rule: string,
  targets: readonly TargetRecord[],
  currency: string | null = null,
): TargetThreshold {
  if (!TARGET_WORD.test(rule)) return { kind: "none" };
  const metric = KPI_OF_RULE.exec(rule)?.[1]?.toLowerCase();
  if (!metric) {
    return {
      kind: "missing",
      message: "a rule can compare CPA, ROAS, CPC, CTR or CVR with the channel's target, e.g. `cpa > target`",
    };
  }
  const scope =
    /\bfor\s+(campaign|ad set|ad group|ad|channel|platform|country|device)\s+(.+?)(?:\s+(?:by|min|minimum|window|over)\b|$)/i.exec(
      rule,
    );
  const wanted = scope
    ? {
        dimension: /ad (?:set|group)/i.test(scope[1] as string)
          ? "ad_group"
          : (scope[1] as string).toLowerCase(),
        value: (scope[2] as string).trim().toLowerCase(),
      }
    : null;
  const target = targets.find(
    (candidate) =>
      candidate.metric === metric &&
      (wanted
        ? candidate.scope?.dimension === wanted.dimension &&
          candidate.scope.value.toLowerCase() === wanted.value
        : candidate.scope === null),
  );
  const name = metric.toUpperCase();
  if (!target) {
    const where = wanted ? ` for ${wanted.dimension.replace("_", " ")} ${scope?.[2]?.trim()}` : "";
    return {
      kind: "missing",
      message: `this channel has no ${name} target${where}: set one first with \`/target set ${metric} <value>${where}\``,
    };
  }
  // Rates are fractions in targets and percentages in rules ("ctr < 1.5%").
  const number =
    metric === "ctr" || metric === "cvr"
      ? `${Number((target.value * 100).toPrecision(12))}%`
      : String(target.value);
  return {
    kind: "resolved",
    rule: rule.replace(TARGET_WORD, (_, space: string) => `${space}${number}`),
    note: `the channel's ${name} target, ${formatFigure(target.metric === "budget" ? "spend" : target.metric, target.value, currency)}, as set now`,
  };
}
