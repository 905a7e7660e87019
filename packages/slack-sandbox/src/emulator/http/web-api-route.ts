import type { Context } from "hono";
import type { FaultPlan } from "../faults.js";
import type { InstallCodes } from "../oauth/install-codes.js";
import { oauthAccess } from "../oauth/oauth-access.js";
import { dispatchApiCall } from "../web-api/dispatcher.js";
import type { Workspaces } from "../workspaces.js";
import { readApiRequest } from "./api-request.js";

/**
 * `<base>/api/<method>`: Slack's Web API over HTTP. A call acts in the workspace whose bot token it carries;
 * a token of no workspace is refused (and recorded) in the first one. `oauth.v2.access` is the one method
 * authenticated by the app's client credentials instead of a token.
 */
export function webApiRoute(workspaces: Workspaces, faults: FaultPlan, codes: InstallCodes) {
  return async (c: Context): Promise<Response> => {
    const method = c.req.param("method") ?? "";
    const parsed = await readApiRequest(c);
    if ("error" in parsed) return c.json({ ok: false, error: parsed.error });
    if (method === "oauth.v2.access")
      return c.json(oauthAccess(workspaces, codes, parsed.args, c.req.header("authorization")));
    const ws = workspaces.forToken(parsed.token) ?? workspaces.primary.ws;
    const response = dispatchApiCall(ws, faults, { method, args: parsed.args, token: parsed.token });
    return c.json(response.body, response.status, response.headers);
  };
}
