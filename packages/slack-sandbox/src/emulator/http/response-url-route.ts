import type { Context } from "hono";
import { applyResponse } from "../actions/respond.js";
import { SlackApiError } from "../web-api/method.js";
import type { Workspaces } from "../workspaces.js";

/** The `response_url`s handed out with slash commands and interactions. */
export function responseUrlRoute(workspaces: Workspaces) {
  return async (c: Context): Promise<Response> => {
    // Paths are `/<kind>/<team>/...`, so the team says whose conversation the reply lands in.
    const path = new URL(c.req.url).pathname;
    const ws = workspaces.team(path.split("/")[2] ?? "")?.ws;
    const target = ws?.responseUrls.resolve(path);
    if (!ws || !target) return c.text("Not Found", 404);
    let payload: unknown;
    try {
      payload = JSON.parse(await c.req.text());
    } catch {
      return c.json({ ok: false, error: "invalid_json" }, 400);
    }
    if (typeof payload !== "object" || payload === null)
      return c.json({ ok: false, error: "invalid_payload" }, 400);
    try {
      applyResponse(ws, target, payload as Record<string, unknown>, "response_url");
    } catch (error) {
      if (error instanceof SlackApiError) return c.json({ ok: false, error: error.code }, 400);
      throw error;
    }
    return c.json({ ok: true });
  };
}
