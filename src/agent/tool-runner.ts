import type { AnalystLogger } from "./analyst-logger.js";
import { capResult, compactJson } from "./compact-result.js";
import { ANALYST_TOOLS, findTool } from "./tools/index.js";
import type { JsonObject, ToolContext } from "./tools/tool.js";

/** One tool call of a turn, as it is sent back to the model, checked against and stored. */
export interface ToolCallRecord {
  name: string;
  args: JsonObject;
  ok: boolean;
  /** Compact, size-capped result when ok. */
  result?: JsonObject;
  /** A message the model (or the person) can act on when not ok. */
  error?: string;
  /** The failure is in the call, not the data: its message is for the model only (see `ToolOutcome`). */
  internal?: true;
}

export interface ToolCall {
  name: string;
  args: JsonObject;
}

export async function runToolCall(
  context: ToolContext,
  call: ToolCall,
  logger: AnalystLogger,
): Promise<ToolCallRecord> {
  const tool = findTool(call.name);
  if (!tool) {
    const names = ANALYST_TOOLS.map((known) => known.name).join(", ");
    return {
      name: call.name,
      args: call.args,
      ok: false,
      error: `unknown tool "${call.name}"; tools: ${names}`,
      internal: true,
    };
  }
  const outcome = await tool.execute(context, call.args);
  if (outcome.ok) {
    const result = capResult(compactJson(outcome.result) as JsonObject);
    return { name: call.name, args: call.args, ok: true, result };
  }
  if (outcome.fault !== undefined) logger.warn(`tool ${call.name} failed: ${describeFault(outcome.fault)}`);
  return {
    name: call.name,
    args: call.args,
    ok: false,
    error: outcome.error,
    ...(outcome.internal ? { internal: true as const } : {}),
  };
}

/** Several calls of one model turn run concurrently; results keep the calls' order. */
export function runToolCalls(
  context: ToolContext,
  calls: readonly ToolCall[],
  logger: AnalystLogger,
): Promise<ToolCallRecord[]> {
  return Promise.all(calls.map((call) => runToolCall(context, call, logger)));
}

function describeFault(fault: unknown): string {
  return fault instanceof Error ? (fault.stack ?? fault.message) : String(fault);
}
