import type { Figures, Metric } from "../../metrics/index.js";
import type { JsonObject } from "../tools/tool.js";

/** Only the asked-for metrics of a figures object, in the asked order: smaller results, less to misread. */
export function pickFigures(figures: Figures, metrics: readonly Metric[]): JsonObject {
  const picked: JsonObject = {};
  for (const metric of metrics) picked[metric] = figures[metric];
  return picked;
}
