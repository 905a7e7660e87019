import type { FaultPlan } from "../faults.js";
import type { Workspace } from "../workspace.js";
import { type ApiArgs, type ApiResult, SlackApiError } from "./method.js";
import { METHODS } from "./registry.js";

export interface ApiCallRequest {
  method: string;
  args: ApiArgs;
  /** From `Authorization: Bearer` or, for form bodies, the `token` argument. */
  token: string | undefined;
}

export interface ApiCallResponse {
  /** 200 for every answer but rate limiting, as on Slack. */
  status: 200 | 429;
  headers: Record<string, string>;
  body: ApiResult;
}

function failure(error: string, detail?: string): ApiResult {
  return detail ? { ok: false, error, response_metadata: { messages: [detail] } } : { ok: false, error };
}

/**
 * Runs one Web API call: method lookup, token check, injected faults, the method itself, and a
 * record of the call (without its token) in the transcript.
 */
export function dispatchApiCall(ws: Workspace, faults: FaultPlan, request: ApiCallRequest): ApiCallResponse {
  const response = answer(ws, faults, request);
  const { token: _token, ...args } = request.args;
  const error = typeof response.body.error === "string" ? response.body.error : undefined;
  ws.store.recordApiCall({
    method: request.method,
    args,
    ok: response.body.ok === true,
    ...(error ? { error } : {}),
    status: response.status,
    at: Date.now(),
  });
  return response;
}

function answer(ws: Workspace, faults: FaultPlan, request: ApiCallRequest): ApiCallResponse {
  const ok = (body: ApiResult): ApiCallResponse => ({ status: 200, headers: {}, body });
  const handler = METHODS.get(request.method);
  if (!handler) return ok({ ok: false, error: "unknown_method", req_method: request.method });
  if (!request.token) return ok(failure("not_authed"));
  if (request.token !== ws.config.botToken || !ws.config.installed) return ok(failure("invalid_auth"));
  const fault = faults.take(request.method);
  if (fault?.kind === "rate_limited") {
    return {
      status: 429,
      headers: { "Retry-After": String(fault.retryAfter) },
      body: { ok: false, error: "ratelimited" },
    };
  }
  if (fault?.kind === "error") return ok(failure(fault.error));
  try {
    return ok({ ok: true, ...handler(ws, request.args) });
  } catch (error) {
    if (error instanceof SlackApiError) return ok(failure(error.code, error.detail));
    // An emulator fault answers like Slack's own (`internal_error`), so a client does not retry for minutes.
    return ok(failure("internal_error", error instanceof Error ? error.message : String(error)));
  }
}
