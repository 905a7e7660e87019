import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Gemini API stand-in on 127.0.0.1 speaking the REST protocol of `models/{model}:generateContent`:
 * it records each request the real SDK sends and answers from a script, one reply per request.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, to search for values that must never leave the process. */
  raw: string;
  body: GenerateContentBody;
}

export interface GenerateContentBody {
  contents: Array<{ role?: string; parts: Array<Record<string, unknown>> }>;
  systemInstruction?: { parts: Array<{ text?: string }> };
  tools?: Array<{ functionDeclarations?: Array<{ name: string; parametersJsonSchema?: unknown }> }>;
  toolConfig?: { functionCallingConfig?: { mode?: string } };
  generationConfig?: Record<string, unknown>;
}

export type ScriptedReply =
  | { kind: "json"; status: number; body: unknown }
  /** Never answers: the client's timeout has to end the call. */
  | { kind: "hang" };

export interface ScriptedGemini {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startScriptedGemini(script: readonly ScriptedReply[]): Promise<ScriptedGemini> {
  const requests: RecordedRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      requests.push({
        method: request.method ?? "",
        path: request.url ?? "",
        headers: request.headers,
        raw,
        body: JSON.parse(raw || "{}") as GenerateContentBody,
      });
      const reply =
        script[requests.length - 1] ?? errorReply(500, "INTERNAL", "the script has no more replies");
      if (reply.kind === "hang") {
        hanging.push(response);
        return;
      }
      response.writeHead(reply.status, { "content-type": "application/json; charset=UTF-8" });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const USAGE = { promptTokenCount: 812, candidatesTokenCount: 64, totalTokenCount: 876 };

/** A model turn asking for function calls, several in one turn when given several. */
export function callsReply(
  calls: Array<{ name: string; args: Record<string, unknown>; id?: string }>,
): ScriptedReply {
  const parts = calls.map((call, index) => ({
    functionCall: { name: call.name, args: call.args, ...(call.id ? { id: call.id } : {}) },
    // Thinking models sign their first call; the signature must come back untouched.
    ...(index === 0 ? { thoughtSignature: "c2lnbmF0dXJl" } : {}),
  }));
  return modelReply(parts);
}

export function textReply(text: string): ScriptedReply {
  return modelReply([{ text }]);
}

function modelReply(parts: Array<Record<string, unknown>>): ScriptedReply {
  return {
    kind: "json",
    status: 200,
    body: {
      candidates: [{ content: { role: "model", parts }, finishReason: "STOP", index: 0 }],
      usageMetadata: USAGE,
      modelVersion: "gemini-2.5-flash",
      responseId: "scripted",
    },
  };
}

/** An error as the API sends it: `{ error: { code, message, status, details } }`. */
export function errorReply(
  code: number,
  status: string,
  message: string,
  details?: unknown[],
): ScriptedReply {
  return {
    kind: "json",
    status: code,
    body: { error: { code, message, status, ...(details ? { details } : {}) } },
  };
}

export function rateLimitedReply(retryDelay: string): ScriptedReply {
  return errorReply(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota. Please retry shortly.", [
    { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay },
  ]);
}

export const HANG: ScriptedReply = { kind: "hang" };
