import type { Context } from "hono";
import type { FaultPlan } from "../faults.js";
import { dispatchApiCall } from "../web-api/dispatcher.js";
import type { Workspace } from "../workspace.js";
import { readApiRequest } from "./api-request.js";

/** `<base>/api/<method>`: Slack's Web API over HTTP. */
export function webApiRoute(ws: Workspace, faults: FaultPlan) {
  return async (c: Context): Promise<Response> => {
    const method = c.req.param("method") ?? "";
    const parsed = await readApiRequest(c);
    if ("error" in parsed) return c.json({ ok: false, error: parsed.error });
    const response = dispatchApiCall(ws, faults, { method, args: parsed.args, token: parsed.token });
    return c.json(response.body, response.status, response.headers);
  };
}
