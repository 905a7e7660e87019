import { formatFigure } from "../format/format-figures.js";
import { literalSlackText } from "../format/slack-text.js";
import type { TargetSpec } from "./target.js";

/** "budget $20,000.00 monthly", "CPA $40.00 for campaign Brand", escaped for Slack. */
export function describeTarget(target: TargetSpec, currency: string | null): string {
  const metric = target.metric === "budget" ? "spend" : target.metric;
  const name = target.metric === "budget" ? "budget" : target.metric.toUpperCase();
  const figure = formatFigure(metric, target.value, currency);
  const period = target.period ? ` ${target.period}` : "";
  const scope = target.scope ? ` for ${target.scope.dimension.replace("_", " ")} ${target.scope.value}` : "";
  return literalSlackText(`${name} ${figure}${period}${scope}`);
}
