import {
  type Content,
  type FunctionCall,
  FunctionCallingConfigMode,
  type GenerateContentResponse,
  GoogleGenAI,
  type Part,
} from "@google/genai";
import type { AnalystLogger } from "../analyst-logger.js";
import type { ThreadMemory } from "../history/thread-memory.js";
import { runToolCalls, type ToolCallRecord } from "../tool-runner.js";
import { ANALYST_TOOLS } from "../tools/index.js";
import type { JsonObject, ToolContext } from "../tools/tool.js";
import { callWithRetry, type RetryPolicy, type Sleep } from "./call-with-retry.js";
import { functionDeclarations } from "./function-declarations.js";
import { GeminiFailure } from "./gemini-failure.js";
import { memoryToContents } from "./history-contents.js";
import { systemPrompt } from "./system-prompt.js";

export interface GeminiSettings {
  apiKey: string;
  model: string;
  /** GEMINI_BASE_URL: a proxy, or the scripted server of the tests. */
  baseUrl?: string;
}

export interface LoopLimits {
  /** Model calls per question; the last one must answer in text. */
  maxSteps: number;
  retry: RetryPolicy;
}

export const DEFAULT_LOOP_LIMITS: LoopLimits = {
  maxSteps: 6,
  retry: { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 20_000, callTimeoutMs: 45_000 },
};

export interface LoopInput {
  settings: GeminiSettings;
  context: ToolContext;
  memory: ThreadMemory;
  question: string;
  limits: LoopLimits;
  logger: AnalystLogger;
  sleep?: Sleep;
}

export interface LoopOutcome {
  text: string;
  toolCalls: ToolCallRecord[];
}

/**
 * Model -> tool calls (all of one turn run concurrently) -> function responses -> model, until the model
 * answers in text. The last allowed step forbids function calls, so a model that keeps asking for tools
 * still has to answer with what it has. Throws GeminiFailure when no usable answer comes.
 */
export async function runGeminiLoop(input: LoopInput): Promise<LoopOutcome> {
  const { settings, context, limits } = input;
  const client = new GoogleGenAI({
    apiKey: settings.apiKey,
    ...(settings.baseUrl ? { httpOptions: { baseUrl: settings.baseUrl } } : {}),
  });
  const declarations = functionDeclarations(ANALYST_TOOLS);
  const systemInstruction = systemPrompt(context);
  const contents: Content[] = [
    ...memoryToContents(input.memory),
    { role: "user", parts: [{ text: input.question }] },
  ];
  const toolCalls: ToolCallRecord[] = [];
  for (let step = 1; step <= limits.maxSteps; step++) {
    const mode = step === limits.maxSteps ? FunctionCallingConfigMode.NONE : FunctionCallingConfigMode.AUTO;
    const response: GenerateContentResponse = await callWithRetry(
      (abortSignal) =>
        client.models.generateContent({
          model: settings.model,
          contents,
          config: {
            systemInstruction,
            tools: [{ functionDeclarations: declarations }],
            toolConfig: { functionCallingConfig: { mode } },
            temperature: 0.2,
            abortSignal,
          },
        }),
      limits.retry,
      input.sleep,
    );
    const candidate = response.candidates?.[0];
    const parts: Part[] = candidate?.content?.parts ?? [];
    const calls = parts.flatMap((part) => (part.functionCall ? [part.functionCall] : []));
    if (calls.length > 0 && mode === FunctionCallingConfigMode.AUTO) {
      // The model's turn goes back verbatim: thinking models sign their calls (thoughtSignature).
      contents.push({ role: "model", parts });
      const records = await runToolCalls(context, calls.map(toToolCall), input.logger);
      toolCalls.push(...records);
      contents.push({
        role: "user",
        parts: records.map((record, index) => responsePart(record, calls[index])),
      });
      continue;
    }
    const text = parts
      .filter((part) => typeof part.text === "string" && !part.thought)
      .map((part) => part.text)
      .join("")
      .trim();
    if (text !== "") return { text, toolCalls };
    const finish = candidate?.finishReason ?? response.promptFeedback?.blockReason ?? "none";
    throw new GeminiFailure("bad_response", `no text in the answer (finish reason: ${finish})`);
  }
  throw new GeminiFailure("step_limit", `no answer after ${limits.maxSteps} steps`);
}

function toToolCall(call: FunctionCall): { name: string; args: JsonObject } {
  return { name: call.name ?? "", args: (call.args ?? {}) as JsonObject };
}

/** A function response: "output" for a result, "error" for a failure, as the API documents. */
function responsePart(record: ToolCallRecord, call: FunctionCall | undefined): Part {
  return {
    functionResponse: {
      ...(call?.id ? { id: call.id } : {}),
      name: record.name,
      response: record.ok ? { output: record.result ?? {} } : { error: record.error ?? "failed" },
    },
  };
}
