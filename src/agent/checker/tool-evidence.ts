import type { ToolCallRecord } from "../tool-runner.js";
import type { Json, JsonObject } from "../tools/tool.js";

/**
 * What a turn's tools computed, as evidence for the answer's figures. The model's own arguments are not
 * evidence, and neither are the parts of a result that only echo them back (a `min_spend` of 100 the model
 * asked for says nothing about any figure in the data); a value the tool chose itself still counts.
 */
export function toolEvidence(calls: readonly ToolCallRecord[]): Json[] {
  return calls.flatMap((call) => (call.result ? [withoutEchoes(call.result, call.args)] : []));
}

function withoutEchoes(result: JsonObject, args: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(result).filter(([key, value]) => !(key in args && sameJson(value, args[key]))),
  );
}

function sameJson(left: Json | undefined, right: Json | undefined): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
